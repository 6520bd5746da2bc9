"""The token part: an office's own tools read its activities and events and log activities,
through the same services as the staff workspace."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Path, Query, Router, Status
from ninja.security import HttpBearer

from knutepunkt.activity.models import Activity, ActivityKind, OfficeTask, PlanGoal
from knutepunkt.activity.services import activity_create
from knutepunkt.api.schemas import (
    ActivityIn,
    ActivityKindValue,
    ActivityList,
    ActivityOut,
    BadRequestOut,
    ErrorOut,
    StaffEventList,
    ValidationErrorOut,
)
from knutepunkt.api.v1.common import (
    DEFAULT_PER_PAGE,
    MAX_ID,
    MAX_PAGE,
    MAX_PER_PAGE,
    IsoDate,
    doc,
    page_meta,
)
from knutepunkt.events.models import Event
from knutepunkt.geo.models import Municipality
from knutepunkt.network.models import Partner
from knutepunkt.tokens.models import ApiToken, TokenScope
from knutepunkt.tokens.services import api_token_authenticate, api_token_record_write


class TokenAuth(HttpBearer):
    """``Authorization: Bearer kp_…``, a token made in the staff workspace."""

    openapi_description = "An office's API token, made under /arbeid/ (shown once)."

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return api_token_authenticate(token)


router = Router(tags=["staff"], auth=TokenAuth())
DENIED = {401: ErrorOut, 403: ErrorOut}


class ScopeError(Exception):
    """The token lacks the scope the endpoint needs (answered 403)."""


def _token(request: HttpRequest, scope: str) -> ApiToken:
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    if not token.has_scope(scope):
        raise ScopeError(
            _("This token may not do that (it lacks the “%(scope)s” scope).") % {"scope": scope}
        )
    return token


def activity_out(activity: Activity) -> dict[str, Any]:
    municipality = activity.municipality
    return {
        "id": activity.pk,
        "date": activity.date,
        "end_date": activity.end_date,
        "kind": activity.kind,
        "kind_label": str(ActivityKind(activity.kind).label),
        "title": activity.title,
        "municipality": (
            {"number": municipality.number, "name": municipality.name} if municipality else None
        ),
        "participants": activity.participants,
        "people_reached": activity.people_reached,
        "partners": sorted(p.pk for p in activity.partners.all()),
        "office_tasks": sorted(t.number for t in activity.office_tasks.all()),
        "plan_goals": sorted(g.number for g in activity.plan_goals.all()),
        "notes": activity.notes,
        "event": activity.event.slug if activity.event else None,
        "url": activity.url,
        "created_at": activity.created_at,
    }


@router.get(
    "/activities",
    response={200: ActivityList, **DENIED},
    summary=doc(gettext_lazy("The office's activity log")),
    description=doc(gettext_lazy("Scope `activities:read`. Newest first.")),
)
def list_activities(
    request: HttpRequest,
    year: int | None = Query(None, ge=2000, le=2100),
    kind: ActivityKindValue | None = Query(None),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    per_page: int = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE),
) -> dict[str, Any]:
    token = _token(request, TokenScope.ACTIVITIES_READ)
    activities = Activity.objects.filter(office=token.office)
    if year is not None:
        activities = activities.in_year(year)
    if kind:
        activities = activities.filter(kind=kind)
    total = activities.count()
    start = (page - 1) * per_page
    rows = (
        activities.select_related("municipality", "event")
        .prefetch_related("partners", "office_tasks", "plan_goals")
        .order_by("-date", "-id")[start : start + per_page]
    )
    return {"items": [activity_out(a) for a in rows], **page_meta(total, page, per_page)}


@router.get(
    "/activities/{activity_id}",
    response={200: ActivityOut, 404: ErrorOut, **DENIED},
    summary=doc(gettext_lazy("One activity")),
)
def get_activity(request: HttpRequest, activity_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    token = _token(request, TokenScope.ACTIVITIES_READ)
    activity = (
        Activity.objects.filter(office=token.office, pk=activity_id)
        .select_related("municipality", "event")
        .first()
    )
    if activity is None:
        return Status(404, {"detail": _("Not found.")})
    return activity_out(activity)


def _numbered(model: Any, numbers: list[int], field: str) -> list[Any]:
    found = {obj.number: obj for obj in model.objects.filter(number__in=numbers)}
    missing = sorted(set(numbers) - set(found))
    if missing:
        raise ValidationError({field: _("Unknown numbers: %(n)s.") % {"n": missing}})
    return [found[n] for n in numbers]


@router.post(
    "/activities",
    response={201: ActivityOut, 400: BadRequestOut, 422: ValidationErrorOut, **DENIED},
    summary=doc(gettext_lazy("Log an activity")),
    description=doc(
        gettext_lazy(
            "Scope `activities:write`. Checked and audited as in the staff workspace; the "
            "activity belongs to the token's office."
        )
    ),
)
def create_activity(request: HttpRequest, payload: ActivityIn) -> Any:
    token = _token(request, TokenScope.ACTIVITIES_WRITE)
    try:
        municipality = None
        if payload.municipality:
            municipality = Municipality.objects.by_number(payload.municipality).first()
            if municipality is None:
                raise ValidationError({"municipality": _("Unknown municipality number.")})
        partners = list(Partner.objects.filter(office=token.office, pk__in=payload.partners))
        if len(partners) != len(set(payload.partners)):
            raise ValidationError({"partners": _("Choose partners from the office's register.")})
        with transaction.atomic():
            activity = activity_create(
                actor=token.created_by,
                office=token.office,
                date=payload.date,
                end_date=payload.end_date,
                kind=payload.kind,
                title=payload.title,
                municipality=municipality,
                partners=partners,
                participants=payload.participants,
                people_reached=payload.people_reached,
                office_tasks=_numbered(OfficeTask, payload.office_tasks, "office_tasks"),
                plan_goals=_numbered(PlanGoal, payload.plan_goals, "plan_goals"),
                notes=payload.notes,
                url=payload.url,
            )
            api_token_record_write(token=token, action="activity.activity.created", target=activity)
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        detail = [
            {"loc": ["body", field], "msg": message}
            for field, messages in errors.items()
            for message in messages
        ]
        return Status(400, {"detail": detail})
    except PermissionDenied as exc:
        return Status(403, {"detail": str(exc) or _("Not allowed.")})
    return Status(201, activity_out(activity))


@router.get(
    "/events",
    response={200: StaffEventList, **DENIED},
    summary=doc(gettext_lazy("The office's events")),
    description=doc(
        gettext_lazy(
            "Scope `events:read`. All the office's events, public or not, with sign-up counts "
            "(never who signed up)."
        )
    ),
)
def list_office_events(
    request: HttpRequest,
    date_from: IsoDate | None = Query(None),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    per_page: int = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE),
) -> dict[str, Any]:
    token = _token(request, TokenScope.EVENTS_READ)
    events = Event.objects.filter(office=token.office)
    if date_from is not None:
        events = events.filter(starts_at__date__gte=max(date_from, datetime.date(1900, 1, 1)))
    total = events.count()
    start = (page - 1) * per_page
    rows = events.annotate(
        n_confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
        n_waiting=Count("registrations", filter=Q(registrations__status="waiting")),
    ).order_by("-starts_at", "-id")[start : start + per_page]
    items = [
        {
            "id": e.pk,
            "slug": e.slug,
            "title": e.title,
            "kind": e.kind,
            "starts_at": e.starts_at,
            "ends_at": e.ends_at,
            "is_public": e.is_public,
            "cancelled": e.is_cancelled,
            "capacity": e.capacity,
            "confirmed": e.n_confirmed,
            "waiting": e.n_waiting,
            "attended_count": e.attended_count,
        }
        for e in rows
    ]
    return {"items": items, **page_meta(total, page, per_page)}
