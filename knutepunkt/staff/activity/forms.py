"""Staff forms of the activity log: fast entry, list filters, spreadsheet import."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from knutepunkt.activity import selectors
from knutepunkt.activity.models import ActivityKind, InquiryChannel, OfficeTask, PlanGoal
from knutepunkt.events.models import Event
from knutepunkt.network.models import ContactPoint, DistrictOffice, Partner, PartnerKind
from knutepunkt.web.forms import MunicipalityField

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

NOT_NEGATIVE = {"min_value": _("The number cannot be negative.")}
MAX_NEW_PARTNERS = 20
K = ActivityKind

# Kinds that are planned ahead (events and meetings) may be logged up to this many days
# in the future; every other kind (media items, advertisements, inquiries) is logged when
# it has happened, so its date cannot be after today.
PLANNED_KINDS = frozenset(
    {
        K.OWN_EVENT,
        K.CONTRIBUTION,
        K.STAND,
        K.STARTER_TRAINING,
        K.STARTER_FOLLOW_UP,
        K.PLANNING_GROUP_MEETING,
        K.PARTNER_MEETING,
        K.TEACHING,
        K.OTHER,
    }
)
MAX_DAYS_AHEAD = 366

# The fields whose presence, label and help depend on the kind. Fields not named here
# (title, municipality, partners, tasks, goals, notes) are shown for every kind.
SHAPED_FIELDS = ("participants", "people_reached", "channel", "end_date", "event", "url")


def kind_profiles() -> dict[str, dict[str, dict[str, str]]]:
    """Per kind: the shaped fields it uses, each with its label and help text. The form
    script shows only these; without the script every field is shown with the generic
    labels, and :meth:`ActivityForm.clean` refuses a number in a field the kind does not
    count (so the report's figures never miss it)."""
    present = _("People present")
    participants = (_("Participants"), _("Everyone who took part, staff not included."))
    informed = (
        _("People given information"),
        _("The audience of the office's talk or contribution."),
    )
    several_days = (_("End date"), _("For activities over several days."))
    event = (_("Event of the office"), "")
    link = (_("Link"), _("E.g. a news article."))
    meeting = {"end_date": several_days, "event": event}
    profiles: dict[str, dict[str, tuple[Any, Any]]] = {
        K.OWN_EVENT: {"participants": participants, **meeting},
        K.CONTRIBUTION: {"people_reached": informed, **meeting},
        K.STAND: {
            "participants": (
                present,
                _("People present at the congress or conference where the office had a stand."),
            ),
            **meeting,
        },
        K.STARTER_TRAINING: {
            "participants": (
                _("Participants (people trained)"),
                _("A course over two days is one activity: give the end date."),
            ),
            **meeting,
        },
        K.STARTER_FOLLOW_UP: {"participants": participants, **meeting},
        K.PLANNING_GROUP_MEETING: dict(meeting),
        K.PARTNER_MEETING: dict(meeting),
        K.TEACHING: {
            "people_reached": (_("Students taught"), _("Students present at the lecture.")),
            **meeting,
        },
        K.MEDIA_COVERAGE: {"url": link},
        K.ADVERTISEMENT: {"url": link},
        K.INQUIRY: {
            "participants": (
                _("Number of people who got in touch"),
                _("One entry may count several people, e.g. a day's phone calls."),
            ),
            "channel": (_("Channel"), _("How they got in touch.")),
        },
        K.OTHER: {
            "participants": participants,
            "people_reached": informed,
            "end_date": several_days,
            "event": event,
            "url": link,
        },
    }
    return {
        kind: {
            name: {"label": str(label), "help": str(help_)} for name, (label, help_) in p.items()
        }
        for kind, p in profiles.items()
    }


def check_activity_date(kind: str, date: datetime.date, today: datetime.date) -> str | None:
    """Why ``date`` cannot be an activity's date, or None. Planned kinds may lie up to
    MAX_DAYS_AHEAD days ahead (a typo like 2112 is caught); other kinds not after today."""
    if date <= today:
        return None
    if kind not in PLANNED_KINDS:
        return str(
            _("“%(kind)s” is logged when it has happened: the date cannot be after today.")
            % {"kind": ActivityKind(kind).label}
        )
    if (date - today).days > MAX_DAYS_AHEAD:
        return str(
            _(
                "The date is more than a year ahead (%(date)s). Check the year; plans further "
                "ahead belong in the plans for the next years."
            )
            % {"date": date.strftime("%d.%m.%Y")}
        )
    return None


def _set_choices(field: Any, queryset: Any) -> None:
    field.queryset = queryset


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ActivityForm(forms.Form):
    """Log or change one activity. Choices come from the activity's office only."""

    date = forms.DateField(label=_("Date"), widget=DateInput())
    kind = forms.ChoiceField(label=_("Type"), choices=ActivityKind.choices)
    title = forms.CharField(label=_("Title"), max_length=255)
    municipality = MunicipalityField(
        label=_("Municipality"),
        required=False,
        date_field="date",
        help_text=_("Name or four-digit number."),
        error_messages=selectors.MUNICIPALITY_ERRORS,
    )
    participants = forms.IntegerField(
        label=_("Participants"), required=False, min_value=0, error_messages=NOT_NEGATIVE
    )
    people_reached = forms.IntegerField(
        label=_("People reached"), required=False, min_value=0, error_messages=NOT_NEGATIVE
    )
    channel = forms.ChoiceField(
        label=_("Channel (direct inquiries)"),
        required=False,
        choices=InquiryChannel.choices,
        widget=forms.RadioSelect,
        help_text=_("For a direct inquiry: how the people got in touch."),
    )
    end_date = forms.DateField(
        label=_("End date"),
        required=False,
        widget=DateInput(),
        help_text=_("For activities over several days."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"),
        queryset=Partner.objects.none(),  # set in __init__ from the office
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_partners = forms.CharField(
        label=_("New partners, one name per line"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("They are added to the office's partner register."),
    )
    new_partner_kind = forms.ChoiceField(
        label=_("Type of the new partners"),
        required=False,
        choices=[("", "—"), *PartnerKind.choices],
    )
    office_tasks = forms.ModelMultipleChoiceField(
        label=_("Office tasks served"),
        queryset=OfficeTask.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    plan_goals = forms.ModelMultipleChoiceField(
        label=_("National plan goals served"),
        queryset=PlanGoal.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    event = forms.ModelChoiceField(
        label=_("Event of the office"),
        queryset=Event.objects.none(),
        required=False,
    )
    contact_point = forms.ModelChoiceField(
        label=_("Contact point"),
        queryset=ContactPoint.objects.none(),
        required=False,
    )
    url = forms.URLField(
        label=_("Link"),
        required=False,
        help_text=_("E.g. a news article."),
        assume_scheme="https",
        widget=forms.TextInput(attrs={"inputmode": "url"}),
    )

    def __init__(self, *args: Any, user: User, office: DistrictOffice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.office = office
        _set_choices(self.fields["partners"], selectors.partners_for_office(user, office))
        _set_choices(self.fields["event"], selectors.events_for_office(user, office))
        _set_choices(
            self.fields["contact_point"], selectors.contact_points_for_office(user, office)
        )
        self.fields["date"].widget.attrs["autofocus"] = True
        self.fields["title"].widget.attrs["autocomplete"] = "off"
        for name in ("participants", "people_reached"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "min": "0"})
        # Without the form script every field shows; the generic help says which kinds
        # count which number (the script replaces label and help per kind).
        self.fields["participants"].label = _("Participants / people present")
        self.fields["participants"].help_text = _(
            "Own events and starter trainings: participants. Stand: people present at the "
            "congress or conference. Direct inquiry: the number of people who got in touch."
        )
        self.fields["people_reached"].label = _("People given information (talks, teaching)")
        self.fields["people_reached"].help_text = _(
            "Talk or contribution at another's event: the audience. Teaching: students."
        )

    def clean_new_partners(self) -> list[str]:
        lines = [" ".join(line.split()) for line in self.cleaned_data["new_partners"].splitlines()]
        names = list(dict.fromkeys(line for line in lines if line))
        if len(names) > MAX_NEW_PARTNERS:
            raise ValidationError(
                _("At most %(max)d new partners at a time.") % {"max": MAX_NEW_PARTNERS}
            )
        return names

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        date, end_date = data.get("date"), data.get("end_date")
        if date and end_date and end_date < date:
            self.add_error("end_date", _("The end date cannot be before the date."))
        if data.get("new_partners") and not data.get("new_partner_kind"):
            self.add_error("new_partner_kind", _("Choose a type for the new partners."))
        kind = data.get("kind")
        if kind:
            self._check_kind_fields(kind, data)
            if date:
                problem = check_activity_date(kind, date, timezone.localdate())
                if problem:
                    self.add_error("date", problem)
        return data

    def _check_kind_fields(self, kind: str, data: dict[str, Any]) -> None:
        """A number typed in a field the kind does not count would be missing from the
        report: say where it belongs instead of saving it."""
        used = kind_profiles().get(kind, {})
        label = ActivityKind(kind).label
        for name in ("participants", "people_reached"):
            if data.get(name) is not None and name not in used:
                other = "people_reached" if name == "participants" else "participants"
                where = used.get(other, {}).get("label")
                message = (
                    _("“%(kind)s” counts “%(where)s”; enter the number there.")
                    % {"kind": label, "where": where}
                    if where
                    else _("“%(kind)s” has no number of people; leave this empty.")
                    % {"kind": label}
                )
                self.add_error(name, message)
        if kind == ActivityKind.INQUIRY:
            if not data.get("channel"):
                self.add_error("channel", _("Choose how they got in touch."))
        elif data.get("channel"):
            self.add_error("channel", _("Only a direct inquiry has a channel."))

    def service_kwargs(self) -> dict[str, Any]:
        """The cleaned data as keyword arguments of the activity services."""
        data = self.cleaned_data
        values = {
            name: data[name]
            for name in (
                "date",
                "end_date",
                "kind",
                "title",
                "municipality",
                "participants",
                "people_reached",
                "channel",
                "notes",
                "event",
                "contact_point",
                "url",
            )
        }
        values["partners"] = list(data["partners"])
        values["office_tasks"] = list(data["office_tasks"])
        values["plan_goals"] = list(data["plan_goals"])
        return values

    def new_partner_pairs(self) -> list[tuple[str, str]]:
        kind = self.cleaned_data.get("new_partner_kind") or ""
        return [(name, kind) for name in self.cleaned_data.get("new_partners", [])]


class QuickInquiryForm(forms.Form):
    """Log direct inquiries in three fields: date (today), channel and number of people."""

    prefix = "inquiry"

    date = forms.DateField(label=_("Date"), widget=DateInput())
    channel = forms.ChoiceField(
        label=_("Channel"), choices=InquiryChannel.choices, widget=forms.RadioSelect
    )
    count = forms.IntegerField(
        label=_("Number of people"),
        min_value=1,
        max_value=1000,
        initial=1,
        error_messages={"min_value": _("At least one person.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"date": timezone.localdate(), "count": 1})
        super().__init__(*args, **kwargs)
        self.fields["count"].widget.attrs.update({"inputmode": "numeric", "min": "1"})

    def clean_date(self) -> datetime.date:
        date: datetime.date = self.cleaned_data["date"]
        problem = check_activity_date(ActivityKind.INQUIRY, date, timezone.localdate())
        if problem:
            raise ValidationError(problem)
        return date

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        channel = InquiryChannel(data["channel"])
        return {
            "date": data["date"],
            "kind": ActivityKind.INQUIRY,
            "title": str(_("Direct inquiry: %(channel)s") % {"channel": channel.label}),
            "channel": channel.value,
            "participants": data["count"],
        }


def initial_for_new(request_get: Any) -> dict[str, Any]:
    """Initial values of a new activity: today, or the date and type of the series."""
    initial: dict[str, Any] = {"date": timezone.localdate()}
    date_field = forms.DateField(required=False)
    try:
        date = date_field.clean(request_get.get("date", ""))
    except ValidationError:
        date = None
    if date:
        initial["date"] = date
    if request_get.get("kind") in ActivityKind.values:
        initial["kind"] = request_get["kind"]
    return initial


class ChooseOfficeForm(forms.Form):
    """Head office first picks the office whose log they write in."""

    office = forms.ModelChoiceField(
        label=_("District office"), queryset=DistrictOffice.objects.order_by("name")
    )


class ActivityFilterForm(forms.Form):
    """List and export filters, read from the query string. Invalid values are reported
    and ignored, never a server error."""

    office = forms.ModelChoiceField(
        label=_("District office"),
        queryset=DistrictOffice.objects.order_by("name"),
        required=False,
        empty_label=_("All offices"),
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput())
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *ActivityKind.choices]
    )
    municipality = MunicipalityField(
        label=_("Municipality"), required=False, error_messages=selectors.MUNICIPALITY_ERRORS
    )
    partner = forms.ModelChoiceField(
        label=_("Partner"),
        queryset=Partner.objects.none(),
        required=False,
        empty_label=_("All partners"),
    )
    q = forms.CharField(label=_("Title contains"), required=False, max_length=100)
    per_page = forms.IntegerField(required=False, min_value=10, max_value=200)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if user.is_head_office:
            office = self._chosen_office()
            _set_choices(self.fields["partner"], selectors.partners_for_office(user, office))
        else:
            del self.fields["office"]
            _set_choices(self.fields["partner"], selectors.partners_for_office(user, user.office))
        self.fields["per_page"].widget = forms.HiddenInput()

    def _chosen_office(self) -> DistrictOffice | None:
        try:
            return self.fields["office"].clean(self.data.get("office"))
        except ValidationError:
            return None

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("The end of the period cannot be before its start."))
        return data

    def filters(self) -> selectors.ActivityFilters:
        """The valid filters; a bad value is left out (and reported by the view)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return selectors.ActivityFilters(
            office=data.get("office"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            year=data.get("year"),
            kind=data.get("kind") or "",
            municipality=data.get("municipality"),
            partner=data.get("partner"),
            text=(data.get("q") or "").strip(),
        )

    def error_texts(self) -> list[str]:
        return [
            f"{self.fields[name].label}: {message}" if name in self.fields else str(message)
            for name, messages in self.errors.items()
            for message in messages
        ]


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (.xlsx or .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    office = forms.ModelChoiceField(
        label=_("District office"), queryset=DistrictOffice.objects.order_by("name")
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        from knutepunkt.activity.imports import MAX_MEGABYTES, MAX_ROWS

        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "The columns of the export; at most %(size)d MB and %(rows)s rows."
        ) % {"size": MAX_MEGABYTES, "rows": number_format(MAX_ROWS, force_grouping=True)}
        if not user.is_head_office:
            del self.fields["office"]

    def clean_file(self) -> Any:
        from knutepunkt.activity.imports import MAX_BYTES, too_large_message

        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(too_large_message())
        return upload


class ImportConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    create_partners = forms.BooleanField(
        label=_("Create the unknown partners in the office's register and import their rows"),
        required=False,
    )
    new_partner_kind = forms.ChoiceField(
        label=_("Type of the new partners"),
        required=False,
        choices=[("", "—"), *PartnerKind.choices],
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("create_partners") and not data.get("new_partner_kind"):
            self.add_error("new_partner_kind", _("Choose a type for the new partners."))
        return data
