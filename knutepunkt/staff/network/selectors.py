"""Reads for the staff workspace's network pages: the partner register (search, possible
duplicates, a partner's history) and the contact point pipeline. The access functions
are in :mod:`knutepunkt.network.access`.

Every list function runs a fixed number of queries, whatever the number of rows.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from knutepunkt.activity.models import Activity
from knutepunkt.events.models import Event
from knutepunkt.network.models import ContactPoint, ContactPointStatus, Partner

# --- Duplicates ----------------------------------------------------------------------------

# Two names whose comparison keys are at least this similar (difflib ratio) are flagged.
# "Molde frivilligsentral" vs "Molde frisklivssentral" (different organisations) is 0.81,
# "Molde Frivilligsentral" vs "Molde frivillig-sentral" is 1.0.
SIMILAR_NAME_RATIO = 0.88

_FOLD_MAP = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ð": "d", "ß": "ss"})
_WORD_RE = re.compile(r"[a-z0-9]+")
# Legal forms and filler words that say nothing about which organisation it is.
_NOISE_WORDS = frozenset(
    {
        "as",
        "asa",
        "sa",
        "ba",
        "da",
        "ans",
        "ks",
        "iks",
        "nuf",
        "stiftelsen",
        "the",
        "avd",
        "avdeling",
    }
)


def _fold(text: str) -> str:
    lowered = text.casefold().translate(_FOLD_MAP)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_tokens(name: str) -> list[str]:
    """The words of an organisation's name, folded, with hyphenated words joined
    ("Frivillig-sentral" → "frivilligsentral") and legal forms dropped."""
    folded = _fold(name).replace("-", "").replace("\u2010", "").replace("\u2013", "")
    return [w for w in _WORD_RE.findall(folded) if w not in _NOISE_WORDS]


def names_look_alike(a: str, b: str) -> bool:
    """True when two organisation names are probably the same organisation."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    joined = difflib.SequenceMatcher(None, "".join(ta), "".join(tb)).ratio()
    ordered = difflib.SequenceMatcher(None, "".join(sorted(ta)), "".join(sorted(tb))).ratio()
    return max(joined, ordered) >= SIMILAR_NAME_RATIO


@dataclass(frozen=True)
class DuplicateHit:
    partner_id: int
    name: str
    reason: str  # "organisation_number" | "similar_name"


def find_possible_duplicates(
    *,
    office_id: int,
    name: str,
    municipality_id: int | None,
    organisation_number: str = "",
    exclude_pk: int | None = None,
) -> list[DuplicateHit]:
    """Partners in the office's register that may be the organisation being saved: the same
    organisation number anywhere in the register, or a look-alike name in the same
    municipality. One query."""
    condition = Q()
    if organisation_number:
        condition |= Q(organisation_number=organisation_number)
    if municipality_id is not None:
        condition |= Q(municipality_id=municipality_id)
    if not condition:
        return []
    rows = Partner.objects.filter(condition, office_id=office_id)
    if exclude_pk is not None:
        rows = rows.exclude(pk=exclude_pk)
    hits: list[DuplicateHit] = []
    for pk, other_name, number, muni in rows.values_list(
        "pk", "name", "organisation_number", "municipality_id"
    ):
        if organisation_number and number == organisation_number:
            hits.append(DuplicateHit(pk, other_name, "organisation_number"))
        elif muni == municipality_id and names_look_alike(name, other_name):
            hits.append(DuplicateHit(pk, other_name, "similar_name"))
    return hits


@dataclass
class DuplicatePair:
    first_id: int
    first_name: str
    second_id: int
    second_name: str
    reason: str


def duplicate_pairs(partners: QuerySet[Partner]) -> list[DuplicatePair]:
    """Pairs of partners in ``partners`` that look like the same organisation (one query;
    names are compared only within a municipality, so the work stays small)."""
    rows = list(
        partners.values_list("pk", "name", "organisation_number", "municipality_id", "office_id")
    )
    pairs: dict[tuple[int, int], DuplicatePair] = {}
    # Duplicates are looked for inside one office's register (that is what can be merged).
    by_number: dict[tuple[int, str], list[tuple[int, str]]] = defaultdict(list)
    by_municipality: dict[tuple[int, int], list[tuple[int, str]]] = defaultdict(list)
    for pk, name, number, muni, office_id in rows:
        if number:
            by_number[(office_id, number)].append((pk, name))
        if muni is not None:
            by_municipality[(office_id, muni)].append((pk, name))
    for group in by_number.values():
        for i, (pk_a, name_a) in enumerate(group):
            for pk_b, name_b in group[i + 1 :]:
                key = (min(pk_a, pk_b), max(pk_a, pk_b))
                pairs[key] = DuplicatePair(pk_a, name_a, pk_b, name_b, "organisation_number")
    for group in by_municipality.values():
        for i, (pk_a, name_a) in enumerate(group):
            for pk_b, name_b in group[i + 1 :]:
                key = (min(pk_a, pk_b), max(pk_a, pk_b))
                if key not in pairs and names_look_alike(name_a, name_b):
                    pairs[key] = DuplicatePair(pk_a, name_a, pk_b, name_b, "similar_name")
    return sorted(pairs.values(), key=lambda p: (p.first_name.casefold(), p.second_name))


