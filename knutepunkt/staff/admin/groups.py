from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from knutepunkt.groups import services
from knutepunkt.groups.models import GroupStatusChange, SelfHelpGroup, Topic
from knutepunkt.staff.admin.base import EDIT, VIEW, ScopedInline, ScopedModelAdmin, actor


@admin.register(Topic)
class TopicAdmin(ScopedModelAdmin):
    office_staff_access = VIEW
    coordinator_access = VIEW
    allow_delete = False
    head_office_only_fields = ()
    list_display = ["name_nb", "name_nn", "name_en", "slug"]
    search_fields = ["name_nb", "name_nn", "name_en", "synonyms"]
    prepopulated_fields = {"slug": ["name_en"]}

    def service_create(self, request: HttpRequest, data: dict[str, Any], form: Any) -> Any:
        return services.topic_create(actor=actor(request), **data)

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        return services.topic_update(actor=actor(request), topic=obj, data=data)


class GroupStatusChangeInline(ScopedInline, admin.TabularInline):
    model = GroupStatusChange
    read_only_inline = True
    extra = 0
    fields = readonly_fields = ("changed_on", "from_status", "to_status", "changed_by")
    verbose_name_plural = _("status history")


@admin.register(SelfHelpGroup)
class SelfHelpGroupAdmin(ScopedModelAdmin):
    """Groups as the office and the contact point know them: never who is in them."""

    office_staff_access = EDIT
    coordinator_access = EDIT
    coordinator_fixed_fields = ("contact_point",)
    list_display = ["__str__", "topic", "status", "format", "target", "municipality", "office"]
    list_filter = [
        "status",
        "format",
        "target",
        ("office", admin.RelatedOnlyFieldListFilter),
        "topic",
    ]
    search_fields = [
        "title",
        "topic__name_nb",
        "topic__name_nn",
        "topic__name_en",
        "municipality__name",
    ]
    list_select_related = ["topic", "municipality", "office"]
    autocomplete_fields = ["municipality", "topic"]
    inlines = [GroupStatusChangeInline]

    def service_create(self, request: HttpRequest, data: dict[str, Any], form: Any) -> Any:
        return services.group_create(actor=actor(request), **data)

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        status = data.pop("status", None)
        obj = services.group_update(actor=actor(request), group=obj, data=data)
        if status is not None:
            services.group_set_status(actor=actor(request), group=obj, status=status)
        return obj

    def service_delete(self, request: HttpRequest, obj: Any) -> None:
        services.group_delete(actor=actor(request), group=obj)
