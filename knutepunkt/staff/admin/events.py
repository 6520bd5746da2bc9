"""Events in the admin. Sign-ups are shown read-only, and only to the organiser:
the event's office, its contact point's coordinator, and head office."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from knutepunkt.events import services
from knutepunkt.events.models import Event, Registration
from knutepunkt.geo.models import Municipality
from knutepunkt.staff.admin.base import EDIT, VIEW, ScopedInline, ScopedModelAdmin, actor

REGISTRATION_FIELDS = ("name", "email", "phone", "status", "language", "created_at")


class RegistrationInline(ScopedInline, admin.TabularInline):
    model = Registration
    read_only_inline = True
    extra = 0
    max_num = 0
    can_delete = False
    fields = REGISTRATION_FIELDS
    readonly_fields = list(REGISTRATION_FIELDS)
    verbose_name_plural = _("sign-ups")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).visible_to(request.user)  # type: ignore[attr-defined]


@admin.register(Event)
class EventAdmin(ScopedModelAdmin):
    office_staff_access = EDIT
    coordinator_access = EDIT
    allow_delete = False  # cancel instead: the people signed up are told
    coordinator_fixed_fields = ("contact_point",)
    list_display = [
        "title",
        "kind",
        "starts_at",
        "municipality",
        "office",
        "is_public",
        "is_cancelled",
    ]
    list_filter = ["kind", "is_public", "is_cancelled", "office"]
    search_fields = ["title", "venue", "municipality__name"]
    date_hierarchy = "starts_at"
    list_select_related = ["municipality", "office"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["is_cancelled", "cancelled_count", "declined_count", "created_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "description"]}),
        (
            _("Time and place"),
            {"fields": ["starts_at", "ends_at", "venue", "address", "municipality", "online"]},
        ),
        (_("Organiser"), {"fields": ["office", "contact_point", "organiser_partner", "partners"]}),
        (
            _("Sign-up"),
            {
                "fields": [
                    "is_public",
                    "capacity",
                    "has_waiting_list",
                    "needs_approval",
                    "signup_opens_at",
                    "signup_closes_at",
                ]
            },
        ),
        (
            _("After the event"),
            {
                "fields": [
                    "attended_count",
                    "cancelled_count",
                    "declined_count",
                    "is_cancelled",
                    "created_at",
                ]
            },
        ),
    ]
    filter_horizontal = ["partners"]
    inlines = [RegistrationInline]
    actions = ["cancel_events"]

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "municipality":
            kwargs["queryset"] = Municipality.objects.current().order_by("name")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def service_create(self, request: HttpRequest, data: dict[str, Any], form: Any) -> Any:
        user = actor(request)
        if user.is_coordinator:
            data.setdefault("contact_point", user.contact_point)
        if "office" not in data:
            contact_point = data.get("contact_point")
            data["office"] = contact_point.office if user.is_coordinator else user.office  # type: ignore[union-attr]
        data.pop("is_cancelled", None)
        partners = data.pop("partners", ())
        return services.event_create(actor=user, partners=partners, **data)

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        partners = data.pop("partners", None)
        data.pop("is_cancelled", None)
        return services.event_update(event=obj, actor=actor(request), partners=partners, **data)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        # The read-only sign-up inline saves nothing, but the admin's change message
        # reads these lists from every formset.
        for name in ("new_objects", "changed_objects", "deleted_objects"):
            if not hasattr(formset, name):
                setattr(formset, name, [])

    @admin.action(description=_("Cancel the selected events and tell those signed up"))
    def cancel_events(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        editable = self.editable_queryset(request).filter(pk__in=queryset.values("pk"))
        count = 0
        for event in editable:
            services.event_cancel(event=event, actor=actor(request))
            count += 1
        self.message_user(
            request, _("%(count)d event(s) cancelled.") % {"count": count}, messages.SUCCESS
        )


@admin.register(Registration)
class RegistrationAdmin(ScopedModelAdmin):
    """Sign-ups are made by the people themselves; the organiser can read and cancel them
    (a cancelled sign-up is deleted; the event keeps only the count)."""

    head_office_access = VIEW
    office_staff_access = VIEW
    coordinator_access = VIEW
    allow_add = False
    allow_delete = False
    head_office_only_fields = ()
    list_display = ["event", "name", "email", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["event__title", "name", "email"]
    list_select_related = ["event"]
    fields = ["event", *REGISTRATION_FIELDS]
    readonly_fields = ["event", *REGISTRATION_FIELDS]
    actions = ["cancel_registrations"]

    @admin.action(
        description=_("Cancel the selected sign-ups (frees their places)"),
        permissions=["view"],
    )
    def cancel_registrations(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        count = 0
        for registration in queryset:
            services.registration_cancel(registration=registration, actor=actor(request))
            count += 1
        self.message_user(
            request, _("%(count)d sign-up(s) cancelled.") % {"count": count}, messages.SUCCESS
        )
