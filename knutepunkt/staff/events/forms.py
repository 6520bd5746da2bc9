"""Forms of the staff event pages. They validate and prepare; the services write."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from knutepunkt.events.models import Event, EventSession, QuestionKind
from knutepunkt.events.services import MAX_SESSIONS, MessageRecipients, SessionInput
from knutepunkt.events.services.approval import DECLINE_MESSAGE_MAX_LENGTH
from knutepunkt.network.models import ContactPoint, DistrictOffice, Partner
from knutepunkt.staff.events.event_templates import get_template
from knutepunkt.web.forms import MunicipalityField

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]


def _datetime_field(label: Any, *, required: bool = False, help_text: Any = "") -> Any:
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class EventForm(forms.ModelForm):
    """Create or edit an event. The office and contact point follow from the user's role:
    office staff organise for their office, a coordinator for their contact point."""

    template = forms.CharField(required=False, widget=forms.HiddenInput)
    municipality = MunicipalityField(
        label=_("Municipality"),
        required=False,
        help_text=_("Number or name, e.g. 1506 or Molde. Leave empty for online events."),
    )
    starts_at = _datetime_field(_("Starts"), required=True)
    ends_at = _datetime_field(_("Ends"), help_text=_("Empty: the template's usual length."))
    signup_opens_at = _datetime_field(_("Sign-up opens"), help_text=_("Empty: open now."))
    signup_closes_at = _datetime_field(
        _("Sign-up closes"), help_text=_("Empty: when the event starts.")
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        required=False,
        min_value=1,
        max_value=100000,
        help_text=_("Empty for no limit."),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "is_public",
            "target_group",
            "description",
            "description_nn",
            "description_en",
            "starts_at",
            "ends_at",
            "venue",
            "address",
            "municipality",
            "online",
            "office",
            "contact_point",
            "organiser_partner",
            "partners",
            "capacity",
            "has_waiting_list",
            "needs_approval",
            "signup_opens_at",
            "signup_closes_at",
        ]
        widgets = {
            "partners": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 8}),
            "description_nn": forms.Textarea(attrs={"rows": 6}),
            "description_en": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.first_session = None
        if self.instance.pk is not None:
            sessions = self.instance.session_list()
            if sessions[0].pk is not None:
                # Several sessions: the event's own start and end fields are the first one.
                self.first_session = sessions[0]
                self.initial["starts_at"] = sessions[0].starts_at
                self.initial["ends_at"] = sessions[0].ends_at
                self.fields["starts_at"].label = _("First session starts")
                self.fields["ends_at"].label = _("First session ends")
        self.fields["is_public"].help_text = _(
            "Public events are in the calendar and take sign-ups; internal ones are not."
        )
        if user.is_head_office:
            self.fields["office"].queryset = DistrictOffice.objects.order_by("name")  # type: ignore[attr-defined]
            contact_points = ContactPoint.objects.order_by("name")
            partners = Partner.objects.order_by("name")
        else:
            del self.fields["office"]
            if user.is_coordinator:
                del self.fields["contact_point"]
                self.instance.contact_point = user.contact_point
                self.instance.office = user.contact_point.office
            elif self.instance.office_id is None:
                self.instance.office = user.office
            office_id = self.instance.office_id
            contact_points = ContactPoint.objects.filter(office=office_id).order_by("name")
            partners = Partner.objects.filter(office=office_id).order_by("name")
        if "contact_point" in self.fields:
            self.fields["contact_point"].queryset = contact_points  # type: ignore[attr-defined]
        self.fields["organiser_partner"].queryset = partners  # type: ignore[attr-defined]
        self.fields["partners"].queryset = partners  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts_at = cleaned.get("starts_at")
        template = get_template(cleaned.get("template"))
        if starts_at and not cleaned.get("ends_at") and "ends_at" not in self.errors:
            if template is None:
                self.add_error("ends_at", _("Enter when the event ends."))
            else:
                cleaned["ends_at"] = starts_at + template.duration
        return cleaned

    def without_errors(self) -> EventForm:
        """Show what was posted without judging it yet: the "Add another session" button
        only adds a row, so half-filled fields are no error."""
        self._errors = ErrorDict()
        return self

    def sessions(self, further: list[SessionInput]) -> list[SessionInput]:
        """All sessions: the event's own start and end (the first session), then
        ``further``."""
        first = SessionInput(
            starts_at=self.cleaned_data["starts_at"],
            ends_at=self.cleaned_data["ends_at"],
            venue_note=self.first_session.venue_note if self.first_session else "",
            pk=self.first_session.pk if self.first_session else None,
        )
        return [first, *further]

    def service_values(self) -> dict[str, Any]:
        """Keyword arguments for ``event_create`` / ``event_update``."""
        values = {
            name: self.cleaned_data[name]
            for name in self.Meta.fields
            if name in self.fields and name != "partners"
        }
        values.setdefault("office", self.instance.office)
        if "contact_point" not in self.fields:
            values["contact_point"] = self.instance.contact_point
        return values


class SessionForm(forms.Form):
    """A further session of an event over several days (the event's own start and end
    are the first)."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    starts_at = _datetime_field(_("Starts"))
    ends_at = _datetime_field(_("Ends"))
    venue_note = forms.CharField(
        label=_("Venue note (optional)"),
        required=False,
        max_length=200,
        help_text=_("E.g. another room or address for this session."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if self.has_changed() and not cleaned.get("DELETE"):
            if starts_at is None and "starts_at" not in self.errors:
                self.add_error("starts_at", _("Enter when the session starts."))
            if ends_at is None and "ends_at" not in self.errors:
                self.add_error("ends_at", _("Enter when the session ends."))
            if starts_at and ends_at and ends_at < starts_at:
                self.add_error("ends_at", _("The end cannot be before the start."))
        return cleaned


class BaseSessionFormSet(forms.BaseFormSet):
    # False when the POST did not carry the formset at all (see ``session_formset``).
    submitted: bool = True

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Remove this session")

    def sessions(self) -> list[SessionInput]:
        """The further sessions entered (blank and removed rows left out)."""
        result = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", {})
            if not data or data.get("DELETE") or not data.get("starts_at"):
                continue
            result.append(
                SessionInput(
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    venue_note=data.get("venue_note") or "",
                    pk=data.get("id"),
                )
            )
        return result


SessionFormSet = forms.formset_factory(
    SessionForm,
    formset=BaseSessionFormSet,
    extra=1,
    can_delete=True,
    max_num=MAX_SESSIONS - 1,
    validate_max=True,
)

SESSION_PREFIX = "sessions"


def session_formset(data: Any, event: Event | None, *, add_one: bool = False) -> BaseSessionFormSet:
    """The further sessions of ``event`` (its second session onwards) as a formset with
    one blank row. ``add_one`` (the "Add another session" button, which works without
    JavaScript) shows the posted rows again with one more blank row.

    A POST without the formset (a script that knows nothing of sessions) leaves the
    sessions as they are: the formset is unbound and ``submitted`` is False."""
    submitted = data is not None and f"{SESSION_PREFIX}-TOTAL_FORMS" in data
    if not submitted:
        data = None
    if add_one and data is not None:
        data = data.copy()
        key = f"{SESSION_PREFIX}-TOTAL_FORMS"
        total = int(data.get(key) or 0)
        data[key] = str(min(total + 1, MAX_SESSIONS - 1))
        formset = cast(BaseSessionFormSet, SessionFormSet(data, prefix=SESSION_PREFIX))
        for form in formset.forms:  # the rows are shown again; errors wait for saving
            form._errors = ErrorDict()
        formset._non_form_errors = formset.error_class()  # type: ignore[attr-defined]
        formset.submitted = True
        return formset
    initial = []
    if event is not None:
        sessions = event.session_list()
        initial = [
            {
                "id": session.pk,
                "starts_at": session.starts_at,
                "ends_at": session.ends_at,
                "venue_note": session.venue_note,
            }
            for session in sessions[1:]
            if session.pk is not None
        ]
    formset = cast(BaseSessionFormSet, SessionFormSet(data, prefix=SESSION_PREFIX, initial=initial))
    formset.submitted = submitted
    return formset


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), max_length=300)
    kind = forms.ChoiceField(
        label=_("Type of answer"),
        choices=[(QuestionKind.SHORT_TEXT, _("Short text")), (QuestionKind.YES_NO, _("Yes or no"))],
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)


