"""The directory as Open Referral HSDS 3 (Human Services Data Specification), at the paths
of the HSDS OpenAPI file: organizations (district offices, contact points and the partners
hosting them), services (public groups, their topic and format as taxonomy terms),
locations (a contact point's own address; for groups only the municipality's centre),
service_at_location (group × approximate location) and the taxonomies.

Answers follow the compiled HSDS schemas in ``standards/hsds-3/`` (tests validate every
one). Lists are pages: ``total_items``, ``total_pages``, ``page_number``, ``size``,
``first_page``, ``last_page``, ``empty`` and ``contents``."""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from knutepunkt.api.ids import Kind, make, read
from knutepunkt.groups.models import GroupFormat, GroupStatus, GroupTarget, Topic, Weekday
from knutepunkt.network.models import ContactPoint, Partner
from knutepunkt.opendata.directory import (
    Area,
    PublicContactPoint,
    PublicGroup,
    PublicOffice,
    localised,
    public_contact_points,
    public_groups,
    public_offices,
)

SPEC_DIR = Path(__file__).resolve().parent / "standards" / "hsds-3"
HSDS_VERSION = "3.0"
PROFILE_URL = "https://docs.openreferral.org/en/latest/"
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
TOPICS, FORMATS = 1, 2
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FORMAT_KEYS = {value: index for index, value in enumerate(GroupFormat.values, start=1)}


