from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext as _

from knutepunkt.network import services
from knutepunkt.network.models import (
    ContactPoint,
    ContactPointStatusChange,
    DistrictOffice,
    OfficeCounty,
    Partner,
    PartnerContact,
    PlanningGroupMember,
)
from knutepunkt.staff.admin.base import EDIT, VIEW, ScopedInline, ScopedModelAdmin, actor


class OfficeCountyForm(forms.ModelForm):
    class Meta:
        model = OfficeCounty
        fields = ["county"]

    def clean_county(self) -> Any:
        county = self.cleaned_data["county"]
        taken = (
            OfficeCounty.objects.filter(county=county)
            .exclude(office_id=self.instance.office_id)
            .select_related("office")
            .first()
        )
        if taken is not None:
            raise forms.ValidationError(
                _(
                    "%(county)s is covered by %(office)s. A county can be covered by only one "
                    "office: remove it there first."
                )
                % {"county": county, "office": taken.office}
            )
        return county


class OfficeCountyInline(ScopedInline, admin.TabularInline):
    model = OfficeCounty
    form = OfficeCountyForm
    extra = 0
    # Saved as a whole through office_set_counties in DistrictOfficeAdmin.save_formset.
    service_fields = frozenset({"county"})


@admin.register(DistrictOffice)
class DistrictOfficeAdmin(ScopedModelAdmin):
    office_staff_access = VIEW
    allow_delete = False
    head_office_only_fields = ()
    list_display = ["name", "seat", "email", "phone"]
    search_fields = ["name", "seat__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["seat"]
    inlines = [OfficeCountyInline]

    def service_create(self, request: HttpRequest, data: dict[str, Any], form: Any) -> Any:
        return services.office_create(actor=actor(request), **data)

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        return services.office_update(actor=actor(request), office=obj, data=data)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is not OfficeCounty:
            super().save_formset(request, form, formset, change)
            return
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        counties = [
            f.cleaned_data["county"]
            for f in formset.forms
            if f.cleaned_data.get("county") and not formset._should_delete_form(f)
        ]
        services.office_set_counties(actor=actor(request), office=form.instance, counties=counties)


class PartnerContactInline(ScopedInline, admin.TabularInline):
    model = PartnerContact
    extra = 0
    fields = ["name", "title", "email", "phone"]
    service_fields = services.PARTNER_CONTACT_FIELDS

    def service_add(self, request: HttpRequest, parent: Any, data: dict[str, Any]) -> Any:
        return services.partner_contact_add(actor=actor(request), partner=parent, **data)

    def service_update(self, request: HttpRequest, obj: Any, data: dict[str, Any]) -> Any:
        return services.partner_contact_update(actor=actor(request), contact=obj, data=data)

    def service_remove(self, request: HttpRequest, obj: Any) -> None:
        services.partner_contact_remove(actor=actor(request), contact=obj)


@admin.register(Partner)
class PartnerAdmin(ScopedModelAdmin):
    office_staff_access = EDIT
    list_display = ["name", "kind", "municipality", "office", "organisation_number"]
    list_filter = [
        "kind",
        ("office", admin.RelatedOnlyFieldListFilter),
        ("municipality__county", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["name", "organisation_number"]
    list_select_related = ["municipality", "office"]
    autocomplete_fields = ["municipality"]
    inlines = [PartnerContactInline]

    def service_create(self, request: HttpRequest, data: dict[str, Any], form: Any) -> Any:
        return services.partner_create(actor=actor(request), **data)

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        return services.partner_update(actor=actor(request), partner=obj, data=data)

    def service_delete(self, request: HttpRequest, obj: Any) -> None:
        services.partner_delete(actor=actor(request), partner=obj)


class PlanningGroupMemberInline(ScopedInline, admin.TabularInline):
    model = PlanningGroupMember
    extra = 0
    fields = ["partner", "person_name", "role"]
    autocomplete_fields = ["partner"]
    service_fields = services.PLANNING_GROUP_MEMBER_FIELDS

    def service_add(self, request: HttpRequest, parent: Any, data: dict[str, Any]) -> Any:
        return services.planning_group_member_add(
            actor=actor(request), contact_point=parent, **data
        )

    def service_update(self, request: HttpRequest, obj: Any, data: dict[str, Any]) -> Any:
        return services.planning_group_member_update(actor=actor(request), member=obj, data=data)

    def service_remove(self, request: HttpRequest, obj: Any) -> None:
        services.planning_group_member_remove(actor=actor(request), member=obj)


class ContactPointStatusChangeInline(ScopedInline, admin.TabularInline):
    model = ContactPointStatusChange
    read_only_inline = True
    extra = 0
    fields = readonly_fields = ("changed_on", "from_status", "to_status", "changed_by", "note")
    verbose_name_plural = _("status history")


@admin.register(ContactPoint)
class ContactPointAdmin(ScopedModelAdmin):
    office_staff_access = EDIT
    coordinator_access = VIEW
    # No deleting: a contact point that stops is set to "inactive", keeping its history.
    allow_delete = False
    list_display = ["name", "kind", "status", "municipality", "office", "follow_up_on"]
    list_filter = ["status", "kind", ("office", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "municipality__name"]
    list_select_related = ["municipality", "office"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipality", "municipalities_served", "host"]
    inlines = [PlanningGroupMemberInline, ContactPointStatusChangeInline]

    def service_create(self, request: HttpRequest, data: dict[str, Any], form: Any) -> Any:
        return services.contact_point_create(actor=actor(request), **data)

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        status = data.pop("status", None)
        obj = services.contact_point_update(actor=actor(request), contact_point=obj, data=data)
        if status is not None:
            services.contact_point_set_status(
                actor=actor(request), contact_point=obj, status=status
            )
        return obj