class MessageForm(forms.Form):
    recipients = forms.ChoiceField(
        label=_("To"),
        choices=MessageRecipients.choices,
        initial=MessageRecipients.CONFIRMED,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Each person gets their own e-mail; nobody sees the others' addresses."),
    )


class DeclineForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the person (optional)"),
        required=False,
        max_length=DECLINE_MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AttendanceForm(forms.Form):
    attended_count = forms.IntegerField(label=_("Number who came"), min_value=0, max_value=100000)
    attended = forms.TypedMultipleChoiceField(
        label=_("Who came"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional. For a starter training, those ticked who agreed become starters."),
    )

    def __init__(
        self,
        *args: Any,
        registrations: list[Any],
        sessions: list[EventSession] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [(r.pk, f"{r.name} ({r.get_status_display()})") for r in registrations]
        self.fields["attended"].choices = choices  # type: ignore[attr-defined]
        self.sessions = [session for session in sessions or [] if session.pk is not None]
        if len(self.sessions) < 2:
            self.sessions = []
        if self.sessions:
            # Several sessions: a checkbox per person per session instead of one list.
            del self.fields["attended"]
            self.fields["attended_count"].help_text = _(
                "The number of people who came to at least one session."
            )
            for session in self.sessions:
                self.fields[session_field_name(session)] = forms.TypedMultipleChoiceField(
                    required=False,
                    coerce=int,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                )

    def session_attendance(self) -> dict[int, list[int]] | None:
        """Who came to each session, for ``event_record_attendance``; ``None`` for an
        event with one session."""
        if not self.sessions:
            return None
        return {
            session.pk: self.cleaned_data.get(session_field_name(session)) or []
            for session in self.sessions
        }


def session_field_name(session: EventSession) -> str:
    return f"session_{session.pk}"


def start_suggestion(now: datetime.datetime) -> datetime.datetime:
    """Where a template's start is prefilled: two weeks ahead, 18:00 local time."""
    from django.utils import timezone

    day = timezone.localdate(now) + datetime.timedelta(days=14)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(18, 0)))
