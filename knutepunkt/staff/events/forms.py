"""Forms of the staff event pages. They validate and prepare; the services write."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from knutepunkt.events.models import Event, QuestionKind
from knutepunkt.events.services import MessageRecipients
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


class AttendanceForm(forms.Form):
    attended_count = forms.IntegerField(label=_("Number who came"), min_value=0, max_value=100000)
    attended = forms.TypedMultipleChoiceField(
        label=_("Who came"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional. For a starter training, those ticked who agreed become starters."),
    )

    def __init__(self, *args: Any, registrations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [  # type: ignore[attr-defined]
            (r.pk, f"{r.name} ({r.get_status_display()})") for r in registrations
        ]


def start_suggestion(now: datetime.datetime) -> datetime.datetime:
    """Where a template's start is prefilled: two weeks ahead, 18:00 local time."""
    from django.utils import timezone

    day = timezone.localdate(now) + datetime.timedelta(days=14)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(18, 0)))
