from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from knutepunkt.accounts import services
from knutepunkt.accounts.models import User
from knutepunkt.staff.admin.base import ScopedAdminMixin, actor


@admin.register(User)
class UserAdmin(ScopedAdminMixin, DjangoUserAdmin):
    """Only head office manages users; the role, not Django's permission rows, decides what
    a user may do, so groups and per-user permissions are not offered."""

    head_office_only_fields = ()
    allow_delete = False  # deactivate instead: the audit log keeps pointing at the user
    list_display = ["username", "first_name", "last_name", "role", "office", "is_active"]
    list_filter = ["role", "office", "is_active"]
    search_fields = ["username", "first_name", "last_name", "email"]
    list_select_related = ["office", "contact_point"]
    readonly_fields = ["is_staff", "last_login", "date_joined"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Role"), {"fields": ("role", "office", "contact_point", "is_active", "is_staff")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "usable_password", "password1", "password2"),
            },
        ),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Role"), {"fields": ("role", "office", "contact_point")}),
    )

    def form_data(self, form: Any, change: bool) -> dict[str, Any]:
        data = super().form_data(form, change)
        return {k: v for k, v in data.items() if k in services.USER_FIELDS}

    def service_create(self, request: HttpRequest, data: dict[str, Any], form: Any) -> Any:
        usable = form.cleaned_data.get("usable_password", "true") not in (False, "false")
        password = form.cleaned_data.get("password1") if usable else None
        return services.user_create(actor=actor(request), password=password, **data)

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        return services.user_update(actor=actor(request), user=obj, data=data)
