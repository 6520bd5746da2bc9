"""The base of every Knutepunkt admin: the role decides, the services write.

* **Who sees what** comes from the user's role, never from Django's permission rows:
  each admin says what head office, district office staff and coordinators may do with it
  (``EDIT``, ``VIEW`` or ``None``); funders and everyone else get nothing.
* **Which rows** come from the model's ``objects.visible_to(user)`` (lists, forms, search
  and autocomplete) and ``editable_by(user)`` when the queryset has it (change, delete).
* **Another office's object** (or any id outside the user's scope) is a **404**, never the
  admin's "doesn't exist, perhaps it was deleted" redirect, on the change, delete and
  history pages, for GET and POST alike. A model the user may not use at all is a **403**.
* **Every write goes through a service**, so that validation and the audit log are the
  same as everywhere else. A subclass implements ``service_create``, ``service_update``
  and, when it allows deleting, ``service_delete``; the form is checked against the service
  in a rolled-back dry run, so service errors show as form errors, not as server errors.
  Inlines do the same with ``ScopedInline.service_add/service_update/service_remove``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import BaseModelForm
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _

from knutepunkt.accounts.models import Role, User
from knutepunkt.accounts.roles import ALL_STAFF_ROLES, role_of
from knutepunkt.web.forms import add_service_errors

EDIT = "edit"
VIEW = "view"


class _DryRun(Exception):
    """Raised inside a dry run to roll back everything the service wrote."""


def admin_role(request: HttpRequest) -> Role | None:
    """The role the user acts in (:func:`~knutepunkt.accounts.roles.role_of`) when it is
    one of the admin's (head office, office staff, coordinator) and the user may use the
    admin at all (``is_staff``); None otherwise (the funder, everyone else)."""
    user: Any = request.user
    if not (user.is_authenticated and user.is_staff):
        return None
    role = role_of(user)
    return role if role in ALL_STAFF_ROLES else None


def add_admin_service_errors(form: BaseModelForm, exc: ValidationError | PermissionDenied) -> None:
    """Attach a service's error to the form: to the field when the form has it, otherwise
    at the top, named by the model field's label (the admin hides some fields)."""
    if isinstance(exc, PermissionDenied):
        form.add_error(None, str(exc) or _("You may not do this."))
        return
    add_service_errors(form, exc, label_other_fields=True)


def adopt(obj: models.Model, saved: models.Model) -> None:
    """Make the admin's instance the saved one, for the inlines and the response."""
    for field in saved._meta.concrete_fields:
        setattr(obj, field.attname, getattr(saved, field.attname))
    obj._state.adding = False
    obj._state.db = saved._state.db


