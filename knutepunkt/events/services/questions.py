"""The organiser's own sign-up questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.audit import audit_log
from knutepunkt.events.models import Event, EventQuestion, QuestionKind
from knutepunkt.events.services.access import check_can_manage

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

# A few questions, not a survey: sign-up must stay quick.
MAX_QUESTIONS = 8
ORGANISER_KINDS = frozenset({QuestionKind.SHORT_TEXT, QuestionKind.YES_NO})


def event_question_create(
    *, event: Event, actor: User | None, text: str, kind: str, required: bool = False
) -> EventQuestion:
    """Add a question (short text or yes/no) to the event's sign-up form."""
    check_can_manage(actor, event.office, event.contact_point)
    if kind not in ORGANISER_KINDS:
        raise ValidationError({"kind": _("Choose short text or yes/no.")})
    if event.questions.count() >= MAX_QUESTIONS:
        raise ValidationError(
            _("An event can have at most %(max)d questions.") % {"max": MAX_QUESTIONS}
        )
    last = event.questions.aggregate(last=Max("position"))["last"]
    question = EventQuestion(
        event=event,
        text=text.strip(),
        kind=kind,
        required=required,
        position=(last or 0) + 1,
    )
    question.full_clean()
    with transaction.atomic():
        question.save()
        audit_log(
            actor=actor,
            action="events.question.created",
            target=question,
            office=event.office,
            data={"event": event.pk, "text": question.text, "kind": kind, "required": required},
        )
    return question


def event_question_delete(*, question: EventQuestion, actor: User | None) -> None:
    """Remove a question, and the answers already given to it (personal data with no
    purpose left). A starter training's consent question cannot be removed."""
    event = question.event
    check_can_manage(actor, event.office, event.contact_point)
    if question.kind == QuestionKind.STARTER_CONSENT:
        raise ValidationError(_("A starter training always asks for consent."))
    key = question.key
    with transaction.atomic():
        for registration in event.registrations.select_for_update().filter(answers__has_key=key):
            registration.answers.pop(key, None)
            registration.save(update_fields=["answers"])
        audit_log(
            actor=actor,
            action="events.question.deleted",
            target=question,
            office=event.office,
            data={"event": event.pk},
        )
        question.delete()
