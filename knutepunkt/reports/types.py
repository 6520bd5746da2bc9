"""What a rendered annual report holds: plain dataclasses, no requests, no templates.

The HTML views, the PDF/XLSX exporters and the CLI all render these. Dates are
``datetime.date``; labels are already translated strings for the active language.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from knutepunkt.activity.models import ActivityKind

K = ActivityKind
OWN_EVENT_KINDS = (K.OWN_EVENT, K.STARTER_TRAINING, K.STARTER_FOLLOW_UP)
CONTRIBUTION_KINDS = (K.CONTRIBUTION, K.STAND)
TEACHING_KINDS = (K.TEACHING,)
MEDIA_KINDS = (K.MEDIA_COVERAGE, K.ADVERTISEMENT)


@dataclass
class FigureRow:
    """One headline figure with last year's value for comparison."""

    key: str
    label: str
    value: int
    last_year: int

    @property
    def change(self) -> int:
        return self.value - self.last_year


@dataclass
class CountRow:
    key: str
    label: str
    value: int
    last_year: int | None = None


@dataclass
class Breakdown:
    """Activities counted by one dimension (kind, month, place, office task, plan goal)."""

    key: str
    title: str
    rows: list[CountRow]


@dataclass
class ActivityRow:
    """One activity as the report shows it (no notes: they may name people)."""

    id: int
    date: datetime.date
    end_date: datetime.date | None
    kind: str
    kind_label: str
    title: str
    municipality: str
    county: str
    participants: int | None
    people_reached: int | None
    partners: list[str] = field(default_factory=list)


@dataclass
class StatusChangeRow:
    date: datetime.date
    from_status: str
    to_status: str
    from_label: str
    to_label: str
    note: str


@dataclass
class ContactPointRow:
    """A contact point established or under work on 31 December, with its history and
    its planning group (as organisations and roles: no private persons' names)."""

    id: int
    name: str
    kind_label: str
    municipality: str
    status: str
    status_label: str
    history: list[StatusChangeRow]
    planning_group: list[str]


@dataclass
class PartnerKindRow:
    kind: str
    label: str
    names: list[str]

    @property
    def count(self) -> int:
        return len(self.names)


@dataclass
class NarrativeSection:
    key: str
    title: str
    text: str


@dataclass
class OfficeReport:
    """Everything needed to render one office's annual report for one year."""

    office_id: int
    office_name: str
    office_slug: str
    year: int
    status: str
    status_label: str
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

    @property
    def anchor(self) -> str:
        return f"office-{self.office_slug}"

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
    anchor: str
    title: str


@dataclass
class OfficeFigures:
    office_name: str
    office_slug: str
    anchor: str
    status: str
    status_label: str
    figures: list[FigureRow]


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
