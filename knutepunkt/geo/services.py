"""Reference geography. Counties and municipalities are loaded from official data
(``geo.loading``); head office may correct names and validity dates here. Every write
tells the places cache (``geo.places.places_changed``), so forms and searches see it at
once."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from knutepunkt.core.services import check_fields, ensure_head_office, update_and_audit
from knutepunkt.geo.models import County, Municipality
from knutepunkt.geo.places import not_valid_error, places_changed

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

COUNTY_FIELDS = frozenset({"name", "valid_from", "valid_to"})
MUNICIPALITY_FIELDS = frozenset({"name", "valid_from", "valid_to", "latitude", "longitude"})
# Place names are not personal data: record them in clear.
_NO_PERSONAL_FIELDS: frozenset[str] = frozenset()


def municipality_from(
    value: Municipality | str | None,
    *,
    field: str = "municipality",
    on: datetime.date | None = None,
) -> Municipality | None:
    """A municipality given as an object or as its official four-digit number, valid on
    ``on`` (today by default): a municipality of another time is refused with the ones
    valid that day."""
    if value is None or value == "":
        return None
    day = on or timezone.localdate()
    if isinstance(value, Municipality):
        if value.valid_from <= day and (value.valid_to is None or day <= value.valid_to):
            return value
        raise ValidationError({field: not_valid_error(value, day)})
    number = str(value).strip()
    found = Municipality.objects.current(day).filter(number=number).first()
    if found is None:
        other = Municipality.objects.filter(number=number).order_by("-valid_from").first()
        if other is not None:
            raise ValidationError({field: not_valid_error(other, day)})
        raise ValidationError(
            {field: _("Unknown municipality number: %(number)s.") % {"number": number}},
            code="unknown_municipality",
        )
    return found


def county_update(*, actor: User | None, county: County, data: Mapping[str, Any]) -> County:
    """Correct a county's name or validity (head office)."""
    ensure_head_office(actor)
    check_fields(data, COUNTY_FIELDS, "county_update")
    update_and_audit(
        county,
        data,
        actor=actor,
        action="geo.county.updated",
        personal_fields=_NO_PERSONAL_FIELDS,
    )
    places_changed()
    return county


def municipality_update(
    *, actor: User | None, municipality: Municipality, data: Mapping[str, Any]
) -> Municipality:
    """Correct a municipality's name, validity or map point (head office)."""
    ensure_head_office(actor)
    check_fields(data, MUNICIPALITY_FIELDS, "municipality_update")
    update_and_audit(
        municipality,
        data,
        actor=actor,
        action="geo.municipality.updated",
        personal_fields=_NO_PERSONAL_FIELDS,
    )
    places_changed()
    return municipality


# --- Applying a new vintage: where each ended unit went ------------------------------------


def _heirs(model: Any, link_model: Any, day: datetime.date) -> dict[int, list[tuple[Any, float]]]:
    """For every row not valid on ``day`` that has successors: the rows valid on ``day``
    it went into, following the successor links as far as needed (2019 → 2020 → 2024),
    with the share of its area each got (largest first; an unknown share is split evenly)."""
    links: dict[int, list[tuple[int, float | None]]] = {}
    for old, new, share in link_model.objects.values_list(
        "predecessor_id", "successor_id", "share"
    ):
        links.setdefault(old, []).append((new, share))
    valid = {row.pk: row for row in model.objects.current(day).defer("outline")}
    result: dict[int, list[tuple[Any, float]]] = {}

    def walk(pk: int, weight: float, into: dict[int, float], depth: int = 0) -> None:
        if pk in valid:
            into[pk] = into.get(pk, 0.0) + weight
            return
        heirs = links.get(pk, [])
        if depth > 10 or not heirs:
            return
        known = sum(share for _, share in heirs if share is not None)
        unknown = [new for new, share in heirs if share is None]
        rest = max(0.0, 1.0 - known) / len(unknown) if unknown else 0.0
        for new, share in heirs:
            walk(new, weight * (share if share is not None else rest), into, depth + 1)

    for pk in links:
        if pk in valid:
            continue
        into: dict[int, float] = {}
        walk(pk, 1.0, into)
        if into:
            result[pk] = sorted(
                ((valid[new], share) for new, share in into.items()),
                key=lambda item: (-item[1], item[0].number),
            )
    return result


def municipality_heirs(day: datetime.date | None = None) -> dict[int, list[tuple[Any, float]]]:
    """{ended municipality pk: [(municipality valid on ``day``, share), …]}, largest first."""
    from knutepunkt.geo.models import MunicipalitySuccessor

    return _heirs(Municipality, MunicipalitySuccessor, day or timezone.localdate())


def county_heirs(day: datetime.date | None = None) -> dict[int, list[tuple[Any, float]]]:
    """{ended county pk: [(county valid on ``day``, share), …]}, largest first."""
    from knutepunkt.geo.models import CountySuccessor

    return _heirs(County, CountySuccessor, day or timezone.localdate())
