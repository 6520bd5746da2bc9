"""Apply a new vintage of the geography: re-point everything *current* from the ended
counties and municipalities to their successors (``geo.services.municipality_heirs``),
and leave history alone.

Moved: offices' coverage (an office that covered Viken also covers Østfold, Akershus and
Buskerud from the new vintage's first day; the Viken row stays as the coverage of its time)
and seats; contact points, their municipality and the municipalities they serve; groups
that have not ended; partners; waiting interests; open group proposals; starters' places;
events still ahead.

Not touched: activities, events that have taken place, ended groups, interests no longer
waiting, and approved reports (their snapshots hold names and numbers, not rows). They keep
the rows of their own time, so a 2021 report still says "Lillestrøm (Viken)".

A unit split in two (Ålesund → Ålesund and Haram) gives a single reference the successor
with the largest share of the area and is reported for a check; a set (the municipalities a
contact point serves, an office's counties) gets every successor.

The domains own the rows; this module spans them, so it lives in ``workflows`` (``geo``
knows no domain above it). Every change is written in one transaction and audited as one
entry per kind of object, without personal data.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from knutepunkt.core.audit import audit_log
from knutepunkt.events.models import Event
from knutepunkt.geo.models import County, Municipality
from knutepunkt.geo.places import places_changed
from knutepunkt.geo.services import county_heirs, municipality_heirs
from knutepunkt.groups.models import GroupStatus, SelfHelpGroup
from knutepunkt.interests.models import GroupProposal, Interest, InterestStatus, ProposalStatus
from knutepunkt.network.models import ContactPoint, DistrictOffice, OfficeCounty, Partner
from knutepunkt.starters.models import Starter

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User


@dataclass
class GeographyReport:
    """What :func:`apply_geography` moved, as lines a person can read (no personal data:
    objects are counted, places and offices named)."""

    day: datetime.date
    moved: dict[str, int] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    to_check: list[str] = field(default_factory=list)

    def count(self, kind: str, n: int = 1) -> None:
        self.moved[kind] = self.moved.get(kind, 0) + n

    @property
    def total(self) -> int:
        return sum(self.moved.values())


def _name(row: Municipality | County) -> str:
    return f"{row.name} ({row.number})"


def apply_geography(
    *, actor: User | None, day: datetime.date | None = None, dry_run: bool = False
) -> GeographyReport:
    """Re-point every current reference to a county or municipality that is not valid on
    ``day`` (today by default) to its successors valid that day."""
    day = day or timezone.localdate()
    report = GeographyReport(day)
    with transaction.atomic():
        heirs = municipality_heirs(day)
        counties = county_heirs(day)
        _offices(report, heirs, counties, day)
        _contact_points(report, heirs)
        _single(
            report,
            "groups",
            SelfHelpGroup.objects.exclude(status=GroupStatus.ENDED),
            "municipality",
            heirs,
        )
        _single(report, "partners", Partner.objects.all(), "municipality", heirs)
        _single(
            report,
            "waiting interests",
            Interest.objects.filter(status=InterestStatus.WAITING),
            "municipality",
            heirs,
        )
        _single(
            report,
            "open group proposals",
            GroupProposal.objects.filter(status=ProposalStatus.OPEN),
            "county",
            counties,
        )
        _single(
            report,
            "events ahead",
            Event.objects.filter(starts_at__date__gte=day),
            "municipality",
            heirs,
        )
        _single(report, "starters", Starter.objects.all(), "home_municipality", heirs)
        _many(report, "starters' places", Starter.objects.all(), "municipalities", heirs)
        audit_log(
            actor=actor,
            action="geo.geography.applied",
            data={"day": day.isoformat(), "moved": report.moved, "to_check": report.to_check},
        )
        if dry_run:
            transaction.set_rollback(True)
    if not dry_run:
        places_changed()
    return report


def _offices(
    report: GeographyReport,
    heirs: dict[int, list[tuple[Any, float]]],
    counties: dict[int, list[tuple[Any, float]]],
    day: datetime.date,
) -> None:
    covered = dict(OfficeCounty.objects.values_list("county_id", "office_id"))
    offices = {o.pk: o for o in DistrictOffice.objects.all()}
    for link in OfficeCounty.objects.filter(county_id__in=list(counties)).select_related("county"):
        for county, _share in counties[link.county_id]:
            owner = covered.get(county.pk)
            if owner == link.office_id:
                continue
            office = offices[link.office_id]
            if owner is not None:
                report.to_check.append(
                    f"{office.name}: {_name(county)} is already covered by {offices[owner].name}"
                )
                continue
            # The old county's row stays: it is the office's coverage until it ended.
            OfficeCounty.objects.create(office=office, county=county)
            covered[county.pk] = office.pk
            report.count("office counties")
            report.lines.append(f"{office.name}: {_name(link.county)} → {_name(county)}")
    _single(report, "office seats", DistrictOffice.objects.all(), "seat", heirs)


def _contact_points(report: GeographyReport, heirs: dict[int, list[tuple[Any, float]]]) -> None:
    _single(report, "contact points", ContactPoint.objects.all(), "municipality", heirs)
    _many(report, "areas served", ContactPoint.objects.all(), "municipalities_served", heirs)


def _single(
    report: GeographyReport,
    kind: str,
    queryset: Any,
    field_name: str,
    heirs: dict[int, list[tuple[Any, float]]],
) -> None:
    """A foreign key: the successor with the largest share."""
    column = f"{field_name}_id"
    rows = list(queryset.filter(**{f"{column}__in": list(heirs)}).only("pk", column))
    moves: dict[tuple[int, int], int] = {}
    changed: list[Model] = []
    for row in rows:
        old = getattr(row, column)
        main = heirs[old][0][0]
        setattr(row, column, main.pk)
        changed.append(row)
        moves[(old, main.pk)] = moves.get((old, main.pk), 0) + 1
        if len(heirs[old]) > 1:
            others = ", ".join(_name(r) for r, _ in heirs[old][1:])
            report.to_check.append(
                f"{kind} #{row.pk}: moved to {_name(main)}; check whether it belongs in {others}"
            )
    if changed:
        queryset.model.objects.bulk_update(changed, [column])
        report.count(kind, len(changed))
        names = _names({pk for pair in moves for pk in pair}, queryset.model, field_name)
        for (old, new), n in sorted(moves.items(), key=lambda item: names[item[0][0]]):
            report.lines.append(f"{kind}: {names[old]} → {names[new]}: {n}")


def _many(
    report: GeographyReport,
    kind: str,
    queryset: Any,
    field_name: str,
    heirs: dict[int, list[tuple[Any, float]]],
) -> None:
    """A set of municipalities: each ended one is replaced by all its successors."""
    through = getattr(queryset.model, field_name).through
    owner = next(f.name for f in through._meta.fields if f.name not in ("id", "municipality"))
    links = list(through.objects.filter(municipality_id__in=list(heirs)))
    if not links:
        return
    existing = set(
        through.objects.filter(
            **{f"{owner}_id__in": {getattr(link, f"{owner}_id") for link in links}}
        ).values_list(f"{owner}_id", "municipality_id")
    )
    new = []
    moved = 0
    for link in links:
        holder = getattr(link, f"{owner}_id")
        for municipality, _share in heirs[link.municipality_id]:
            if (holder, municipality.pk) not in existing:
                existing.add((holder, municipality.pk))
                new.append(through(**{f"{owner}_id": holder, "municipality_id": municipality.pk}))
        moved += 1
    through.objects.filter(pk__in=[link.pk for link in links]).delete()
    through.objects.bulk_create(new)
    report.count(kind, moved)
    report.lines.append(f"{kind}: {moved} ended municipalities replaced by their successors")


def _names(pks: set[int], model: type[Model], field_name: str) -> dict[int, str]:
    target = model._meta.get_field(field_name).related_model
    lookup: Callable[..., Any] = target.objects.filter  # type: ignore[union-attr]
    return {row.pk: _name(row) for row in lookup(pk__in=pks).defer("outline")}


__all__ = ["GeographyReport", "apply_geography"]
