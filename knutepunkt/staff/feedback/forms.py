"""The form staff use to accept a listing correction: the listing's public fields, as they
are now; staff change what the request asks for."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knutepunkt.feedback.models import ChangeRequest, ListingKind
from knutepunkt.feedback.services import EDITABLE_FIELDS, listing_of
from knutepunkt.groups.models import GroupFormat, GroupStatus, GroupTarget, Weekday
from knutepunkt.network.models import ContactPointStatus

_TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
_TEXT = forms.Textarea(attrs={"rows": 3})


def _field(kind: str, name: str) -> forms.Field:
    """The form field for one editable listing field."""
    if name == "status":
        choices = GroupStatus.choices if kind == ListingKind.GROUP else ContactPointStatus.choices
        return forms.ChoiceField(label=_("Status"), choices=choices)
    fields: dict[str, forms.Field] = {
        "title": forms.CharField(label=_("Title"), max_length=200, required=False),
        "name": forms.CharField(label=_("Name"), max_length=200),
        "format": forms.ChoiceField(label=_("Format"), choices=GroupFormat.choices),
        "target": forms.ChoiceField(label=_("For whom"), choices=GroupTarget.choices),
        "meeting_time": forms.CharField(label=_("Meeting time"), max_length=150, required=False),
        "meeting_weekday": forms.TypedChoiceField(
            label=_("Fixed weekday"),
            required=False,
            choices=[("", _("No fixed weekly time")), *Weekday.choices],
            coerce=int,
            empty_value=None,
        ),
        "meeting_starts": forms.TimeField(label=_("Starts at"), required=False, widget=_TIME),
        "meeting_ends": forms.TimeField(label=_("Ends at"), required=False, widget=_TIME),
        "email": forms.EmailField(label=_("Public e-mail"), required=False),
        "phone": forms.CharField(label=_("Public phone"), max_length=30, required=False),
        "address": forms.CharField(label=_("Address"), max_length=200, required=False),
        "website": forms.URLField(label=_("Website"), required=False),
        "opening_hours": forms.CharField(label=_("Opening hours"), max_length=200, required=False),
        "description_nb": forms.CharField(
            label=_("Description (bokmål)"), required=False, widget=_TEXT
        ),
        "description_en": forms.CharField(
            label=_("Description (English)"), required=False, widget=_TEXT
        ),
    }
    return fields[name]


class AcceptForm(forms.Form):
    on = forms.DateField(
        label=_("Date of a status change"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reply = forms.CharField(
        label=_("Answer to the sender (optional)"),
        required=False,
        max_length=2000,
        widget=_TEXT,
        help_text=_("Sent only if they left an e-mail address; the address is then deleted."),
    )

    def __init__(self, *args: Any, change_request: ChangeRequest, **kwargs: Any) -> None:
        listing = listing_of(change_request)
        self.editable = EDITABLE_FIELDS[change_request.kind]
        initial = {name: getattr(listing, name) for name in self.editable}
        initial["on"] = timezone.localdate()
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        listing_fields = {name: _field(change_request.kind, name) for name in self.editable}
        self.fields = {**listing_fields, **self.fields}
        if "status" not in self.editable:
            del self.fields["on"]

    def listing_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.editable}


class DismissForm(forms.Form):
    reply = forms.CharField(
        label=_("Answer to the sender (optional)"),
        required=False,
        max_length=2000,
        widget=_TEXT,
        help_text=_("Sent only if they left an e-mail address; the address is then deleted."),
    )
