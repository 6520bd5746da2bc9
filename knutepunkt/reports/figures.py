"""The annual report's figures ("tallmateriale"), each defined exactly once.

Every figure is one function here, with its definition in the docstring; the dashboards,
the annual report, the national compilation and the exports all call these functions, so a
figure cannot mean two things in two places. docs/figures.md explains them to office staff.

Performance: the functions aggregate in the database and always group by office, so that
one call answers for one office or for all seven with the same (small) number of queries.
The activity figures are aggregate *expressions*; :func:`activity_totals` evaluates all of
them in one query.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from knutepunkt.activity.models import Activity, ActivityKind, InquiryChannel
from knutepunkt.activity.querysets import ActivityQuerySet
from knutepunkt.groups.models import GroupStatus, GroupStatusChange, SelfHelpGroup
from knutepunkt.network.models import (
    ContactPoint,
    ContactPointStatus,
    ContactPointStatusChange,
    Partner,
)

K = ActivityKind
OfficeIds = Iterable[int]

# -- the activity log ----------------------------------------------------------------------


def activities_in_year(office_ids: OfficeIds, year: int) -> ActivityQuerySet:
    """The activities of the offices whose *date* (first day) falls in ``year``."""
    return Activity.objects.filter(office_id__in=list(office_ids)).in_year(year)


# The office's own arranged events (seed 003 §4.10 "Egne arrangementer": the county
# conference, open meetings, starter trainings and the follow-up meeting).
OWN_ARRANGED_KINDS = (K.OWN_EVENT, K.STARTER_TRAINING, K.STARTER_FOLLOW_UP)


def participants_at_own_events() -> Any:
    """Participants at the events the office itself arranged: the sum of ``participants``
    of *own events*, *starter trainings* and *follow-up meetings for starters* (seed 003
    §4.1: "Det har deltatt 133 på de ulike arrangementene Distriktskontoret har
    arrangert")."""
    return Coalesce(Sum("participants", filter=Q(kind__in=OWN_ARRANGED_KINDS)), 0)


def people_informed() -> Any:
    """People given information directly: everyone who took part in the office's own
    arranged events (their ``participants``) plus the people given information by the
    office's talks at others' events (``people_reached`` of *contributions*) (§4.1: "På
    arrangementer kontoret selv har gjennomført og på andres arrangementer distriktskontoret
    har deltatt på med foredrag/innlegg har 730 mennesker fått direkte informasjon").
    Stands and teaching have their own figures."""
    return Coalesce(Sum("participants", filter=Q(kind__in=OWN_ARRANGED_KINDS)), 0) + Coalesce(
        Sum("people_reached", filter=Q(kind=K.CONTRIBUTION)), 0
    )


def people_at_stands() -> Any:
    """People present at congresses and conferences where the office had a stand: the sum
    of ``participants`` (people present) of activities of kind *stand* (§4.1: "der Selvhjelp
    Norge har deltatt med stand har det vært 783 mennesker til stede")."""
    return Coalesce(Sum("participants", filter=Q(kind=K.STAND)), 0)


def direct_inquiries() -> Any:
    """People who got in touch with the office directly: the sum of the people counted on
    activities of kind *inquiry* (``participants``; an entry without a number is one
    person) (seed 003 §5.2: "ca 30 personer henvendt seg direkte til kontoret enten via
    telefon, epost eller oppmøte")."""
    return Coalesce(Sum(Coalesce("participants", 1), filter=Q(kind=K.INQUIRY)), 0)


def starter_trainings() -> Any:
    """Starter trainings held: the number of activities of kind *starter training* (a
    two-day course is one activity)."""
    return Count("id", filter=Q(kind=K.STARTER_TRAINING))


def people_trained() -> Any:
    """People trained as starters: the sum of ``participants`` of *starter trainings*
    (follow-up meetings for starters are not counted again)."""
    return Coalesce(Sum("participants", filter=Q(kind=K.STARTER_TRAINING)), 0)


def students_taught() -> Any:
    """Students reached by teaching at university colleges: the sum of ``people_reached``
    of activities of kind *teaching*."""
    return Coalesce(Sum("people_reached", filter=Q(kind=K.TEACHING)), 0)


def media_items() -> Any:
    """Media coverage and advertisements: the number of activities of kind *media
    coverage* or *paid advertisement*."""
    return Count("id", filter=Q(kind__in=[K.MEDIA_COVERAGE, K.ADVERTISEMENT]))


def activities_total() -> Any:
    """All logged activities of the year, of every kind."""
    return Count("id")


# The activity figures by key, in report order (their labels: reports/labels.py).
ACTIVITY_FIGURES: dict[str, Callable[[], Any]] = {
    "participants_at_own_events": participants_at_own_events,
    "people_informed": people_informed,
    "people_at_stands": people_at_stands,
    "direct_inquiries": direct_inquiries,
    "starter_trainings": starter_trainings,
    "people_trained": people_trained,
    "students_taught": students_taught,
    "media_items": media_items,
    "activities_total": activities_total,
}
# Every headline figure's key, in report order: the activity figures, then those below.
FIGURE_KEYS: list[str] = [
    *ACTIVITY_FIGURES,
    "contact_points",  # contact_points_established_or_planning
    "groups_started",  # groups_started
    "partners_worked_with",  # partners_worked_with
]


def activity_totals(office_ids: OfficeIds, year: int) -> dict[int, dict[str, int]]:
    """Every activity figure for every office in one query: {office_id: {key: value}}."""
    ids = list(office_ids)
    result: dict[int, dict[str, int]] = {oid: dict.fromkeys(ACTIVITY_FIGURES, 0) for oid in ids}
    rows = (
        activities_in_year(ids, year)
        .order_by()
        .values("office_id")
        .annotate(**{key: fn() for key, fn in ACTIVITY_FIGURES.items()})
    )
    for row in rows:
        office_id = row.pop("office_id")
        result[office_id] = {key: int(value or 0) for key, value in row.items()}
    return result


# -- contact points --------------------------------------------------------------------------

COUNTED_CONTACT_POINT_STATUSES = (ContactPointStatus.ESTABLISHED, ContactPointStatus.PLANNING)


def contact_point_status_on(
    contact_points: Iterable[ContactPoint], day: datetime.date
) -> dict[int, str | None]:
    """Each contact point's status on ``day``, from its dated status history: the last
    change on or before the day. A contact point with history that only starts after the
    day had no status yet (None). One without any history falls back to its current status.
    One query for all contact points."""
    points = list(contact_points)
    status: dict[int, str | None] = {cp.pk: cp.status for cp in points}
    has_history: set[int] = set()
    changes = (
        ContactPointStatusChange.objects.filter(contact_point__in=[cp.pk for cp in points])
        .order_by("contact_point_id", "changed_on", "id")
        .values_list("contact_point_id", "changed_on", "to_status")
    )
    seen_before: dict[int, str | None] = {}
    for cp_id, changed_on, to_status in changes:
        has_history.add(cp_id)
        if changed_on <= day:
            seen_before[cp_id] = to_status
    for cp_id in has_history:
        status[cp_id] = seen_before.get(cp_id)
    return status


def contact_points_established_or_planning(
    office_ids: OfficeIds, year: int
) -> dict[int, list[ContactPoint]]:
    """Contact points and meeting places "established or under work": those of the office
    whose status on 31 December of ``year`` was *established* or *planning* (see
    :func:`contact_point_status_on`). Two queries."""
    ids = list(office_ids)
    points = list(ContactPoint.objects.filter(office_id__in=ids).select_related("municipality"))
    status = contact_point_status_on(points, datetime.date(year, 12, 31))
    result: dict[int, list[ContactPoint]] = {oid: [] for oid in ids}
    for cp in points:
        if status[cp.pk] in COUNTED_CONTACT_POINT_STATUSES:
            cp.status_at_year_end = status[cp.pk]
            result[cp.office_id].append(cp)
    return result


# -- groups ------------------------------------------------------------------------------------

RUNNING_GROUP_STATUSES = (GroupStatus.OPEN, GroupStatus.CLOSED)


def groups_started(office_ids: OfficeIds, year: int) -> dict[int, int]:
    """Groups started: self-help groups of the office whose ``started_on`` falls in
    ``year``; for a group without ``started_on``, the first time its status history shows
    it running (open or closed) must fall in the year. A group still *forming* has not
    started. Two queries."""
    ids = list(office_ids)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    result: dict[int, int] = dict.fromkeys(ids, 0)
    rows = (
        SelfHelpGroup.objects.filter(office_id__in=ids, started_on__range=(start, end))
        .order_by()
        .values("office_id")
        .annotate(n=Count("id"))
    )
    for row in rows:
        result[row["office_id"]] += row["n"]
    first_running: dict[int, tuple[int, datetime.date]] = {}
    changes = (
        GroupStatusChange.objects.filter(
            group__office_id__in=ids,
            group__started_on__isnull=True,
            to_status__in=RUNNING_GROUP_STATUSES,
        )
        .order_by("changed_on", "id")
        .values_list("group_id", "group__office_id", "changed_on")
    )
    for group_id, office_id, changed_on in changes:
        first_running.setdefault(group_id, (office_id, changed_on))
    for office_id, changed_on in first_running.values():
        if start <= changed_on <= end:
            result[office_id] += 1
    return result


# -- partners ----------------------------------------------------------------------------------


def partners_by_kind(office_ids: OfficeIds) -> dict[int, dict[str, list[str]]]:
    """The office's partner register by partner type: {office_id: {kind: [names]}}. The
    register has no history, so this is the register as it stands (one query)."""
    ids = list(office_ids)
    result: dict[int, dict[str, list[str]]] = {oid: defaultdict(list) for oid in ids}
    for office_id, kind, name in (
        Partner.objects.filter(office_id__in=ids)
        .order_by("kind", "name")
        .values_list("office_id", "kind", "name")
    ):
        result[office_id][kind].append(name)
    return {oid: dict(kinds) for oid, kinds in result.items()}


def partners_worked_with(office_ids: OfficeIds, year: int) -> dict[int, int]:
    """Partners worked with: distinct partners linked to at least one of the office's
    activities in ``year`` (one query)."""
    ids = list(office_ids)
    result = dict.fromkeys(ids, 0)
    for row in (
        activities_in_year(ids, year)
        .filter(partners__isnull=False)
        .order_by()
        .values("office_id")
        .annotate(n=Count("partners", distinct=True))
    ):
        result[row["office_id"]] = row["n"]
    return result


# -- breakdowns ----------------------------------------------------------------------------


def _grouped_counts(qs: QuerySet[Any], *fields: str) -> dict[int, list[tuple[Any, ...]]]:
    # Each (activity, group) pair is one row even through the many-to-many tables (an
    # activity names a task once), so a plain count is right and cheaper than DISTINCT.
    result: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    rows = qs.order_by().values_list("office_id", *fields).annotate(n=Count("id"))
    for office_id, *rest in rows:
        result[office_id].append(tuple(rest))
    return result


def activities_by_kind(office_ids: OfficeIds, year: int) -> dict[int, list[tuple[Any, ...]]]:
    """Number of activities per kind: {office_id: [(kind, n)]}."""
    return _grouped_counts(activities_in_year(office_ids, year), "kind")


def activities_by_month(office_ids: OfficeIds, year: int) -> dict[int, list[tuple[Any, ...]]]:
    """Number of activities per month (1–12) of the activity's date: {office_id: [(m, n)]}.
    Date ranges, not a month function: SQLite runs date functions in Python per row."""
    bounds = [datetime.date(year, m, 1) for m in range(1, 13)] + [datetime.date(year + 1, 1, 1)]
    months = {
        f"m{m}": Count("id", filter=Q(date__gte=bounds[m - 1], date__lt=bounds[m]))
        for m in range(1, 13)
    }
    result: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in (
        activities_in_year(office_ids, year).order_by().values("office_id").annotate(**months)
    ):
        result[row["office_id"]] = [(m, row[f"m{m}"]) for m in range(1, 13) if row[f"m{m}"]]
    return result


def inquiries_by_channel(office_ids: OfficeIds, year: int) -> dict[int, list[tuple[Any, ...]]]:
    """People who got in touch directly, per channel (phone, e-mail, in person, other; an
    inquiry logged without a channel is "other"): {office_id: [(channel, people)]}. The
    rows add up to :func:`direct_inquiries`."""
    result: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    totals: dict[tuple[int, str], int] = defaultdict(int)
    rows = (
        activities_in_year(office_ids, year)
        .filter(kind=K.INQUIRY)
        .order_by()
        .values_list("office_id", "channel")
        .annotate(n=Sum(Coalesce("participants", 1)))
    )
    for office_id, channel, n in rows:
        totals[(office_id, channel or InquiryChannel.OTHER)] += int(n or 0)
    order = list(InquiryChannel.values)
    for (office_id, channel), n in sorted(totals.items(), key=lambda i: order.index(i[0][1])):
        result[office_id].append((channel, n))
    return result


def activities_by_municipality(
    office_ids: OfficeIds, year: int
) -> dict[int, list[tuple[Any, ...]]]:
    """Number of activities per county and municipality (activities without a place are
    left out): {office_id: [(county number, county, municipality number, name, n)]}."""
    qs = activities_in_year(office_ids, year).filter(municipality__isnull=False)
    return _grouped_counts(
        qs,
        "municipality__county__number",
        "municipality__county__name",
        "municipality__number",
        "municipality__name",
    )


def _totalled_today(
    counts: dict[Any, list[tuple[int, int]]], day: datetime.date | None
) -> dict[Any, list[tuple[Any, ...]]]:
    """{key: [(municipality pk, n)]} totalled on the map of ``day`` (today by default): each
    count goes to the municipality its place became, a split place's to the successor with
    the largest share of its area; a row with no successor on record stays itself.
    {key: [(county number, county, municipality number, name, n)]}, sorted. Two queries
    besides the successor tables (read once for all keys)."""
    from knutepunkt.geo.models import Municipality
    from knutepunkt.geo.services import municipality_heirs

    wanted = {pk for pairs in counts.values() for pk, _n in pairs}
    if not wanted:
        return {key: [] for key in counts}
    heirs = municipality_heirs(day)
    target = {pk: heirs[pk][0][0].pk if pk in heirs else pk for pk in wanted}
    places = {
        m.pk: m
        for m in Municipality.objects.filter(pk__in=set(target.values()))
        .select_related("county")
        .defer("outline")
    }
    result: dict[Any, list[tuple[Any, ...]]] = {}
    for key, pairs in counts.items():
        totals: dict[int, int] = defaultdict(int)
        for pk, n in pairs:
            totals[target[pk]] += n
        result[key] = sorted(
            (p.county.number, p.county.name, p.number, p.name, n)
            for p, n in ((places[pk], n) for pk, n in totals.items())
        )
    return result


def activities_by_municipality_today(
    office_ids: OfficeIds, year: int, *, day: datetime.date | None = None
) -> dict[int, list[tuple[Any, ...]]]:
    """:func:`activities_by_municipality` totalled on today's map (or ``day``'s): each
    activity counts for the municipality its place became (Askim 2012 → Indre Østfold
    3118), a split place for the successor with the largest share of its area:
    {office_id: [(county number, county, municipality number, name, n)]}."""
    qs = activities_in_year(office_ids, year).filter(municipality__isnull=False)
    return _totalled_today(dict(_grouped_counts(qs, "municipality_id")), day)


def municipality_counts_today(
    counts: dict[Any, list[tuple[str, str, int]]],
    year: int,
    *,
    day: datetime.date | None = None,
) -> dict[Any, tuple[list[tuple[Any, ...]], list[tuple[str, str, int]]]]:
    """Counts by municipality *as they were in* ``year`` — {key: [(number, name, n)]}, what
    approved reports' snapshots hold — totalled on today's map (or ``day``'s) by the rule
    of :func:`activities_by_municipality_today`. A number is the row of that number valid
    in ``year`` (the one of the same name if the number changed hands within the year).
    {key: (totals [(county number, county, municipality number, name, n)], the counts
    whose number matches no row of the year, left as they were)}. A constant number of
    queries, whatever the number of keys."""
    from knutepunkt.geo.models import Municipality

    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    numbers = {number for rows in counts.values() for number, _name, _n in rows}
    rows_of: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for pk, number, name in (
        Municipality.objects.filter(number__in=numbers, valid_from__lte=end)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
        .order_by("valid_from")
        .values_list("pk", "number", "name")
    ):
        rows_of[number].append((pk, name))
    found: dict[Any, list[tuple[int, int]]] = {}
    unknown: dict[Any, list[tuple[str, str, int]]] = {}
    for key, rows in counts.items():
        found[key], unknown[key] = [], []
        for number, name, n in rows:
            candidates = rows_of.get(number, [])
            if not candidates:
                unknown[key].append((number, name, n))
                continue
            same_name = [pk for pk, row_name in candidates if row_name == name]
            found[key].append((same_name[-1] if same_name else candidates[-1][0], n))
    totals = _totalled_today(found, day)
    return {key: (totals[key], unknown[key]) for key in counts}


def activities_by_office_task(office_ids: OfficeIds, year: int) -> dict[int, list[tuple[Any, ...]]]:
    """Number of activities serving each of the six office tasks (an activity serving two
    tasks counts for both): {office_id: [(task number, n)]}."""
    qs = activities_in_year(office_ids, year).filter(office_tasks__isnull=False)
    return _grouped_counts(qs, "office_tasks__number")


def activities_by_plan_goal(office_ids: OfficeIds, year: int) -> dict[int, list[tuple[Any, ...]]]:
    """Number of activities serving each national-plan goal: {office_id: [(goal, n)]}."""
    qs = activities_in_year(office_ids, year).filter(plan_goals__isnull=False)
    return _grouped_counts(qs, "plan_goals__number")


def all_figures(office_ids: OfficeIds, year: int) -> dict[int, dict[str, int]]:
    """Every headline figure (FIGURE_KEYS) for every office: {office_id: {key: value}}.
    A constant number of queries, whatever the number of offices or activities."""
    ids = list(office_ids)
    result = activity_totals(ids, year)
    contact_points = contact_points_established_or_planning(ids, year)
    started = groups_started(ids, year)
    partners = partners_worked_with(ids, year)
    for oid in ids:
        result[oid]["contact_points"] = len(contact_points[oid])
        result[oid]["groups_started"] = started[oid]
        result[oid]["partners_worked_with"] = partners[oid]
    return result
