"""The public directory: topics, groups, contact points and meeting places, offices."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Path, Query, Router

from knutepunkt.api.schemas import (
    ContactPointKindValue,
    ContactPointList,
    ContactPointOut,
    ErrorOut,
    GroupFormatValue,
    GroupList,
    GroupOut,
    GroupTargetValue,
    Language,
    OfficeList,
    OfficeOut,
    TopicList,
    TopicOut,
)
from knutepunkt.api.v1.common import (
    COUNTY_PATTERN,
    DEFAULT_PER_PAGE,
    MAX_ID,
    MAX_PAGE,
    MAX_PER_PAGE,
    MUNICIPALITY_PATTERN,
    NEAR_DESCRIPTION,
    NEAR_PATTERN,
    RADIUS_DEFAULT,
    RADIUS_MAX,
    SLUG_PATTERN,
    absolute,
    doc,
    page_meta,
    paged,
    parse_near,
    place,
)
from knutepunkt.groups.models import GroupFormat, GroupStatus, GroupTarget, Topic, Weekday
from knutepunkt.network.models import ContactPointKind
from knutepunkt.opendata.directory import (
    ContactPointFilters,
    GroupFilters,
    PublicContactPoint,
    PublicGroup,
    PublicOffice,
    localised,
    public_contact_point,
    public_contact_points,
    public_group,
    public_groups,
    public_offices,
)

router = Router(tags=["directory"])

LANG = Query(None, description="Answer in this language (default: Accept-Language).")
PAGE = Query(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
PER_PAGE = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE, description="Results per page.")
NOT_FOUND = {404: ErrorOut}


def _topic(topic: Topic) -> dict[str, Any]:
    return {
        "slug": topic.slug,
        "name": localised(topic.name_nb, topic.name_en),
        "name_nb": topic.name_nb,
        "name_en": topic.name_en,
    }


@router.get(
    "/topics",
    response=TopicList,
    summary=doc(_("Topics")),
    description=doc(_("The life problems groups meet around, in both languages.")),
)
def list_topics(
    request: HttpRequest,
    lang: Language | None = LANG,
    page: int = PAGE,
    per_page: int = PER_PAGE,
) -> dict[str, Any]:
    topics = [_topic(t) for t in Topic.objects.order_by("name_nb")]
    return paged(topics, page, per_page)


@router.get(
    "/topics/{slug}",
    response={200: TopicOut, **NOT_FOUND},
    summary=doc(_("One topic")),
)
def get_topic(
    request: HttpRequest,
    slug: str = Path(..., pattern=SLUG_PATTERN),
    lang: Language | None = LANG,
) -> dict[str, Any]:
    topic = Topic.objects.filter(slug=slug).first()
    if topic is None:
        raise Http404
    return _topic(topic)


def group_out(request: HttpRequest, group: PublicGroup) -> dict[str, Any]:
    weekly = None
    if group.weekday is not None and group.starts is not None:
        weekly = {
            "weekday": group.weekday,
            "weekday_name": str(Weekday(group.weekday).label),
            "starts": group.starts.strftime("%H:%M"),
            "ends": group.ends.strftime("%H:%M") if group.ends else None,
        }
    return {
        "id": group.id,
        "url": absolute(request, "find:group", group_id=group.id),
        "title": group.title,
        "topic": {"slug": group.topic_slug, "name": group.topic_name},
        "format": group.format,
        "format_label": str(GroupFormat(group.format).label),
        "target": group.target,
        "target_label": str(GroupTarget(group.target).label),
        "status": group.status,
        "status_label": str(GroupStatus(group.status).label),
        "description": group.description,
        "meeting_time": group.meeting_time,
        "weekly": weekly,
        "place": place(group.area) if group.area else None,
        "contact_point": group.contact_point_slug or None,
        "office": group.office_slug,
        "contact": group.contact.__dict__,
        "updated_at": group.updated_at,
        "distance_km": group.distance_km,
    }


@router.get(
    "/groups",
    response=GroupList,
    summary=doc(_("Self-help groups")),
    description=doc(
        _(
            "Groups open for new members or forming. Groups are closed and confidential: the "
            "place is the municipality only, and contact goes through the contact point or the "
            "district office."
        )
    ),
)
def list_groups(
    request: HttpRequest,
    topic: str | None = Query(None, pattern=SLUG_PATTERN, description="Topic slug."),
    municipality: str | None = Query(
        None, pattern=MUNICIPALITY_PATTERN, description="Groups meeting in this municipality."
    ),
    county: str | None = Query(None, pattern=COUNTY_PATTERN, description="County number."),
    format: GroupFormatValue | None = Query(None, description="In person, by phone or online."),
    target: GroupTargetValue | None = Query(None, description="For those affected or relatives."),
    office: str | None = Query(None, pattern=SLUG_PATTERN, description="District office slug."),
    contact_point: str | None = Query(None, pattern=SLUG_PATTERN),
    near: str | None = Query(None, pattern=NEAR_PATTERN, description=NEAR_DESCRIPTION),
    radius_km: int = Query(RADIUS_DEFAULT, ge=1, le=RADIUS_MAX),
    lang: Language | None = LANG,
    page: int = PAGE,
    per_page: int = PER_PAGE,
) -> dict[str, Any]:
    filters = GroupFilters(
        topic=topic or "",
        municipality=municipality or "",
        county=county or "",
        format=format or "",
        target=target or "",
        office=office or "",
        contact_point=contact_point or "",
        near=parse_near(near),
        radius_km=radius_km,
    )
    result = public_groups(filters, page=page, per_page=per_page)
    return {
        "items": [group_out(request, g) for g in result.items],
        **page_meta(result.total, page, per_page),
    }


@router.get(
    "/groups/{group_id}",
    response={200: GroupOut, **NOT_FOUND},
    summary=doc(_("One group")),
)
def get_group(
    request: HttpRequest,
    group_id: int = Path(..., ge=1, le=MAX_ID),
    lang: Language | None = LANG,
) -> dict[str, Any]:
    group = public_group(group_id)
    if group is None:
        raise Http404
    return group_out(request, group)


def contact_point_out(request: HttpRequest, point: PublicContactPoint) -> dict[str, Any]:
    return {
        "slug": point.slug,
        "url": absolute(request, "directory:contact_point", slug=point.slug),
        "name": point.name,
        "kind": point.kind,
        "kind_label": str(ContactPointKind(point.kind).label),
        "description": point.description,
        "host": point.host_name,
        "address": point.address,
        "email": point.email,
        "phone": point.phone,
        "website": point.website,
        "opening_hours": point.opening_hours,
        "place": place(point.area),
        "municipalities_served": [{"number": n, "name": m} for n, m in point.served],
        "office": point.office_slug,
        "updated_at": point.updated_at,
        "distance_km": point.distance_km,
    }


@router.get(
    "/contact-points",
    response=ContactPointList,
    summary=doc(_("Contact points and meeting places")),
    description=doc(_("Established local contact points and meeting places for self-help.")),
)
def list_contact_points(
    request: HttpRequest,
    municipality: str | None = Query(
        None, pattern=MUNICIPALITY_PATTERN, description="Located in or serving it."
    ),
    county: str | None = Query(None, pattern=COUNTY_PATTERN),
    kind: ContactPointKindValue | None = Query(None),
    office: str | None = Query(None, pattern=SLUG_PATTERN),
    near: str | None = Query(None, pattern=NEAR_PATTERN, description=NEAR_DESCRIPTION),
    radius_km: int = Query(RADIUS_DEFAULT, ge=1, le=RADIUS_MAX),
    lang: Language | None = LANG,
    page: int = PAGE,
    per_page: int = PER_PAGE,
) -> dict[str, Any]:
    filters = ContactPointFilters(
        municipality=municipality or "",
        county=county or "",
        kind=kind or "",
        office=office or "",
        near=parse_near(near),
        radius_km=radius_km,
    )
    result = public_contact_points(filters, page=page, per_page=per_page)
    return {
        "items": [contact_point_out(request, p) for p in result.items],
        **page_meta(result.total, page, per_page),
    }


@router.get(
    "/contact-points/{slug}",
    response={200: ContactPointOut, **NOT_FOUND},
    summary=doc(_("One contact point or meeting place")),
)
def get_contact_point(
    request: HttpRequest,
    slug: str = Path(..., pattern=SLUG_PATTERN),
    lang: Language | None = LANG,
) -> dict[str, Any]:
    point = public_contact_point(slug)
    if point is None:
        raise Http404
    return contact_point_out(request, point)


def office_out(request: HttpRequest, office: PublicOffice) -> dict[str, Any]:
    return {
        "slug": office.slug,
        "url": absolute(request, "directory:office", slug=office.slug),
        "name": office.name,
        "seat": {"number": office.seat.municipality_number, "name": office.seat.municipality_name},
        "counties": [{"number": n, "name": m} for n, m in office.counties],
        "email": office.email,
        "phone": office.phone,
        "address": office.address,
        "description": office.description,
    }


@router.get(
    "/offices",
    response=OfficeList,
    summary=doc(_("District offices")),
    description=doc(_("Selvhjelp Norge's district offices and the counties each covers.")),
)
def list_offices(
    request: HttpRequest,
    lang: Language | None = LANG,
    page: int = PAGE,
    per_page: int = PER_PAGE,
) -> dict[str, Any]:
    return paged([office_out(request, o) for o in public_offices()], page, per_page)


@router.get(
    "/offices/{slug}", response={200: OfficeOut, **NOT_FOUND}, summary=doc(_("One district office"))
)
def get_office(
    request: HttpRequest,
    slug: str = Path(..., pattern=SLUG_PATTERN),
    lang: Language | None = LANG,
) -> dict[str, Any]:
    found = public_offices(slug)
    if not found:
        raise Http404
    return office_out(request, found[0])