class ScopedAdminMixin:
    """Role and scope checks plus service routing; mix into a ``ModelAdmin``."""

    head_office_access: str | None = EDIT
    office_staff_access: str | None = None
    coordinator_access: str | None = None
    allow_add = True
    allow_delete = True
    # Fields only head office may set: the office of a record, for instance.
    head_office_only_fields: tuple[str, ...] = ("office",)
    # Fields a coordinator may not set (their groups stay at their contact point).
    coordinator_fixed_fields: tuple[str, ...] = ()

    model: type[models.Model]
    admin_site: admin.AdminSite

    # --- role and scope -----------------------------------------------------------------

    def role_access(self, request: HttpRequest) -> str | None:
        access = {
            Role.HEAD_OFFICE: self.head_office_access,
            Role.OFFICE_STAFF: self.office_staff_access,
            Role.CONTACT_POINT: self.coordinator_access,
        }
        role = admin_role(request)
        return access[role] if role is not None else None

    def scope(self, queryset: QuerySet[Any], request: HttpRequest) -> QuerySet[Any]:
        if hasattr(queryset, "visible_to"):
            return queryset.visible_to(request.user)
        return queryset

    def editable_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = self.model._default_manager.all()
        if hasattr(queryset, "editable_by"):
            return queryset.editable_by(request.user)
        return self.scope(queryset, request)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return self.scope(super().get_queryset(request), request)  # type: ignore[misc]

    def _in(self, request: HttpRequest, queryset: QuerySet[Any], obj: models.Model) -> bool:
        cache: dict[tuple[int, str, Any], bool] = request.__dict__.setdefault("_kp_scope", {})
        key = (id(self), str(queryset.query), obj.pk)
        if key not in cache:
            cache[key] = queryset.filter(pk=obj.pk).exists()
        return cache[key]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.role_access(request) is not None

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if self.role_access(request) not in (VIEW, EDIT):
            return False
        return obj is None or self._in(request, self.get_queryset(request), obj)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self.allow_add and self.role_access(request) == EDIT

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if self.role_access(request) != EDIT:
            return False
        return obj is None or self._in(request, self.editable_queryset(request), obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.allow_delete and self.has_change_permission(request, obj)

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> Any:
        if not self.has_view_or_change_permission(request):  # type: ignore[attr-defined]
            raise PermissionDenied
        obj = super().get_object(request, object_id, from_field)  # type: ignore[misc]
        if obj is None:
            raise Http404(_("No such record, or not yours to see."))
        return obj

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        # Autocomplete comes here too: never offer what the user may not see.
        queryset, distinct = super().get_search_results(  # type: ignore[misc]
            request, queryset, search_term
        )
        return self.scope(queryset, request), distinct

    # --- forms --------------------------------------------------------------------------

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))  # type: ignore[misc]
        role = admin_role(request)
        extra: tuple[str, ...] = ()
        if role != Role.HEAD_OFFICE:
            extra += self.head_office_only_fields
        if role == Role.CONTACT_POINT:
            extra += self.coordinator_fixed_fields
        # Only the model's own fields: the defaults name "office", which not every model has
        # (a plan goal belongs to its plan), and Django cannot render a read-only field
        # that does not exist.
        own = {field.name for field in self.model._meta.get_fields()}
        return fields + [name for name in extra if name not in fields and name in own]

    def related_choices(self, db_field: Any, request: HttpRequest) -> QuerySet[Any] | None:
        """What a foreign key or many-to-many field may point at: what the user sees."""
        queryset = db_field.related_model._default_manager.all()
        if hasattr(queryset, "visible_to"):
            return queryset.visible_to(request.user)
        return None

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if "queryset" not in kwargs:
            choices = self.related_choices(db_field, request)
            if choices is not None:
                kwargs["queryset"] = choices
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if "queryset" not in kwargs:
            choices = self.related_choices(db_field, request)
            if choices is not None:
                kwargs["queryset"] = choices
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form_class = super().get_form(request, obj, change=change, **kwargs)  # type: ignore[misc]
        model_admin = self

        class ServiceCheckedForm(form_class):  # type: ignore[misc, valid-type]
            def _post_clean(self) -> None:
                super()._post_clean()
                if self.is_bound and not self._errors:
                    model_admin.dry_run(request, self, change)

        ServiceCheckedForm.__name__ = form_class.__name__
        return ServiceCheckedForm

    # --- writes through services --------------------------------------------------------

    def form_data(self, form: BaseModelForm, change: bool) -> dict[str, Any]:
        """The model fields of the form: all of them on create, the changed ones on update."""
        names = form.changed_data if change else list(form.cleaned_data)
        model_fields = {f.name for f in self.model._meta.get_fields()}
        return {
            name: form.cleaned_data[name]
            for name in names
            if name in model_fields and name in form.cleaned_data
        }

    def service_create(
        self, request: HttpRequest, data: dict[str, Any], form: BaseModelForm
    ) -> models.Model:
        raise NotImplementedError

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: BaseModelForm
    ) -> models.Model:
        raise NotImplementedError

    def service_delete(self, request: HttpRequest, obj: Any) -> None:
        raise NotImplementedError

    def call_service(self, request: HttpRequest, form: BaseModelForm, change: bool) -> Any:
        data = self.form_data(form, change)
        if change:
            original = self.model._default_manager.get(pk=form.instance.pk)
            return self.service_update(request, original, data, form)
        return self.service_create(request, data, form)

    def dry_run(self, request: HttpRequest, form: BaseModelForm, change: bool) -> None:
        """Run the service and roll it back: its errors become the form's errors."""
        try:
            with transaction.atomic():
                self.call_service(request, form, change)
                raise _DryRun
        except _DryRun:
            pass
        except (ValidationError, PermissionDenied) as exc:
            add_admin_service_errors(form, exc)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        adopt(obj, self.call_service(request, form, change))

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # Many-to-many fields were set by the service; only the inlines are left.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        # The admin's change message reads these three lists.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        inline = getattr(formset, "kp_inline", None)
        if inline is None or inline.read_only_inline:
            return
        parent = form.instance
        for inline_form in formset.forms:
            instance = inline_form.instance
            if formset.can_delete and formset._should_delete_form(inline_form):
                if instance.pk is not None:
                    inline.service_remove(
                        request, type(instance)._default_manager.get(pk=instance.pk)
                    )
                    formset.deleted_objects.append(instance)
                continue
            if not inline_form.has_changed():
                continue
            data = {
                name: inline_form.cleaned_data[name]
                for name in inline_form.changed_data
                if name in inline.service_fields
            }
            if instance.pk is None:
                formset.new_objects.append(inline.service_add(request, parent, data))
            else:
                original = type(instance)._default_manager.get(pk=instance.pk)
                saved = inline.service_update(request, original, data)
                formset.changed_objects.append((saved, inline_form.changed_data))

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        self.service_delete(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        with transaction.atomic():
            for obj in queryset:
                self.service_delete(request, obj)

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # A service error the dry run could not foresee (in an inline, say): the whole
        # save was rolled back; say why instead of failing with a server error.
        try:
            return super().changeform_view(  # type: ignore[misc]
                request, object_id, form_url, extra_context
            )
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)  # type: ignore[attr-defined]
            return HttpResponseRedirect(request.get_full_path())

    def delete_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        try:
            return super().delete_view(request, object_id, extra_context)  # type: ignore[misc]
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)  # type: ignore[attr-defined]
            return HttpResponseRedirect(request.get_full_path())


class ScopedModelAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """Base of every Knutepunkt ``ModelAdmin``; see the module docstring."""


class ReadOnlyModelAdmin(ScopedModelAdmin):
    """Reference data nobody edits in the admin (office tasks, plan goals)."""

    head_office_access = VIEW
    office_staff_access = VIEW
    allow_add = False
    allow_delete = False


class ScopedInline:
    """Mix into ``TabularInline``/``StackedInline``: the parent admin's rights decide, and
    writes go through ``service_add``/``service_update``/``service_remove``."""

    read_only_inline = False
    service_fields: frozenset[str] = frozenset()

    parent_model: type[models.Model]
    admin_site: admin.AdminSite

    def _parent_admin(self) -> Any:
        return self.admin_site._registry[self.parent_model]

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(self._parent_admin().has_view_permission(request, obj))

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if self.read_only_inline:
            return False
        parent = self._parent_admin()
        if obj is None:
            return bool(parent.has_add_permission(request))
        return bool(parent.has_change_permission(request, obj))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_add_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_add_permission(request, obj)

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)  # type: ignore[misc]
        formset.kp_inline = self
        return formset

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if "queryset" not in kwargs and db_field.related_model is not self.parent_model:
            queryset = db_field.related_model._default_manager.all()
            if hasattr(queryset, "visible_to"):
                kwargs["queryset"] = queryset.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def service_add(self, request: HttpRequest, parent: Any, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def service_update(self, request: HttpRequest, obj: Any, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def service_remove(self, request: HttpRequest, obj: Any) -> None:
        raise NotImplementedError


def actor(request: HttpRequest) -> User:
    """The signed-in user, typed for the services."""
    return request.user  # type: ignore[return-value]


__all__ = [
    "EDIT",
    "VIEW",
    "ReadOnlyModelAdmin",
    "ScopedAdminMixin",
    "ScopedInline",
    "ScopedModelAdmin",
    "actor",
    "add_admin_service_errors",
    "admin_role",
]
