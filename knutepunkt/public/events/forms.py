from __future__ import annotations

import datetime
import secrets
from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from knutepunkt.events.models import EventKind, EventQuestion, QuestionKind
from knutepunkt.events.services.registrations import ANSWER_MAX_LENGTH
from knutepunkt.geo.models import County

# Dates outside this range are surely typing errors, and would overflow date arithmetic.
EARLIEST = datetime.date(2000, 1, 1)
LATEST = datetime.date(2100, 12, 31)


def _plausible_date(value: datetime.date) -> None:
    if not EARLIEST <= value <= LATEST:
        raise ValidationError(_("Enter a date between the years 2000 and 2100."), code="range")


class EventFilterForm(forms.Form):
    """The calendar's filters. Every field is optional; invalid ones are reported and
    ignored, so a bad link still shows the calendar."""

    county = forms.ChoiceField(label=_("County"), required=False)
    kind = forms.ChoiceField(
        label=_("Type of event"),
        required=False,
        choices=[("", _("All types")), *EventKind.choices],
    )
    date_from = forms.DateField(
        label=_("From date"),
        required=False,
        validators=[_plausible_date],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
    )
    date_to = forms.DateField(
        label=_("To date"),
        required=False,
        validators=[_plausible_date],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        counties = County.objects.current().order_by("name").values_list("number", "name")
        self.fields["county"].choices = [("", _("All counties")), *counties]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("The to date cannot be before the from date."))
        return cleaned

    def filters(self) -> dict[str, Any]:
        """The valid, non-empty filters, in a fixed order (also the cache key)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            name: cleaned[name]
            for name in ("county", "kind", "date_from", "date_to")
            if cleaned.get(name) not in (None, "")
        }


phone_validator = RegexValidator(
    r"^\+?[0-9 ()-]{4,25}$",
    _("Enter a phone number with digits only (spaces and + are fine)."),
)


YES_NO_CHOICES = [("yes", _("Yes")), ("no", _("No"))]


def _question_field(question: EventQuestion) -> forms.Field:
    """The sign-up form field for one of the organiser's questions. The consent question
    is worded in the page's language; the organiser's own wording is bokmål, which the
    field's ``content_lang`` tells the label (WCAG 3.1.2)."""
    if question.kind == QuestionKind.STARTER_CONSENT:
        return forms.BooleanField(label=question.label, required=False)
    field: forms.Field
    if question.kind == QuestionKind.YES_NO:
        field = forms.ChoiceField(
            label=question.label,
            choices=YES_NO_CHOICES,
            required=question.required,
            widget=forms.RadioSelect,
        )
    else:
        field = forms.CharField(
            label=question.label,
            required=question.required,
            max_length=ANSWER_MAX_LENGTH,
            help_text="" if question.required else _("Optional."),
        )
    setattr(field, "content_lang", "nb")  # noqa: B010 - read by the form_labels filters
    return field


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send the confirmation and a link to cancel here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=30,
        required=False,
        validators=[phone_validator],
        help_text=_("Only if you want the organiser to be able to call you about the event."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    # A random key per form shown: the same form sent twice is one sign-up
    # (``registration_create(submission_key=…)``).
    submission_key = forms.CharField(
        required=False, max_length=64, widget=forms.HiddenInput, label=""
    )

    def __init__(self, *args: Any, questions: Iterable[EventQuestion] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", secrets.token_urlsafe(18))
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q_{question.pk}"] = _question_field(question)

    def answers(self) -> dict[str, Any]:
        """The answers, keyed by question id, for ``registration_create``."""
        answers: dict[str, Any] = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q_{question.pk}")
            if question.kind == QuestionKind.YES_NO:
                value = {"yes": True, "no": False}.get(value or "")
            if value not in (None, ""):
                answers[question.key] = value
        return answers
