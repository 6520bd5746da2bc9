"""Staff workspace forms for self-help groups. There is deliberately no field for who is in
a group: groups are closed and confidential, and the system never stores members."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knutepunkt.groups.models import (
    GroupFormat,
    GroupStatus,
    GroupTarget,
    SelfHelpGroup,
    Topic,
    Weekday,
)
from knutepunkt.network.models import ContactPoint
from knutepunkt.staff.network.forms import OfficeChoiceMixin
from knutepunkt.starters.models import Starter
from knutepunkt.web.forms import MunicipalityField

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
_DETAIL_FIELDS = (
    "topic",
    "title",
    "format",
    "target",
    "description_nb",
    "description_nn",
    "description_en",
    "meeting_time",
    "meeting_weekday",
    "meeting_starts",
    "meeting_ends",
    "started_on",
    "ended_on",
)


class GroupForm(OfficeChoiceMixin, forms.Form):
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all())
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Optional; the topic is shown when this is empty."),
    )
    contact_point = forms.ModelChoiceField(
        label=_("Contact point"), required=False, queryset=ContactPoint.objects.none()
    )
    format = forms.ChoiceField(label=_("Format"), choices=GroupFormat.choices)
    municipality = MunicipalityField(
        label=_("Municipality"),
        required=False,
        help_text=_("Where the group meets. Empty for phone and online groups."),
    )
    target = forms.ChoiceField(label=_("For whom"), choices=GroupTarget.choices)
    meeting_time = forms.CharField(
        label=_("Meeting time"),
        max_length=150,
        required=False,
        help_text=_("E.g. every other Tuesday."),
    )
    meeting_weekday = forms.TypedChoiceField(
        label=_("Fixed weekday"),
        required=False,
        choices=[("", _("No fixed weekly time")), *Weekday.choices],
        coerce=int,
        empty_value=None,
        help_text=_("Only for a group that meets every week: meeting finders can list it."),
    )
    meeting_starts = forms.TimeField(label=_("Starts at"), required=False, widget=_TIME)
    meeting_ends = forms.TimeField(label=_("Ends at"), required=False, widget=_TIME)
    description_nb = forms.CharField(
        label=_("Description (bokmål)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    description_nn = forms.CharField(
        label=_("Description (nynorsk)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    description_en = forms.CharField(
        label=_("Description (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    started_on = forms.DateField(label=_("Started on"), required=False, widget=_DATE)
    ended_on = forms.DateField(label=_("Ended on"), required=False, widget=_DATE)
    starter = forms.ModelChoiceField(
        label=_("Started by (starter)"), required=False, queryset=Starter.objects.none()
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=GroupStatus.choices, initial=GroupStatus.FORMING
    )

    def __init__(
        self, *args: Any, user: Any, group: SelfHelpGroup | None = None, **kwargs: Any
    ) -> None:
        if group is not None:
            initial = {name: getattr(group, name) for name in _DETAIL_FIELDS}
            initial.update(
                {
                    "topic": group.topic_id,
                    "contact_point": group.contact_point_id,
                    "municipality": group.municipality,
                    "starter": group.starter_id,
                }
            )
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        if group is not None:
            del self.fields["status"]  # changed with a date, on the group's page
        contact_point = self.fields["contact_point"]
        starter = self.fields["starter"]
        assert isinstance(contact_point, forms.ModelChoiceField)
        assert isinstance(starter, forms.ModelChoiceField)
        if user.is_coordinator:
            # A coordinator's groups are always at their own contact point; they do not
            # pick starters from the office's register.
            del self.fields["contact_point"]
            del self.fields["starter"]
            return
        office_id = group.office_id if group is not None else user.office_id
        contact_points = ContactPoint.objects.visible_to(user).order_by("name")
        starters = Starter.objects.editable_by(user).order_by("name")
        if office_id is not None:
            contact_points = contact_points.filter(office_id=office_id)
            starters = starters.filter(office_id=office_id)
        contact_point.queryset = contact_points
        starter.queryset = starters
        if group is None:
            self._office_field(user)


class GroupStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=GroupStatus.choices)
    on = forms.DateField(label=_("Date"), widget=_DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class GroupFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Part of the group's title, its contact point or its municipality."),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *GroupStatus.choices]
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"), required=False, queryset=Topic.objects.all(), empty_label=_("All topics")
    )

    def filter(self, groups: Any) -> Any:
        """``groups`` narrowed by the valid filters."""
        data = self.cleaned_data
        if data.get("q"):
            text = data["q"].strip()
            groups = groups.filter(
                Q(title__icontains=text)
                | Q(contact_point__name__icontains=text)
                | Q(municipality__name__icontains=text)
            )
        if data.get("status"):
            groups = groups.filter(status=data["status"])
        if data.get("topic"):
            groups = groups.filter(topic=data["topic"])
        return groups