def _answer(data: Any, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def _error(status: int, message: str) -> JsonResponse:
    return _answer({"detail": message}, status=status)


def _int(request: HttpRequest, name: str, default: int, high: int) -> int | None:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= high:
        return None
    return int(raw)


def _page(request: HttpRequest, items: Sequence[Any]) -> JsonResponse:
    page = _int(request, "page", 1, 100_000)
    per_page = _int(request, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    if page is None or per_page is None:
        return _error(400, _("page and per_page must be whole numbers from 1."))
    total = len(items)
    pages = max(1, math.ceil(total / per_page))
    contents = list(items[(page - 1) * per_page : page * per_page])
    return _answer(
        {
            "total_items": total,
            "total_pages": pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= pages,
            "empty": not contents,
            "contents": contents,
        }
    )


def _truthy(request: HttpRequest, name: str) -> bool:
    return (request.GET.get(name) or "").lower() in {"1", "true", "yes"}


def _url(request: HttpRequest, name: str, **kwargs: Any) -> str:
    return request.build_absolute_uri(reverse(name, kwargs=kwargs))


# --- Building blocks -----------------------------------------------------------------------


def _municipality_location(area: Area) -> dict[str, Any]:
    return {
        "id": make(Kind.MUNICIPALITY_LOCATION, int(area.municipality_number)),
        "location_type": "physical",
        "name": area.municipality_name,
        "description": _(
            "Approximate: the centre of the municipality. Where a group meets is never published."
        ),
        "latitude": area.latitude,
        "longitude": area.longitude,
    }


def _contact_point_location(point: PublicContactPoint) -> dict[str, Any]:
    location_id = make(Kind.CONTACT_POINT_LOCATION, point.id)
    location: dict[str, Any] = {
        "id": location_id,
        "location_type": "physical",
        "organization_id": make(Kind.CONTACT_POINT, point.id),
        "name": point.name,
        "latitude": point.area.latitude,
        "longitude": point.area.longitude,
        "description": _("The coordinates are the municipality's centre."),
    }
    if point.address:
        location["addresses"] = [
            {
                "id": make(Kind.ADDRESS, point.id),
                "location_id": location_id,
                "address_1": point.address,
                "city": point.area.municipality_name,
                "state_province": point.area.county_name,
                "postal_code": "",
                "country": "NO",
                "address_type": "physical",
            }
        ]
    return location


def _phone(kind: Kind, key: int, number: str, **links: str) -> list[dict[str, Any]]:
    if not number:
        return []
    return [{"id": make(kind, key), "number": number, **links}]


def _office_org(office: PublicOffice, request: HttpRequest) -> dict[str, Any]:
    org_id = make(Kind.OFFICE, office.id)
    org: dict[str, Any] = {
        "id": org_id,
        "name": f"Selvhjelp Norge – {office.name}",
        "description": office.description
        or _("Selvhjelp Norge's district office for %(counties)s.")
        % {"counties": ", ".join(name for _n, name in office.counties) or office.name},
        "uri": _url(request, "directory:office", slug=office.slug),
        "phones": _phone(Kind.OFFICE_PHONE, office.id, office.phone, organization_id=org_id),
    }
    if office.email:
        org["email"] = office.email
    return org


def _contact_point_org(point: PublicContactPoint, request: HttpRequest) -> dict[str, Any]:
    org_id = make(Kind.CONTACT_POINT, point.id)
    org: dict[str, Any] = {
        "id": org_id,
        "name": point.name,
        "description": point.description or point.name,
        "uri": _url(request, "directory:contact_point", slug=point.slug),
        "phones": _phone(Kind.CONTACT_POINT_PHONE, point.id, point.phone, organization_id=org_id),
        "locations": [_contact_point_location(point)],
    }
    if point.email:
        org["email"] = point.email
    if point.website:
        org["website"] = point.website
    return org


def _partner_org(partner: dict[str, Any]) -> dict[str, Any]:
    org_id = make(Kind.PARTNER, partner["id"])
    org: dict[str, Any] = {
        "id": org_id,
        "name": partner["name"],
        "description": _("Hosts a contact point for self-help."),
    }
    if partner["organisation_number"]:
        org["organization_identifiers"] = [
            {
                "id": make(Kind.IDENTIFIER, partner["id"]),
                "organization_id": org_id,
                "identifier_scheme": "NO-BRC",
                "identifier_type": _("Organisation number (Brønnøysund Register Centre)"),
                "identifier": partner["organisation_number"],
            }
        ]
    return org


def _host_partners() -> list[dict[str, Any]]:
    """Partners that host a public contact point: their names are on the public site."""
    return list(
        Partner.objects.filter(hosted_contact_points__in=ContactPoint.objects.public())
        .distinct()
        .order_by("name")
        .values("id", "name", "organisation_number")
    )


def _status(group: PublicGroup) -> str:
    return "active" if group.status == GroupStatus.OPEN else "inactive"


def _topic_term(slug: str, name: str, topic_id: int) -> dict[str, Any]:
    return {
        "id": make(Kind.TOPIC_TERM, topic_id),
        "code": slug,
        "name": name,
        "description": _("Self-help groups about: %(topic)s") % {"topic": name},
        "taxonomy": "knutepunkt-topics",
        "taxonomy_id": make(Kind.TAXONOMY, TOPICS),
    }


def _format_term(value: str) -> dict[str, Any]:
    return {
        "id": make(Kind.FORMAT_TERM, _FORMAT_KEYS[value]),
        "code": value,
        "name": str(GroupFormat(value).label),
        "description": _("How the group meets: %(format)s") % {"format": GroupFormat(value).label},
        "taxonomy": "knutepunkt-formats",
        "taxonomy_id": make(Kind.TAXONOMY, FORMATS),
    }


class _Context:
    """What building a group needs beyond the group itself, read once per answer."""

    def __init__(self) -> None:
        self.topic_ids = dict(Topic.objects.values_list("slug", "pk"))
        self.point_ids = dict(ContactPoint.objects.public().values_list("slug", "pk"))
        self.office_ids = {office.slug: office.id for office in public_offices()}

    def organization(self, group: PublicGroup) -> dict[str, Any]:
        if group.contact_point_slug and group.contact_point_slug in self.point_ids:
            org_id = make(Kind.CONTACT_POINT, self.point_ids[group.contact_point_slug])
        else:
            org_id = make(Kind.OFFICE, self.office_ids.get(group.office_slug, 0))
        return {
            "id": org_id,
            "name": group.contact.name,
            "description": _("Contact for the group: people join through this organisation."),
        }


def _service_list_item(group: PublicGroup, ctx: _Context, request: HttpRequest) -> dict[str, Any]:
    org = ctx.organization(group)
    service: dict[str, Any] = {
        "id": make(Kind.GROUP, group.id),
        "organization_id": org["id"],
        "name": group.title,
        "description": group.description or group.topic_name,
        "url": _url(request, "find:group", group_id=group.id),
        "status": _status(group),
        "application_process": _(
            "Groups are closed and confidential. Contact %(name)s to join or to hear more."
        )
        % {"name": group.contact.name},
        "fees_description": _("Free of charge."),
        "eligibility_description": str(GroupTarget(group.target).label),
        "last_modified": group.updated_at.isoformat(),
        "organization": org,
    }
    if group.contact.email:
        service["email"] = group.contact.email
    if group.status == GroupStatus.FORMING:
        service["alert"] = str(GroupStatus(group.status).label)
    return service


def _schedule(group: PublicGroup, service_id: str) -> list[dict[str, Any]]:
    if group.weekday is None or group.starts is None:
        if not group.meeting_time:
            return []
        return [
            {
                "id": make(Kind.GROUP_SCHEDULE, group.id),
                "service_id": service_id,
                "description": group.meeting_time,
            }
        ]
    schedule: dict[str, Any] = {
        "id": make(Kind.GROUP_SCHEDULE, group.id),
        "service_id": service_id,
        "freq": "WEEKLY",
        "wkst": "MO",
        "interval": 1,
        "byday": BYDAY[group.weekday],
        "opens_at": group.starts.strftime("%H:%M"),
        "description": group.meeting_time or str(Weekday(group.weekday).label),
        "notes": _("Local time, Europe/Oslo."),
    }
    if group.ends is not None:
        schedule["closes_at"] = group.ends.strftime("%H:%M")
    return [schedule]


def _sal_id(group: PublicGroup) -> str:
    return make(Kind.SERVICE_AT_LOCATION, group.id)


def _full_service(group: PublicGroup, ctx: _Context, request: HttpRequest) -> dict[str, Any]:
    service = _service_list_item(group, ctx, request)
    service_id = service["id"]
    topic_id = ctx.topic_ids.get(group.topic_slug, 0)
    service["phones"] = _phone(
        Kind.GROUP_PHONE, group.id, group.contact.phone, service_id=service_id
    )
    service["schedules"] = _schedule(group, service_id)
    service["attributes"] = [
        {
            "id": make(Kind.TOPIC_ATTRIBUTE, group.id),
            "link_id": service_id,
            "link_type": "topic",
            "link_entity": "service",
            "taxonomy_term_id": make(Kind.TOPIC_TERM, topic_id),
            "taxonomy_term": _topic_term(group.topic_slug, group.topic_name, topic_id),
        },
        {
            "id": make(Kind.FORMAT_ATTRIBUTE, group.id),
            "link_id": service_id,
            "link_type": "format",
            "link_entity": "service",
            "taxonomy_term_id": make(Kind.FORMAT_TERM, _FORMAT_KEYS[group.format]),
            "taxonomy_term": _format_term(group.format),
        },
    ]
    area_name = group.area.municipality_name if group.area else _("Norway (by phone or online)")
    service["service_areas"] = [
        {
            "id": make(Kind.SERVICE_AREA, group.id),
            "service_id": service_id,
            "name": area_name,
            "description": _("Where people who can join this group live."),
        }
    ]
    service["service_at_locations"] = (
        [
            {
                "id": _sal_id(group),
                "service_id": service_id,
                "location_id": make(
                    Kind.MUNICIPALITY_LOCATION, int(group.area.municipality_number)
                ),
                "description": _("Meets in %(place)s.") % {"place": group.area.municipality_name},
                "location": _municipality_location(group.area),
            }
        ]
        if group.area
        else []
    )
    return service


# --- Filters --------------------------------------------------------------------------------


def _filtered_groups(request: HttpRequest) -> list[PublicGroup] | JsonResponse:
    groups = public_groups().items
    term = request.GET.get("taxonomy_term_id")
    if term:
        topic_pk = read(term, Kind.TOPIC_TERM)
        format_key = read(term, Kind.FORMAT_TERM)
        if topic_pk is not None:
            slug = Topic.objects.filter(pk=topic_pk).values_list("slug", flat=True).first()
            groups = [g for g in groups if g.topic_slug == slug]
        elif format_key is not None:
            formats = {v: k for k, v in _FORMAT_KEYS.items()}
            groups = [g for g in groups if g.format == formats.get(format_key)]
        else:
            groups = []
    taxonomy = request.GET.get("taxonomy_id")
    if taxonomy and read(taxonomy, Kind.TAXONOMY) not in (TOPICS, FORMATS):
        groups = []
    organization = request.GET.get("organization_id")
    if organization:
        ctx = _Context()
        groups = [g for g in groups if ctx.organization(g)["id"] == organization.lower()]
    search = (request.GET.get("search") or "").strip().lower()[:100]
    if search:
        groups = [
            g
            for g in groups
            if search
            in " ".join(
                [g.title, g.topic_name_nb, g.topic_name_en, g.description_nb, g.description_en]
            ).lower()
        ]
    modified_after = request.GET.get("modified_after")
    if modified_after:
        moment = _moment(modified_after)
        if moment is None:
            return _error(400, _("modified_after must be a date or a date and time."))
        groups = [g for g in groups if g.updated_at >= moment]
    return groups


def _moment(text: str) -> datetime.datetime | None:
    try:
        moment = parse_datetime(text)
        if moment is None:
            day = parse_date(text)
            if day is None:
                return None
            moment = datetime.datetime.combine(day, datetime.time.min)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment


# --- Views ----------------------------------------------------------------------------------


@require_safe
def root(request: HttpRequest) -> JsonResponse:
    return _answer(
        {
            "version": HSDS_VERSION,
            "profile": PROFILE_URL,
            "openapi_url": _url(request, "hsds_openapi"),
        }
    )


@cache
def _spec() -> dict[str, Any]:
    with (SPEC_DIR / "openapi.json").open(encoding="utf-8") as handle:
        return dict(json.load(handle))


@require_safe
def openapi_document(request: HttpRequest) -> JsonResponse:
    """The HSDS OpenAPI file this part follows, with this server as its server."""
    document = dict(_spec())
    document["servers"] = [{"url": _url(request, "hsds_root").rstrip("/")}]
    return _answer(document)


def _with_groups(
    request: HttpRequest, build: Callable[[list[PublicGroup], _Context], list[Any]]
) -> JsonResponse:
    groups = _filtered_groups(request)
    if isinstance(groups, JsonResponse):
        return groups
    return _page(request, build(groups, _Context()))


@require_safe
def service_list(request: HttpRequest) -> JsonResponse:
    full = _truthy(request, "full")
    minimal = _truthy(request, "minimal")

    def build(groups: list[PublicGroup], ctx: _Context) -> list[Any]:
        if minimal:
            return [
                {
                    "id": make(Kind.GROUP, g.id),
                    "name": g.title,
                    "status": _status(g),
                    "last_modified": g.updated_at.isoformat(),
                }
                for g in groups
            ]
        maker = _full_service if full else _service_list_item
        return [maker(g, ctx, request) for g in groups]

    return _with_groups(request, build)


def _group_or_none(pk: str, kind: Kind) -> PublicGroup | None:
    from knutepunkt.opendata.directory import public_group

    key = read(pk, kind)
    return public_group(key) if key is not None and key > 0 else None


@require_safe
def service_detail(request: HttpRequest, pk: str) -> JsonResponse:
    group = _group_or_none(pk, Kind.GROUP)
    if group is None:
        return _error(404, _("Not found."))
    return _answer(_full_service(group, _Context(), request))


def _organizations(request: HttpRequest) -> list[tuple[dict[str, Any], str, str]]:
    """(organization, kind, key) for every public organization, by name."""
    found: list[tuple[dict[str, Any], str, str]] = []
    for office in public_offices():
        found.append((_office_org(office, request), "office", office.slug))
    for point in public_contact_points().items:
        found.append((_contact_point_org(point, request), "contact_point", point.slug))
    for partner in _host_partners():
        found.append((_partner_org(partner), "partner", str(partner["id"])))
    found.sort(key=lambda entry: entry[0]["name"].lower())
    return found


def _org_services(
    org: dict[str, Any], groups: list[PublicGroup], ctx: _Context, request: HttpRequest, full: bool
) -> list[dict[str, Any]]:
    own = [g for g in groups if ctx.organization(g)["id"] == org["id"]]
    if full:
        return [_full_service(g, ctx, request) for g in own]
    return [{"id": make(Kind.GROUP, g.id), "name": g.title, "status": _status(g)} for g in own]


@require_safe
def organization_list(request: HttpRequest) -> JsonResponse:
    organizations = [org for org, _kind, _key in _organizations(request)]
    search = (request.GET.get("search") or "").strip().lower()[:100]
    if search:
        organizations = [o for o in organizations if search in o["name"].lower()]
    if _truthy(request, "full") or _truthy(request, "full_service"):
        groups, ctx = public_groups().items, _Context()
        full_service = _truthy(request, "full_service")
        for org in organizations:
            org["services"] = _org_services(org, groups, ctx, request, full_service)
        return _page(request, organizations)
    listed = [
        {k: v for k, v in org.items() if k not in ("phones", "locations")} for org in organizations
    ]
    for org in listed:
        org.pop("organization_identifiers", None)
    return _page(request, listed)


@require_safe
def organization_detail(request: HttpRequest, pk: str) -> JsonResponse:
    for org, _kind, _key in _organizations(request):
        if org["id"] == pk.lower():
            groups, ctx = public_groups().items, _Context()
            org["services"] = _org_services(
                org, groups, ctx, request, _truthy(request, "full_service")
            )
            return _answer(org)
    return _error(404, _("Not found."))


def _sal(group: PublicGroup, ctx: _Context, request: HttpRequest) -> dict[str, Any]:
    assert group.area is not None
    service = _service_list_item(group, ctx, request)
    return {
        "id": _sal_id(group),
        "service_id": service["id"],
        "location_id": make(Kind.MUNICIPALITY_LOCATION, int(group.area.municipality_number)),
        "description": _("Meets in %(place)s.") % {"place": group.area.municipality_name},
        "location": _municipality_location(group.area),
        "service": {k: service[k] for k in ("id", "name", "status", "description", "url")},
    }


@require_safe
def service_at_location_list(request: HttpRequest) -> JsonResponse:
    postcode = request.GET.get("postcode")
    proximity = request.GET.get("proximity")

    def build(groups: list[PublicGroup], ctx: _Context) -> list[Any]:
        located = [g for g in groups if g.area is not None]
        if postcode:
            # Norway has no postcode table here: a municipality number works as the "area".
            located = [g for g in located if g.area and g.area.municipality_number == postcode]
        if proximity and not (proximity.isascii() and proximity.isdigit()):
            return []
        return [_sal(g, ctx, request) for g in located]

    return _with_groups(request, build)


@require_safe
def service_at_location_detail(request: HttpRequest, pk: str) -> JsonResponse:
    group = _group_or_none(pk, Kind.SERVICE_AT_LOCATION)
    if group is None or group.area is None:
        return _error(404, _("Not found."))
    ctx = _Context()
    sal = _sal(group, ctx, request)
    service = _full_service(group, ctx, request)
    sal["service"] = {k: v for k, v in service.items() if k != "service_at_locations"}
    sal["schedules"] = service["schedules"]
    sal["phones"] = service["phones"]
    return _answer(sal)


def _taxonomies() -> list[dict[str, Any]]:
    return [
        {
            "id": make(Kind.TAXONOMY, TOPICS),
            "name": "knutepunkt-topics",
            "description": _("The topics (life problems) of Knutepunkt's self-help groups."),
            "version": "1",
        },
        {
            "id": make(Kind.TAXONOMY, FORMATS),
            "name": "knutepunkt-formats",
            "description": _("How a self-help group meets: in person, by phone or online."),
            "version": "1",
        },
    ]


@require_safe
def taxonomy_list(request: HttpRequest) -> JsonResponse:
    return _page(request, _taxonomies())


@require_safe
def taxonomy_detail(request: HttpRequest, pk: str) -> JsonResponse:
    found = [t for t in _taxonomies() if t["id"] == pk.lower()]
    return _answer(found[0]) if found else _error(404, _("Not found."))


def _terms() -> list[dict[str, Any]]:
    terms = [
        _topic_term(t.slug, localised(t.name_nb, t.name_en), t.pk)
        for t in Topic.objects.order_by("name_nb")
    ]
    return terms + [_format_term(value) for value in GroupFormat.values]


@require_safe
def taxonomy_term_list(request: HttpRequest) -> JsonResponse:
    terms = _terms()
    taxonomy = request.GET.get("taxonomy_id")
    if taxonomy:
        terms = [t for t in terms if t["taxonomy_id"] == taxonomy.lower()]
    if request.GET.get("parent_id"):
        terms = []  # the terms are flat: none has a parent
    search = (request.GET.get("search") or "").strip().lower()[:100]
    if search:
        terms = [t for t in terms if search in t["name"].lower()]
    return _page(request, terms)


@require_safe
def taxonomy_term_detail(request: HttpRequest, pk: str) -> JsonResponse:
    found = [t for t in _terms() if t["id"] == pk.lower()]
    return _answer(found[0]) if found else _error(404, _("Not found."))
