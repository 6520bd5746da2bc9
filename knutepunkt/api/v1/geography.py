"""Counties and municipalities (current structure), with the office covering each."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Path, Query, Router

from knutepunkt.api.schemas import (
    CountyList,
    CountyOut,
    ErrorOut,
    MunicipalityList,
    MunicipalityOut,
)
from knutepunkt.api.v1.common import (
    COUNTY_PATTERN,
    DEFAULT_PER_PAGE,
    MAX_PAGE,
    MAX_PER_PAGE,
    MUNICIPALITY_PATTERN,
    doc,
    page_meta,
    paged,
)
from knutepunkt.geo.models import County, Municipality
from knutepunkt.network.models import OfficeCounty

router = Router(tags=["geography"])
NOT_FOUND = {404: ErrorOut}


def _coverage() -> dict[str, str]:
    """County number → slug of the office covering it."""
    return dict(
        OfficeCounty.objects.filter(county__valid_to__isnull=True).values_list(
            "county__number", "office__slug"
        )
    )


def _counties() -> list[dict[str, Any]]:
    coverage = _coverage()
    return [
        {"number": number, "name": name, "office": coverage.get(number)}
        for number, name in County.objects.current()
        .order_by("number")
        .values_list("number", "name")
    ]


@router.get("/counties", response=CountyList, summary=doc(_("Counties")))
def list_counties(
    request: HttpRequest,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    per_page: int = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE),
) -> dict[str, Any]:
    return paged(_counties(), page, per_page)


@router.get(
    "/counties/{number}",
    response={200: CountyOut, **NOT_FOUND},
    summary=doc(_("One county")),
)
def get_county(
    request: HttpRequest, number: str = Path(..., pattern=COUNTY_PATTERN)
) -> dict[str, Any]:
    found = [c for c in _counties() if c["number"] == number]
    if not found:
        raise Http404
    return found[0]


_MUNICIPALITY_VALUES = ("number", "name", "county__number", "county__name", "latitude", "longitude")


def _municipality(row: dict[str, Any], coverage: dict[str, str]) -> dict[str, Any]:
    return {
        "number": row["number"],
        "name": row["name"],
        "county": {"number": row["county__number"], "name": row["county__name"]},
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "office": coverage.get(row["county__number"]),
    }


@router.get(
    "/municipalities",
    response=MunicipalityList,
    summary=doc(_("Municipalities")),
    description=doc(_("Current municipalities, by name; `q` matches the start of the name.")),
)
def list_municipalities(
    request: HttpRequest,
    county: str | None = Query(None, pattern=COUNTY_PATTERN),
    q: str | None = Query(None, max_length=100, description="Start of the name."),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    per_page: int = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE),
) -> dict[str, Any]:
    rows = Municipality.objects.current().order_by("name", "number")
    if county:
        rows = rows.filter(county__number=county)
    if q and q.strip() and "\x00" not in q:
        rows = rows.filter(name__istartswith=q.strip())
    total = rows.count()
    start = (page - 1) * per_page
    coverage = _coverage()
    items = [
        _municipality(row, coverage)
        for row in rows.values(*_MUNICIPALITY_VALUES)[start : start + per_page]
    ]
    return {"items": items, **page_meta(total, page, per_page)}


@router.get(
    "/municipalities/{number}",
    response={200: MunicipalityOut, **NOT_FOUND},
    summary=doc(_("One municipality")),
)
def get_municipality(
    request: HttpRequest, number: str = Path(..., pattern=MUNICIPALITY_PATTERN)
) -> dict[str, Any]:
    row = Municipality.objects.by_number(number).values(*_MUNICIPALITY_VALUES).first()
    if row is None:
        raise Http404
    return _municipality(row, _coverage())
