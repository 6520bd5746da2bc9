"""The answer to a visitor who left an e-mail address with a listing correction."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from knutepunkt.operations.outbox import outbox_queue


def send_answer(
    *, address: str, language: str, listing_name: str, accepted: bool, reply: str
) -> None:
    """Sent once, when the request is closed; the address is not kept after this."""
    with translation.override(language):
        subject = _("About your message on “%(name)s”") % {"name": listing_name}
        body = render_to_string(
            "feedback/email/answer.txt",
            {"listing_name": listing_name, "accepted": accepted, "reply": reply},
        )
    outbox_queue(EmailMessage(subject, body, None, [address]), kind="feedback.answer")
