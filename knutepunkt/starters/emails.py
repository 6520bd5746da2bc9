"""E-mails to a starter (in the site's main language: a starter has no language of their
own). The address is read from the record and never logged."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from knutepunkt.operations.outbox import outbox_queue
from knutepunkt.starters.models import Starter
from knutepunkt.starters.tokens import status_token


def status_url(starter: Starter) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("starters:status", kwargs={"token": status_token(starter)})
    return f"{settings.SITE_URL}{path}"


def send_reminder(starter_id: int, days_left: int) -> None:
    """Before the record is deleted for inactivity: keep it, or let it go."""
    starter = Starter.objects.select_related("office").filter(pk=starter_id).first()
    if starter is None or not starter.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "starters/emails/reminder.txt",
            {"starter": starter, "status_url": status_url(starter), "days_left": days_left},
        )
        subject = _("Do you still want to be a group starter?")
        outbox_queue(
            EmailMessage(subject, body, None, [starter.email]),
            kind="starters.reminder",
            ref=f"starters.starter:{starter.pk}",
        )
