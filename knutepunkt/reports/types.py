"""What a rendered annual report holds: plain dataclasses, no requests, no templates.

The HTML views, the PDF/XLSX exporters and the CLI all render these. They hold data
only: figure keys, numbers, dates (``datetime.date``), the codes of fixed choices and
names as they were. Every label is a property that looks it up in
:mod:`knutepunkt.reports.labels` when it is rendered, in the reader's language; so an
approved report's snapshot (:mod:`knutepunkt.reports.snapshot`) is these objects' fields
as JSON.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from knutepunkt.activity.models import ActivityKind
from knutepunkt.reports import labels
from knutepunkt.reports.labels import COVERAGE_CLASSES

K = ActivityKind
OWN_EVENT_KINDS = (K.OWN_EVENT, K.STARTER_TRAINING, K.STARTER_FOLLOW_UP)
CONTRIBUTION_KINDS = (K.CONTRIBUTION, K.STAND)
TEACHING_KINDS = (K.TEACHING,)
MEDIA_KINDS = (K.MEDIA_COVERAGE, K.ADVERTISEMENT)


@dataclass
class FigureRow:
    """One headline figure with last year's value for comparison."""

    key: str
    value: int
    last_year: int

    @property
    def label(self) -> str:
        return labels.figure_label(self.key)

    @property
    def change(self) -> int:
        return self.value - self.last_year


@dataclass
class CountRow:
    """One row of a breakdown. ``key`` is the code of what is counted (an activity kind, a
    month number, a municipality number, an office-task or plan-goal number); ``name`` and
    ``county`` hold a municipality's names as they were."""

    key: str
    value: int
    last_year: int | None = None
    name: str = ""
    county: str = ""


@dataclass
class Breakdown:
    """Activities counted by one dimension (kind, month, place, office task, plan goal)."""

    key: str
    rows: list[CountRow]

    @property
    def title(self) -> str:
        return labels.breakdown_title(self.key)

    @property
    def labelled_rows(self) -> list[tuple[str, CountRow]]:
        return [(labels.count_row_label(self.key, r.key, r.name, r.county), r) for r in self.rows]


@dataclass
class TodayMap:
    """Activities by municipality totalled on the map of ``as_of`` (today): the report's
    "municipality" breakdown with each place counted for the municipality it became.
    Computed when asked for (builder.with_today_map), never stored in a snapshot: today's
    map moves on, the approved counts do not."""

    as_of: datetime.date
    rows: list[CountRow]

    @property
    def labelled_rows(self) -> list[tuple[str, CountRow]]:
        return [
            (labels.count_row_label("municipality", r.key, r.name, r.county), r) for r in self.rows
        ]

    @property
    def total(self) -> int:
        return sum(r.value for r in self.rows)


@dataclass
class ActivityRow:
    """One activity as the report shows it (no notes: they may name people)."""

    id: int
    date: datetime.date
    end_date: datetime.date | None
    kind: str
    title: str
    municipality: str
    county: str
    participants: int | None
    people_reached: int | None
    partners: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return labels.activity_kind_label(self.kind)


@dataclass
class StatusChangeRow:
    date: datetime.date
    from_status: str
    to_status: str
    note: str

    @property
    def from_label(self) -> str:
        return labels.contact_point_status_label(self.from_status)

    @property
    def to_label(self) -> str:
        return labels.contact_point_status_label(self.to_status)


@dataclass
class ContactPointRow:
    """A contact point established or under work on 31 December, with its history and
    its planning group (as organisations and roles: no private persons' names)."""

    id: int
    name: str
    kind: str
    municipality: str
    status: str
    history: list[StatusChangeRow]
    planning_group: list[str]

    @property
    def kind_label(self) -> str:
        return labels.contact_point_kind_label(self.kind)

    @property
    def status_label(self) -> str:
        return labels.contact_point_status_label(self.status)


@dataclass
class PartnerKindRow:
    kind: str
    names: list[str]

    @property
    def label(self) -> str:
        return labels.partner_kind_label(self.kind)

    @property
    def count(self) -> int:
        return len(self.names)


@dataclass
class NarrativeSection:
    key: str
    text: str

    @property
    def title(self) -> str:
        return labels.narrative_title(self.key)


