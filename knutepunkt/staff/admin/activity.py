from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from knutepunkt.activity import services
from knutepunkt.activity.models import Activity, OfficeTask, PlanGoal
from knutepunkt.staff.admin.base import EDIT, ReadOnlyModelAdmin, ScopedModelAdmin, actor


@admin.register(OfficeTask)
class OfficeTaskAdmin(ReadOnlyModelAdmin):
    list_display = ["number", "name_nb", "name_nn", "name_en"]


@admin.register(PlanGoal)
class PlanGoalAdmin(ReadOnlyModelAdmin):
    list_display = ["number", "name_nb", "name_nn", "name_en"]


@admin.register(Activity)
class ActivityAdmin(ScopedModelAdmin):
    office_staff_access = EDIT
    list_display = ["date", "title", "kind", "office", "participants", "people_reached"]
    list_filter = [
        "kind",
        ("office", admin.RelatedOnlyFieldListFilter),
        "office_tasks",
        "plan_goals",
    ]
    search_fields = ["title"]
    date_hierarchy = "date"
    list_select_related = ["office"]
    autocomplete_fields = ["municipality", "partners"]
    readonly_fields = ["created_by", "created_at"]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name in ("office_tasks", "plan_goals"):
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def service_create(self, request: HttpRequest, data: dict[str, Any], form: Any) -> Any:
        return services.activity_create(actor=actor(request), **data)

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        return services.activity_update(actor=actor(request), activity=obj, data=data)

    def service_delete(self, request: HttpRequest, obj: Any) -> None:
        services.activity_delete(actor=actor(request), activity=obj)
