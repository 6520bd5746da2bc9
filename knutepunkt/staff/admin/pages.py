from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from knutepunkt.pages.models import InfoPage
from knutepunkt.pages.services import info_page_create, info_page_update
from knutepunkt.staff.admin.base import ScopedModelAdmin, actor


@admin.register(InfoPage)
class InfoPageAdmin(ScopedModelAdmin):
    """Head office writes the public information pages; nobody else sees them here."""

    # Unpublish instead of deleting: links to a page should not start failing.
    allow_delete = False
    list_display = ["title_nb", "slug", "menu_order", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title_nb", "title_nn", "title_en", "slug"]
    ordering = ["menu_order", "slug"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["slug", "menu_order", "is_published", "updated_at"]}),
        ("Norsk bokmål", {"fields": ["title_nb", "summary_nb", "body_nb"]}),
        ("Norsk nynorsk", {"fields": ["title_nn", "summary_nn", "body_nn"]}),
        ("English", {"fields": ["title_en", "summary_en", "body_en"]}),
    ]

    def service_create(self, request: HttpRequest, data: dict[str, Any], form: Any) -> Any:
        return info_page_create(actor=actor(request), **data)

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        return info_page_update(page=obj, actor=actor(request), **data)
