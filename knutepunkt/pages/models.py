from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.i18n import LocalizedText, localized, localized_text

MARKUP_HELP = _(
    "Plain text. A blank line starts a new paragraph; a line starting with “## ” is a "
    "heading; lines starting with “- ” form a list; write links as [text](https://…)."
)


class InfoPageQuerySet(models.QuerySet[Any]):
    def published(self) -> InfoPageQuerySet:
        """Pages the public may read, in menu order."""
        return self.filter(is_published=True).order_by("menu_order", "slug")


class InfoPage(models.Model):
    """A public information page (what self-help is, privacy, accessibility …), written
    by head office in bokmål and English."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title_nb = models.CharField(_("title (bokmål)"), max_length=150)
    title_nn = models.CharField(
        _("title (nynorsk)"),
        max_length=150,
        blank=True,
        help_text=_("Shown on the nynorsk pages; when empty, the bokmål is shown."),
    )
    title_en = models.CharField(_("title (English)"), max_length=150)
    summary_nb = models.CharField(_("summary (bokmål)"), max_length=300, blank=True)
    summary_nn = models.CharField(_("summary (nynorsk)"), max_length=300, blank=True)
    summary_en = models.CharField(_("summary (English)"), max_length=300, blank=True)
    body_nb = models.TextField(_("text (bokmål)"), help_text=MARKUP_HELP)
    body_nn = models.TextField(_("text (nynorsk)"), blank=True, help_text=MARKUP_HELP)
    body_en = models.TextField(_("text (English)"), help_text=MARKUP_HELP)
    menu_order = models.PositiveSmallIntegerField(
        _("menu order"), default=100, help_text=_("Lower numbers come first.")
    )
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InfoPageQuerySet.as_manager()

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
        ordering = ["menu_order", "slug"]

    def __str__(self) -> str:
        return self.title_nb

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def summary(self) -> str:
        return localized(self, "summary")

    @property
    def body(self) -> str:
        return localized(self, "body")

    # The same, with the language each is in (bokmål stands in for a missing translation):
    # templates mark it with ``lang``.
    @property
    def title_text(self) -> LocalizedText:
        return localized_text(self, "title")

    @property
    def summary_text(self) -> LocalizedText:
        return localized_text(self, "summary")

    @property
    def body_text(self) -> LocalizedText:
        return localized_text(self, "body")