# --- The partner register ------------------------------------------------------------------


def partner_list(
    user: Any,
    *,
    query: str = "",
    kind: str = "",
    municipality_id: int | None = None,
    county_id: int | None = None,
) -> QuerySet[Partner]:
    """The user's partner register, searched and filtered, with what the list shows."""
    partners = Partner.objects.visible_to(user).select_related(
        "municipality", "municipality__county", "office"
    )
    if query:
        number = "".join(query.split())
        partners = partners.filter(
            Q(name__icontains=query)
            | Q(organisation_number=number)
            | Q(notes__icontains=query)
            | Q(municipality__name__icontains=query)
        )
    if kind:
        partners = partners.filter(kind=kind)
    if municipality_id is not None:
        partners = partners.filter(municipality_id=municipality_id)
    if county_id is not None:
        partners = partners.filter(municipality__county_id=county_id)
    return partners.annotate(contact_count=Count("contacts", distinct=True)).order_by("name", "pk")


@dataclass
class PartnerHistory:
    activities: list[Activity]
    events: list[Event]
    hosted_contact_points: list[ContactPoint]
    planning_groups: list[ContactPoint]
    is_empty: bool = field(init=False)

    def __post_init__(self) -> None:
        self.is_empty = not (
            self.activities or self.events or self.hosted_contact_points or self.planning_groups
        )


def partner_history(user: Any, partner: Partner) -> PartnerHistory:
    """What the office has done with a partner: activities and events that list it, events
    it organised, contact points it hosts or sits in the planning group of."""
    activities = list(
        Activity.objects.visible_to(user)
        .filter(partners=partner)
        .select_related("municipality")
        .order_by("-date", "-id")
    )
    events = list(
        Event.objects.visible_to(user)
        .filter(Q(partners=partner) | Q(organiser_partner=partner))
        .distinct()
        .select_related("municipality", "organiser_partner")
        .order_by("-starts_at", "-id")
    )
    hosted = list(
        ContactPoint.objects.visible_to(user).filter(host=partner).select_related("municipality")
    )
    planning = list(
        ContactPoint.objects.visible_to(user)
        .filter(planning_group__partner=partner)
        .distinct()
        .select_related("municipality")
    )
    return PartnerHistory(activities, events, hosted, planning)


# --- The contact point pipeline ------------------------------------------------------------


@dataclass
class PipelineColumn:
    status: str
    label: str
    contact_points: list[ContactPoint]


def contact_point_pipeline(user: Any, *, status: str = "", query: str = "") -> list[PipelineColumn]:
    """The user's contact points in one column per status (idea → planning → established →
    inactive), soonest follow-up first. Two queries, whatever the number of rows."""
    rows = (
        ContactPoint.objects.visible_to(user)
        .select_related("host", "municipality")
        .annotate(group_count=Count("groups", distinct=True))
        .order_by("follow_up_on", "name", "pk")
    )
    if status:
        rows = rows.filter(status=status)
    if query:
        rows = rows.filter(
            Q(name__icontains=query)
            | Q(host__name__icontains=query)
            | Q(municipality__name__icontains=query)
        )
    today = timezone.localdate()
    columns = {
        value: PipelineColumn(value, str(label), [])
        for value, label in ContactPointStatus.choices
        if not status or value == status
    }
    for contact_point in _nulls_last(rows):
        contact_point.is_overdue = bool(  # type: ignore[attr-defined]
            contact_point.follow_up_on and contact_point.follow_up_on < today
        )
        columns[contact_point.status].contact_points.append(contact_point)
    return list(columns.values())


def _nulls_last(rows: Iterable[ContactPoint]) -> list[ContactPoint]:
    dated: list[ContactPoint] = []
    undated: list[ContactPoint] = []
    for row in rows:
        (dated if row.follow_up_on else undated).append(row)
    return dated + undated