@dataclass
class CoverageArea:
    """One municipality on the coverage map: its number and names as they were, and its
    coverage class (a code of :mod:`knutepunkt.reports.coverage`: ``cov-served`` …)."""

    number: str
    name: str
    county: str
    coverage: str

    @property
    def coverage_label(self) -> str:
        return labels.coverage_class_label(self.coverage)


@dataclass
class CoverageMap:
    """The coverage of an office's municipalities on one day: what its map shows. A live
    report's is today's; an approved report's is the one stored at approval."""

    as_of: datetime.date
    areas: list[CoverageArea]

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(COVERAGE_CLASSES, 0)
        for area in self.areas:
            counts[area.coverage] = counts.get(area.coverage, 0) + 1
        return counts

    @property
    def legend(self) -> list[tuple[str, str, int]]:
        """(class, label, number of municipalities) for every class."""
        return [(code, labels.coverage_class_label(code), n) for code, n in self.counts.items()]


@dataclass
class OfficeReport:
    """Everything needed to render one office's annual report for one year."""

    office_id: int
    office_name: str
    office_slug: str
    year: int
    status: str
    figures: list[FigureRow]
    breakdowns: list[Breakdown]
    narratives: list[NarrativeSection]
    contact_points: list[ContactPointRow]
    partners_by_kind: list[PartnerKindRow]
    activities: list[ActivityRow]
    submitted_at: datetime.datetime | None = None
    submitted_by: str = ""
    approved_at: datetime.datetime | None = None
    approved_by: str = ""
    locked: bool = False
    report_id: int | None = None
    # The coverage map: stored with an approved report; for a live report None until
    # builder.with_coverage() computes today's (it costs queries the HTML pages need not).
    coverage: CoverageMap | None = None
    # Activities by municipality on today's map: None until builder.with_today_map().
    municipalities_today: TodayMap | None = None

    @property
    def status_label(self) -> str:
        return labels.report_status_label(self.status)

    @property
    def anchor(self) -> str:
        return f"office-{self.office_slug}"

    @property
    def municipality_breakdown(self) -> Breakdown | None:
        return next((b for b in self.breakdowns if b.key == "municipality"), None)

    def figure(self, key: str) -> FigureRow:
        return next(f for f in self.figures if f.key == key)

    def narrative(self, key: str) -> NarrativeSection:
        return next(n for n in self.narratives if n.key == key)

    @property
    def narrative_by_key(self) -> dict[str, NarrativeSection]:
        return {n.key: n for n in self.narratives}

    @property
    def empty_narratives(self) -> list[NarrativeSection]:
        return [n for n in self.narratives if not n.text.strip()]

    @property
    def planning_groups(self) -> list[ContactPointRow]:
        return [cp for cp in self.contact_points if cp.planning_group]

    def _of_kinds(self, kinds: tuple[str, ...]) -> list[ActivityRow]:
        return [a for a in self.activities if a.kind in kinds]

    @property
    def own_events(self) -> list[ActivityRow]:
        return self._of_kinds(OWN_EVENT_KINDS)

    @property
    def contributions(self) -> list[ActivityRow]:
        return self._of_kinds(CONTRIBUTION_KINDS)

    @property
    def teaching(self) -> list[ActivityRow]:
        return self._of_kinds(TEACHING_KINDS)

    @property
    def media(self) -> list[ActivityRow]:
        return self._of_kinds(MEDIA_KINDS)


@dataclass
class TocEntry:
    """An entry of the national compilation's contents: an office's chapter (``name`` is
    the office's) or one of the fixed sections (introduction, figures)."""

    anchor: str
    name: str = ""

    @property
    def title(self) -> str:
        return self.name or labels.section_title(self.anchor)


@dataclass
class OfficeFigures:
    office_name: str
    office_slug: str
    anchor: str
    status: str
    figures: list[FigureRow]

    @property
    def status_label(self) -> str:
        return labels.report_status_label(self.status)


@dataclass
class NationalReport:
    """The national compilation: introduction, national figures (the sum of the offices'
    figures), each office's figures, and each office's chapter."""

    year: int
    introduction: str
    figures: list[FigureRow]
    offices: list[OfficeFigures]
    chapters: list[OfficeReport]
    toc: list[TocEntry]
    missing_offices: list[str] = field(default_factory=list)
