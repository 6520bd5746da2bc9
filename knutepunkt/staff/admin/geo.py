from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from knutepunkt.geo import services
from knutepunkt.geo.models import County, Municipality
from knutepunkt.staff.admin.base import VIEW, ScopedModelAdmin, actor


class GeographyAdmin(ScopedModelAdmin):
    """Reference geography comes from official data: head office corrects, others read.
    Reforms add and end rows through the loader, never through the admin."""

    office_staff_access = VIEW
    coordinator_access = VIEW
    allow_add = False
    allow_delete = False
    head_office_only_fields = ()
    readonly_fields = ["number"]


@admin.register(County)
class CountyAdmin(GeographyAdmin):
    list_display = ["number", "name", "valid_from", "valid_to"]
    search_fields = ["name", "number"]
    fields = ["number", "name", "valid_from", "valid_to"]

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        return services.county_update(actor=actor(request), county=obj, data=data)


@admin.register(Municipality)
class MunicipalityAdmin(GeographyAdmin):
    list_display = ["number", "name", "county", "valid_from", "valid_to"]
    list_filter = ["county"]
    search_fields = ["name", "number"]
    list_select_related = ["county"]
    fields = ["number", "name", "county", "valid_from", "valid_to", "latitude", "longitude"]
    readonly_fields = ["number", "county"]

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        return services.municipality_update(actor=actor(request), municipality=obj, data=data)
