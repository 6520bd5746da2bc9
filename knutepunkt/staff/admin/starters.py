from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from knutepunkt.staff.admin.base import EDIT, VIEW, ScopedModelAdmin, actor
from knutepunkt.starters import services
from knutepunkt.starters.models import Starter


@admin.register(Starter)
class StarterAdmin(ScopedModelAdmin):
    office_staff_access = EDIT
    # Coordinators may look up starters who agreed to be contacted (see visible_to).
    coordinator_access = VIEW
    list_display = ["name", "office", "home_municipality", "trained_on", "consent_to_contact"]
    list_filter = ["consent_to_contact", ("office", admin.RelatedOnlyFieldListFilter), "topics"]
    search_fields = ["name"]
    list_select_related = ["office", "home_municipality"]
    autocomplete_fields = ["home_municipality", "municipalities"]
    filter_horizontal = ["topics"]
    readonly_fields = ["consent_given_at"]

    def service_create(self, request: HttpRequest, data: dict[str, Any], form: Any) -> Any:
        return services.starter_create(actor=actor(request), **data)

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        return services.starter_update(actor=actor(request), starter=obj, data=data)

    def service_delete(self, request: HttpRequest, obj: Any) -> None:
        services.starter_delete(actor=actor(request), starter=obj)
