from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _


class FindForm(forms.Form):
    """The one GET form of the "Find help" page. Works without JavaScript: ``sted`` is
    matched by name on the server; ``kommune`` and ``lat``/``lon`` are filled by the
    typeahead and the "near me" button when JavaScript is there. The template writes the
    inputs out by hand (ids ``find-<name>``) to keep the page cheap to render."""

    q = forms.CharField(
        label=_("What do you want help with?"),
        required=False,
        max_length=200,
        help_text=_("For example anxiety, grief or relatives of people with addiction."),
    )
    sted = forms.CharField(
        label=_("Where do you live?"),
        required=False,
        max_length=100,
        help_text=_("Your municipality, for example Molde or Tromsø."),
    )
    kommune = forms.CharField(
        label=_("Municipality number"),
        required=False,
        widget=forms.HiddenInput,
        validators=[RegexValidator(r"^\d{4}$", _("A municipality number has four digits."))],
    )
    lat = forms.FloatField(
        label=_("Latitude of your position"),
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.HiddenInput,
    )
    lon = forms.FloatField(
        label=_("Longitude of your position"),
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "find-%s")
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        has_lat = cleaned.get("lat") is not None
        has_lon = cleaned.get("lon") is not None
        if has_lat != has_lon:
            raise forms.ValidationError(
                _("Your position was incomplete. Please type your municipality instead.")
            )
        return cleaned
