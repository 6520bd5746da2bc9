"""Staff workspace forms for the partner register and the contact point pipeline.

Municipality inputs are :class:`knutepunkt.web.forms.MunicipalityField`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from knutepunkt.geo.models import County, Municipality
from knutepunkt.network.models import (
    ContactPoint,
    ContactPointKind,
    ContactPointStatus,
    DistrictOffice,
    Partner,
    PartnerKind,
)
from knutepunkt.network.services import normalise_organisation_number
from knutepunkt.network.validators import is_valid_organisation_number
from knutepunkt.web.forms import MunicipalityField, municipalities_from_text, municipality_label


class OrganisationNumberField(forms.CharField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def clean(self, value: Any) -> str:
        digits = normalise_organisation_number(super().clean(value))
        if digits and not is_valid_organisation_number(digits):
            raise ValidationError(
                _(
                    "%(value)s is not a valid Norwegian organisation number (9 digits with a "
                    "valid check digit)."
                ),
                code="invalid_organisation_number",
                params={"value": digits},
            )
        return digits


class OfficeChoiceMixin:
    """Head office chooses the district office of a new record; office staff never do."""

    fields: dict[str, forms.Field]

    def _office_field(self, user: Any, initial: DistrictOffice | None = None) -> None:
        if user.is_head_office:
            self.fields["office"] = forms.ModelChoiceField(
                label=_("District office"),
                queryset=DistrictOffice.objects.order_by("name"),
                initial=initial,
            )


# --- Partners ------------------------------------------------------------------------------


class PartnerForm(OfficeChoiceMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=PartnerKind.choices)
    municipality = MunicipalityField(
        label=_("Municipality"),
        required=False,
        help_text=_("Name or four-digit number, e.g. Molde or 1506."),
    )
    organisation_number = OrganisationNumberField(
        label=_("Organisation number"),
        help_text=_("Nine digits, from the Brønnøysund Register Centre."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    confirm_duplicate = forms.BooleanField(
        label=_("This is a different organisation: save it anyway"), required=False
    )

    def __init__(self, *args: Any, user: Any, partner: Partner | None = None, **kwargs: Any):
        if partner is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": partner.name,
                    "kind": partner.kind,
                    "municipality": partner.municipality,
                    "organisation_number": partner.organisation_number,
                    "website": partner.website,
                    "email": partner.email,
                    "phone": partner.phone,
                    "notes": partner.notes,
                    "office": partner.office_id,
                },
            )
        super().__init__(*args, **kwargs)
        self._office_field(user)

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("confirm_duplicate", None)
        return data


class PartnerContactForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    title = forms.CharField(label=_("Title or role"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)


class PartnerFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *PartnerKind.choices]
    )
    municipality = MunicipalityField(label=_("Municipality"), required=False)
    county = forms.ModelChoiceField(
        label=_("County"), required=False, queryset=County.objects.none()
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["county"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = County.objects.current().order_by("name")
        field.empty_label = _("All counties")


class PartnerMergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(
        label=_("Partner to merge into this one (it will be deleted)"),
        queryset=Partner.objects.none(),
    )
    confirm = forms.BooleanField(
        label=_("I have checked that these are the same organisation"), required=False
    )

    def __init__(self, *args: Any, keep: Partner, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["duplicate"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Partner.objects.filter(office_id=keep.office_id).exclude(pk=keep.pk)


# --- Contact points ------------------------------------------------------------------------


class ContactPointPublicForm(forms.Form):
    """The public face of a contact point: what its coordinator may change too."""

    description_nb = forms.CharField(
        label=_("Description (bokmål)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    description_nn = forms.CharField(
        label=_("Description (nynorsk)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    description_en = forms.CharField(
        label=_("Description (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    email = forms.EmailField(label=_("Public e-mail"), required=False)
    phone = forms.CharField(label=_("Public phone"), max_length=30, required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    opening_hours = forms.CharField(label=_("Opening hours"), max_length=200, required=False)

    def __init__(self, *args: Any, contact_point: ContactPoint | None = None, **kwargs: Any):
        if contact_point is not None:
            kwargs.setdefault(
                "initial", {name: getattr(contact_point, name) for name in self.base_fields}
            )
        super().__init__(*args, **kwargs)


class ContactPointForm(OfficeChoiceMixin, ContactPointPublicForm):
    """Everything about a contact point except its status and planning group."""

    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=ContactPointKind.choices)
    host = forms.ModelChoiceField(
        label=_("Host organisation"), required=False, queryset=Partner.objects.none()
    )
    municipality = MunicipalityField(label=_("Municipality"), help_text=_("Where it is."))
    municipalities_served = forms.ModelMultipleChoiceField(
        label=_("Municipalities served in the office's counties"),
        required=False,
        queryset=Municipality.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    other_municipalities = forms.CharField(
        label=_("Other municipalities served"),
        required=False,
        max_length=1000,
        help_text=_("Outside the office's counties: names or numbers, separated by commas."),
    )
    next_step = forms.CharField(label=_("Next step"), max_length=255, required=False)
    follow_up_on = forms.DateField(
        label=_("Follow up on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=ContactPointStatus.choices, initial=ContactPointStatus.IDEA
    )

    field_order = ["name", "kind", "office", "host", "municipality"]

    def __init__(
        self,
        *args: Any,
        user: Any,
        office: DistrictOffice | None,
        contact_point: ContactPoint | None = None,
        **kwargs: Any,
    ) -> None:
        local = _office_municipalities(office)
        if contact_point is not None:
            served = list(
                contact_point.municipalities_served.select_related("county").defer("outline")
            )
            kwargs.setdefault(
                "initial",
                {
                    **{
                        name: getattr(contact_point, name)
                        for name in ContactPointPublicForm.base_fields
                    },
                    "name": contact_point.name,
                    "kind": contact_point.kind,
                    "host": contact_point.host_id,
                    "municipality": contact_point.municipality,
                    "municipalities_served": [m.pk for m in served if m in local],
                    "other_municipalities": ", ".join(
                        municipality_label(m) for m in served if m not in local
                    ),
                    "next_step": contact_point.next_step,
                    "follow_up_on": contact_point.follow_up_on,
                },
            )
        super().__init__(*args, contact_point=None, **kwargs)
        if contact_point is not None:
            del self.fields["status"]  # changed on the detail page, with a dated note
        if office is None:
            self._office_field(user)
        host = self.fields["host"]
        assert isinstance(host, forms.ModelChoiceField)
        host.queryset = Partner.objects.visible_to(user).order_by("name")
        if office is not None:
            host.queryset = host.queryset.filter(office=office)
        served_field = self.fields["municipalities_served"]
        assert isinstance(served_field, forms.ModelMultipleChoiceField)
        served_field.queryset = Municipality.objects.filter(pk__in=[m.pk for m in local]).only(
            "pk", "number", "name"
        )
        if not local:
            del self.fields["municipalities_served"]

    def clean_other_municipalities(self) -> list[Municipality]:
        return municipalities_from_text(self.cleaned_data.get("other_municipalities") or "")

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        served = list(data.pop("municipalities_served", None) or [])
        others = data.pop("other_municipalities", [])
        data["municipalities_served"] = list({m.pk: m for m in [*served, *others]}.values())
        return data


def _office_municipalities(office: DistrictOffice | None) -> list[Municipality]:
    """The current municipalities of the office's counties (without their outlines)."""
    if office is None:
        return []
    return list(
        Municipality.objects.current()
        .filter(county__coverage__office=office)
        .only("pk", "number", "name")
        .order_by("name")
    )


class PlanningGroupMemberForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Partner"), required=False, queryset=Partner.objects.none()
    )
    person_name = forms.CharField(label=_("Person (optional)"), max_length=150, required=False)
    role = forms.CharField(label=_("Role in the group"), max_length=150, required=False)

    def __init__(self, *args: Any, contact_point: ContactPoint, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["partner"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Partner.objects.filter(office_id=contact_point.office_id).order_by("name")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("partner") and not (cleaned.get("person_name") or "").strip():
            raise ValidationError(_("Choose a partner or write a person's name."))
        return cleaned


class ContactPointStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ContactPointStatus.choices)
    on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


class FollowUpForm(forms.Form):
    next_step = forms.CharField(label=_("Next step"), max_length=255, required=False)
    follow_up_on = forms.DateField(
        label=_("Follow up on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
