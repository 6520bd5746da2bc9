"""The public directory: district offices, contact points, municipalities and the map.

Only public information: established contact points (``ContactPoint.objects.public()``)
and public groups. Unknown or non-public objects are a 404. Display values are computed
here, so the templates only print.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from knutepunkt.core.i18n import LocalizedText, localized_text
from knutepunkt.events.models import Event
from knutepunkt.geo.models import Municipality
from knutepunkt.groups.index import find_index
from knutepunkt.network.models import ContactPointStatus, DistrictOffice, OfficeCounty
from knutepunkt.public.feedback.forms import ReportForm
from knutepunkt.public.network.directory import (
    indexed_coverage,
    listed_groups,
    map_figure,
    municipality_hrefs,
)

UPCOMING_EVENTS_SHOWN = 10


def _report(kind: str, key: str) -> dict[str, Any]:
    """The "something wrong with this listing?" form at the foot of a listing's page."""
    return {
        "report_form": ReportForm(auto_id="report-%s"),
        "report_url": reverse("feedback:report", kwargs={"kind": kind, "key": key}),
    }


def _description(obj: Any) -> LocalizedText:
    """The text in the reader's language, falling back to bokmål – marked as such, so a
    screen reader pronounces it in Norwegian."""
    return localized_text(obj, "description")


def _upcoming_events(**filters: Any) -> list[Event]:
    return list(
        Event.objects.in_calendar()
        .filter(**filters)
        .select_related("municipality")
        .order_by("starts_at", "id")[:UPCOMING_EVENTS_SHOWN]
    )


def office_list(request: HttpRequest) -> HttpResponse:
    offices = (
        DistrictOffice.objects.select_related("seat")
        .prefetch_related(
            Prefetch(
                "officecounty_set",
                queryset=OfficeCounty.objects.select_related("county").order_by("county__number"),
            )
        )
        .annotate(
            established=Count(
                "contact_points",
                filter=Q(contact_points__status=ContactPointStatus.ESTABLISHED),
            )
        )
        .order_by("name")
    )
    rows = [
        {
            "office": office,
            "counties": ", ".join(link.county.name for link in office.officecounty_set.all()),
        }
        for office in offices
    ]
    return render(request, "network/office_list.html", {"rows": rows})


def office_detail(request: HttpRequest, slug: str) -> HttpResponse:
    office = DistrictOffice.objects.select_related("seat").filter(slug=slug).first()
    if office is None:
        raise Http404
    counties = [
        link.county
        for link in OfficeCounty.objects.filter(office=office)
        .select_related("county")
        .order_by("county__number")
    ]
    contact_points = list(
        office.contact_points.filter(
            status__in=[ContactPointStatus.ESTABLISHED, ContactPointStatus.PLANNING]
        )
        .select_related("municipality")
        .order_by("name")
    )
    context = {
        "office": office,
        "description": _description(office),
        "counties": counties,
        "established": [c for c in contact_points if c.status == ContactPointStatus.ESTABLISHED],
        "planning": [c for c in contact_points if c.status == ContactPointStatus.PLANNING],
        "events": _upcoming_events(office=office),
        "map": (
            map_figure(county_numbers=tuple(c.number for c in counties), data=indexed_coverage())
            if counties
            else ""
        ),
        **_report("kontor", office.slug),
    }
    return render(request, "network/office_detail.html", context)


def contact_point_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """From the in-memory index (knutepunkt.groups.index), but for the events."""
    contact_point = find_index().contact_point_by_slug.get(slug)
    if contact_point is None:
        raise Http404
    context = {
        "contact_point": contact_point,
        "description": _description(contact_point),
        "served": contact_point.served,
        "groups": listed_groups(find_index().by_contact_point.get(contact_point.id, ())),
        "events": _upcoming_events(contact_point_id=contact_point.id),
        **_report("kontaktpunkt", contact_point.slug),
    }
    return render(request, "network/contact_point_detail.html", context)


def municipality_detail(request: HttpRequest, number: str) -> HttpResponse:
    """From the in-memory index (knutepunkt.groups.index): no query."""
    index = find_index()
    municipality = index.municipalities.get(number)
    if municipality is None:
        raise Http404
    contact_points = index.contact_points_at.get(municipality.id, [])
    groups = {g.id: g for g in index.by_municipality.get(municipality.id, ())}
    for point in contact_points:
        groups.update((g.id, g) for g in index.by_contact_point.get(point.id, ()))
    context = {
        "municipality": municipality,
        "contact_points": contact_points,
        "groups": listed_groups(sorted(groups.values(), key=index.topic_rank)),
        "remote_groups": len(index.remote_by_topic),
        "office": index.office_by_county.get(municipality.county_number),
    }
    return render(request, "network/municipality_detail.html", context)


def municipality_index(request: HttpRequest) -> HttpResponse:
    """All municipalities by county, and a no-JavaScript "go to my municipality" form."""
    number = request.GET.get("kommune", "").strip()
    error = ""
    if number:
        # Only four ASCII digits reach the database (a NUL byte is an error in PostgreSQL).
        plausible = len(number) == 4 and number.isascii() and number.isdigit()
        if plausible and Municipality.objects.by_number(number).exists():
            return redirect("directory:municipality", number=number)
        error = "unknown"

    def content() -> str:
        data = indexed_coverage()
        href = municipality_hrefs()
        counties: dict[str, dict[str, Any]] = {}
        for pk, m_number, name, c_number, c_name in (
            Municipality.objects.current()
            .order_by("county__number", "name")
            .values_list("pk", "number", "name", "county__number", "county__name")
        ):
            county = counties.setdefault(c_number, {"name": c_name, "municipalities": []})
            county["municipalities"].append(
                {
                    "number": m_number,
                    "name": name,
                    "css": data.css_class(pk),
                    "href": href(m_number),
                }
            )
        context = {"counties": list(counties.values()), "error": error, "number": number}
        return render_to_string("network/includes/municipality_index_content.html", context)

    html = content() if error else _per_language("municipality-index", content)
    return render(request, "network/municipality_index.html", {"content": mark_safe(html)})  # noqa: S308


def _per_language(name: str, render_content: Any) -> str:
    """A page's content that is the same for every visitor (no form state, no token),
    rendered once per language and version of the public index."""
    language = get_language() or "nb"
    return str(find_index().derived(f"{name}:{language}", render_content))


def national_map(request: HttpRequest) -> HttpResponse:
    def content() -> str:
        data = indexed_coverage()
        href = municipality_hrefs()
        # The text equivalent: counties → municipalities that have something.
        by_county: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for pk, number, name, c_number, c_name in (
            Municipality.objects.current()
            .filter(pk__in=data.any_ids)
            .order_by("county__number", "name")
            .values_list("pk", "number", "name", "county__number", "county__name")
        ):
            by_county[(c_number, c_name)].append(
                {"number": number, "name": name, "css": data.css_class(pk), "href": href(number)}
            )
        context = {
            "map": map_figure(data=data),
            "counties": [
                {"name": c_name, "municipalities": rows} for (_, c_name), rows in by_county.items()
            ],
        }
        return render_to_string("network/includes/map_content.html", context)

    html = _per_language("national-map", content)
    return render(request, "network/map.html", {"content": mark_safe(html)})  # noqa: S308
