from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.models import AuditEntry
from knutepunkt.staff.admin.base import VIEW, ScopedModelAdmin

admin.site.site_header = _("Knutepunkt – administration")
admin.site.site_title = _("Knutepunkt – administration")
admin.site.index_title = _("Administration")


@admin.register(AuditEntry)
class AuditEntryAdmin(ScopedModelAdmin):
    """The audit log: read by head office, written only by the services."""

    head_office_access = VIEW
    allow_add = False
    allow_delete = False
    head_office_only_fields = ()
    list_display = ["created_at", "action", "actor", "office", "target_type", "target_repr"]
    list_filter = ["action", "actor", "office"]
    search_fields = ["action", "target_repr", "target_id", "actor__username"]
    date_hierarchy = "created_at"
    list_select_related = ["actor", "office"]
    fields = readonly_fields = (
        "created_at",
        "actor",
        "action",
        "office",
        "target_type",
        "target_id",
        "target_repr",
        "data",
    )

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
