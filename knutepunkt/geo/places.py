"""Municipalities as people type them: the one place-name parser, and the one process-wide
cache of the current municipalities it matches against.

Every caller that turns typed text into a municipality goes through :func:`match_place`
(the public "Find help" page, the interest form, the staff forms, the activity import):
a name ("Molde", "molde", "tromso" for Tromsø), a unique start of a name ("kristiansu"),
the four-digit number ("1506", "1506 Molde"), or a name with the county or the number
to tell namesakes apart ("Herøy (Nordland)", "Herøy, Nordland", "Herøy (1818)").

The cache holds, per current municipality, its number, name, county and representative
point: never its outline (see :func:`derived` for the few readers that need more). It is
kept in memory per process and keyed by :func:`places_version`, a value in the Django
cache (so every process agrees) that changes with the day (reforms start on a date) and
whenever the geography is written: the geo services and the loader call
:func:`places_changed`.
"""

from __future__ import annotations

import bisect
import datetime
import difflib
import re
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.text import fold

if TYPE_CHECKING:
    from knutepunkt.geo.models import Municipality

T = TypeVar("T")

# --- Places and the parser (pure functions, no database) -----------------------------------


@dataclass(frozen=True)
class Place:
    """A current municipality as forms and searches need it (no outline, no database row:
    numbers, not primary keys, so a reloaded geography cannot leave it pointing at rows
    that are gone)."""

    number: str
    name: str
    county: str
    county_number: str
    latitude: float
    longitude: float
    # Another current municipality has the same name (Herøy, Våler, Bø …).
    namesake: bool = False

    @property
    def label(self) -> str:
        """How a municipality is written everywhere it is offered or echoed: its name
        ("Oslo", "Molde"), with the county only where it tells namesakes apart ("Herøy
        (Nordland)"). Either way it parses back to itself."""
        return f"{self.name} ({self.county})" if self.namesake else self.name

    @cached_property
    def aliases(self) -> frozenset[str]:
        """Keys the place is known by: the whole name and each language's part of a
        multilingual name ("Hábmer - Hamarøy" → "habmerhamaroy", "habmer", "hamaroy")."""
        parts = [self.name, *self.name.split(" - ")]
        return frozenset(k for k in (place_key(p) for p in parts) if k)


def place_key(text: str) -> str:
    """Folded letters and digits only: "Nord-Odal" and "nord odal" both give "nordodal"."""
    return "".join(ch for ch in fold(text) if ch.isalnum() and ch.isascii())


@dataclass(frozen=True)
class PlaceMatch:
    place: Place | None = None
    candidates: tuple[Place, ...] = ()
    status: str = "empty"  # empty | found | ambiguous | unknown
    number: str = ""  # a typed four-digit number that no current municipality has


# "1506" or "1506 Molde": the number decides.
_NUMBER_FIRST_RE = re.compile(r"^(?P<number>\d{4})(?:\s+.*)?$")
# "Herøy (Nordland)", "Herøy, Nordland", "Herøy (18)" or "Herøy (1818)".
_HINT_RE = re.compile(r"^(?P<name>[^(,]*)[(,](?P<hint>[^)]*)\)?\s*$")


def resolve_place(text: str, places: Iterable[Place]) -> PlaceMatch:
    """Match typed text to one current municipality.

    The four-digit number, alone or first, decides. A county (name or number) or the
    municipality number in parentheses or after a comma chooses between namesakes; a
    unique start of a name ("kristiansu") is enough; otherwise close spellings are offered
    as candidates."""
    text = text.replace("\x00", "").strip()[:100]
    if not text:
        return PlaceMatch()
    places = list(places)
    by_number = {p.number: p for p in places}
    leading = _NUMBER_FIRST_RE.match(text)
    if leading:
        found = by_number.get(leading["number"])
        if found is not None:
            return PlaceMatch(place=found, status="found")
        return PlaceMatch(status="unknown", number=leading["number"])
    hint = ""
    numbered: Place | None = None
    hinted = _HINT_RE.match(text)
    if hinted:
        text, hint = hinted["name"], hinted["hint"].strip()
        if len(hint) == 4 and hint.isdigit():
            numbered, hint = by_number.get(hint), ""
    key = place_key(text)
    if numbered is None:
        return _resolve_name(key, places, place_key(hint)) if key else PlaceMatch(status="unknown")
    match = _resolve_name(key, places, "") if key else PlaceMatch()
    if match.place is not None and match.place != numbered:
        # The name and the number disagree: ask rather than guess.
        return PlaceMatch(candidates=(match.place, numbered), status="ambiguous")
    return PlaceMatch(place=numbered, status="found")


def _resolve_name(key: str, places: list[Place], county_hint: str) -> PlaceMatch:
    exact = [p for p in places if key in p.aliases]
    found = _narrow(exact, county_hint) or _narrow(
        [p for p in places if any(a.startswith(key) for a in p.aliases)] if len(key) >= 3 else [],
        county_hint,
    )
    if len(found) == 1:
        return PlaceMatch(place=found[0], status="found")
    if found:
        return PlaceMatch(candidates=tuple(sorted(found, key=_sort_key)[:10]), status="ambiguous")
    return PlaceMatch(candidates=tuple(_close_places(key, places)), status="unknown")


def _narrow(found: list[Place], county_hint: str) -> list[Place]:
    if county_hint and len(found) > 1:
        hinted = [
            p
            for p in found
            if place_key(p.county).startswith(county_hint) or p.county_number == county_hint
        ]
        return hinted or found
    return found


def _sort_key(place: Place) -> tuple[str, str]:
    return (fold(place.name), place.number)


def _close_places(key: str, places: list[Place], limit: int = 5) -> list[Place]:
    by_alias: dict[str, Place] = {}
    for place in places:
        for alias in place.aliases:
            by_alias.setdefault(alias, place)
    close = difflib.get_close_matches(key, list(by_alias), n=limit * 2, cutoff=0.75)
    unique: dict[str, Place] = {}
    for alias in close:
        unique.setdefault(by_alias[alias].number, by_alias[alias])
    return list(unique.values())[:limit]


def suggest_places(text: str, places: Iterable[Place], limit: int = 10) -> list[Place]:
    """Typeahead: names starting with the text first, then names containing it. A chosen
    suggestion ("Molde (Møre og Romsdal)") suggests itself."""
    text = text[:100].split("(", 1)[0]
    key = place_key(text)
    if not key:
        return []
    starts: list[Place] = []
    contains: list[Place] = []
    for place in places:
        aliases = place.aliases
        if any(a.startswith(key) for a in aliases):
            starts.append(place)
        elif len(key) >= 3 and any(key in a for a in aliases):
            contains.append(place)
    return (sorted(starts, key=_sort_key) + sorted(contains, key=_sort_key))[:limit]


# --- What a form says when the text names no single municipality ---------------------------

PLACE_ERRORS: dict[str, Any] = {
    "ambiguous": _(
        "Several municipalities match “%(text)s”: %(names)s. Add the county or use the number."
    ),
    "unknown_number": _("No municipality has the number %(number)s."),
    "unknown_suggest": _("We do not know the municipality “%(text)s”. Did you mean: %(names)s?"),
    "unknown": _(
        "We do not know the municipality “%(text)s”. Type its name or its four-digit number."
    ),
    # A municipality of another time than the date the value is for.
    "not_then": _("%(name)s did not exist on %(date)s; then it was %(names)s."),
    "not_then_alone": _("%(name)s did not exist on %(date)s."),
}


def place_error(
    match: PlaceMatch, text: str, messages: Mapping[str, Any] | None = None
) -> ValidationError:
    """The error for ``text`` that matched no single municipality. ``messages`` may reword
    any of :data:`PLACE_ERRORS` (same keys; parameters ``text``, ``names``, ``number``);
    the codes are ``ambiguous`` and ``unknown``."""
    wording = {**PLACE_ERRORS, **(messages or {})}
    names = ", ".join(p.label for p in match.candidates)
    if match.status == "ambiguous":
        key, code = "ambiguous", "ambiguous"
    elif match.number:
        key, code = "unknown_number", "unknown"
    else:
        key, code = ("unknown_suggest" if names else "unknown"), "unknown"
    return ValidationError(
        wording[key], code=code, params={"text": text, "names": names, "number": match.number}
    )


def municipality_named(
    text: str,
    messages: Mapping[str, Any] | None = None,
    *,
    on: datetime.date | None = None,
) -> Municipality:
    """The municipality that ``text`` names on the day ``on`` (today by default): its row
    valid that day, without the outline; or the :func:`place_error`. A municipality of
    another time is refused with the ones that were valid that day ("Lillestrøm did not
    exist on 19.01.2012; then it was Fet, Skedsmo or Sørum")."""
    from knutepunkt.geo.models import Municipality

    day = on or timezone.localdate()
    for _attempt in range(2):
        match = match_place(text, on=day)
        if match.place is None:
            break
        found = (
            Municipality.objects.current(day)
            .filter(number=match.place.number)
            .defer("outline")
            .first()
        )
        if found is not None:
            return found
        places_changed()  # the rows changed under the cache: match again once
    if match.status == "unknown" and on is not None:
        other = _named_at_another_time(text)
        if other is not None:
            raise not_valid_error(other, day, messages)
    raise place_error(match, text, messages)


def _named_at_another_time(text: str) -> Municipality | None:
    """The row of another time that ``text`` names (today's first, then the latest)."""
    from knutepunkt.geo.models import Municipality

    match = match_place(text)
    if match.place is None:
        match = resolve_place(text, derived("places:all", _all_places))
    if match.place is None:
        return None
    rows = Municipality.objects.filter(number=match.place.number).defer("outline")
    named = [row for row in rows if place_key(row.name) == place_key(match.place.name)]
    return max(named or list(rows), key=lambda row: row.valid_from, default=None)


def valid_then(municipality: Municipality, day: datetime.date) -> list[Municipality]:
    """The municipalities valid on ``day`` that ``municipality`` came from (a day before it)
    or went into (a day after it), following the successor tables; itself if valid."""
    from knutepunkt.geo.models import Municipality

    found: dict[int, Municipality] = {}
    frontier = [municipality]
    seen: set[int] = set()
    while frontier:
        row = frontier.pop()
        if row.pk in seen:
            continue
        seen.add(row.pk)
        if row.valid_from <= day and (row.valid_to is None or day <= row.valid_to):
            found[row.pk] = row
        elif day < row.valid_from:
            frontier.extend(
                Municipality.objects.filter(successor_links__successor=row).defer("outline")
            )
        else:
            frontier.extend(
                Municipality.objects.filter(predecessor_links__predecessor=row).defer("outline")
            )
    return sorted(found.values(), key=lambda row: fold(row.name))


def not_valid_error(
    municipality: Municipality,
    day: datetime.date,
    messages: Mapping[str, Any] | None = None,
) -> ValidationError:
    """The error for a municipality of another time than ``day``."""
    wording = {**PLACE_ERRORS, **(messages or {})}
    then = valid_then(municipality, day)
    params = {
        "name": municipality.name,
        "date": date_format(day, "SHORT_DATE_FORMAT"),
        "names": or_list([row.name for row in then]),
        "text": municipality.name,
        "number": municipality.number,
    }
    key = "not_then" if then else "not_then_alone"
    return ValidationError(wording[key], code="not_then", params=params)


def or_list(names: list[str]) -> str:
    """Names joined as "Fet, Skedsmo or Sørum", in the active language."""
    if len(names) < 2:
        return "".join(names)
    return gettext("%(names)s or %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def _all_places() -> tuple[Place, ...]:
    from knutepunkt.geo.models import Municipality

    rows = Municipality.objects.order_by("name").values_list(
        "number", "name", "county__name", "county__number", "latitude", "longitude"
    )
    unique = {(row[0], row[1]): row for row in rows}
    return tuple(Place(*row) for row in unique.values())


# --- The process-wide cache ----------------------------------------------------------------

_VERSION_KEY = "geo:places:version"
_MAX_MATCHES = 5000

_lock = threading.RLock()
_generation = 0  # this process's own changes, for caches that are not shared


@dataclass(frozen=True)
class _Snapshot:
    token: str
    places: tuple[Place, ...]
    by_number: dict[str, Place]


_snapshot: _Snapshot | None = None
_derived: dict[str, tuple[str, Any]] = {}


def places_version() -> str:
    """A value that changes whenever the current municipalities may have: with the day,
    and at every :func:`places_changed` in any process. For keys of shared caches built
    from the geography (e.g. the projected maps)."""
    shared = cache.get(_VERSION_KEY)
    if shared is None:
        cache.add(_VERSION_KEY, uuid.uuid4().hex, None)
        shared = cache.get(_VERSION_KEY) or "-"
    return f"{timezone.localdate().isoformat()}:{shared}"


def _forget() -> None:
    global _generation, _snapshot
    with _lock:
        _generation += 1
        _snapshot = None
        _derived.clear()


def _bump() -> None:
    _forget()
    cache.set(_VERSION_KEY, uuid.uuid4().hex, None)


def places_changed() -> None:
    """The geography was written: every process reloads its places. Called now (this
    process sees its own change at once) and again when the transaction commits, so that no
    process keeps rows it read before the commit."""
    _bump()
    transaction.on_commit(_bump)


def clear_cache() -> None:
    """Forget this process's copy (tests: their geography changes are rolled back)."""
    _forget()


def _current() -> _Snapshot:
    global _snapshot
    token = f"{places_version()}:{_generation}"
    snapshot = _snapshot
    if snapshot is not None and snapshot.token == token:
        return snapshot
    from knutepunkt.geo.models import Municipality

    with _lock:
        if _snapshot is None or _snapshot.token != token:
            rows = (
                Municipality.objects.current(timezone.localdate())
                .order_by("name")
                .values_list(
                    "number", "name", "county__name", "county__number", "latitude", "longitude"
                )
            )
            found = list(rows)
            names = Counter(place_key(name) for _number, name, *_rest in found)
            places = tuple(
                Place(number, name, county, county_number, lat, lon, names[place_key(name)] > 1)
                for number, name, county, county_number, lat, lon in found
            )
            _snapshot = _Snapshot(token, places, {p.number: p for p in places})
            _derived.clear()
        return _snapshot


def current_places() -> tuple[Place, ...]:
    """Every current municipality (357 rows) ordered by name, from memory."""
    return _current().places


def _period_starts() -> tuple[datetime.date, ...]:
    """The days the structure changed on (each row's first day and the day after its
    last), so that a date maps to the period it lies in."""
    from knutepunkt.geo.models import Municipality

    days: set[datetime.date] = set()
    for start, end in Municipality.objects.values_list("valid_from", "valid_to"):
        days.add(start)
        if end is not None:
            days.add(end + datetime.timedelta(days=1))
    return tuple(sorted(days))


def places_on(day: datetime.date | None) -> tuple[Place, ...]:
    """The municipalities valid on ``day`` (today's from :func:`current_places`), one
    snapshot per period of the structure (before 2020, 2020–2023, from 2024)."""
    period = _period(day)
    if period is None:
        return current_places()
    return derived(f"places:{period.isoformat()}", lambda: _load_places(period))


def _period(day: datetime.date | None) -> datetime.date | None:
    """The first day of the period ``day`` lies in; None for today."""
    if day is None or day == timezone.localdate():
        return None
    starts = derived("period_starts", _period_starts)
    index = bisect.bisect_right(starts, day) - 1
    return starts[index] if index >= 0 else day


def _load_places(day: datetime.date) -> tuple[Place, ...]:
    from knutepunkt.geo.models import Municipality

    found = list(
        Municipality.objects.current(day)
        .order_by("name")
        .values_list("number", "name", "county__name", "county__number", "latitude", "longitude")
    )
    names = Counter(place_key(name) for _number, name, *_rest in found)
    return tuple(
        Place(number, name, county, county_number, lat, lon, names[place_key(name)] > 1)
        for number, name, county, county_number, lat, lon in found
    )


def place_by_number(number: str) -> Place | None:
    return _current().by_number.get(number)


def derived(name: str, build: Callable[[], T]) -> T:
    """Something computed from the current geography (an outline index, a rendered
    datalist), kept in this process until the places change."""
    token = _current().token
    with _lock:
        entry = _derived.get(name)
        if entry is not None and entry[0] == token:
            value: T = entry[1]
            return value
    value = build()
    with _lock:
        _derived[name] = (token, value)
    return value


def match_place(text: str, *, on: datetime.date | None = None) -> PlaceMatch:
    """:func:`resolve_place` against the municipalities valid on ``on`` (today by default),
    remembered per text (names repeat a lot)."""
    places = places_on(on)
    period = _period(on)
    matches: dict[str, PlaceMatch] = derived(f"matches:{period or 'today'}", dict)
    key = text[:100]
    found = matches.get(key)
    if found is None:
        found = resolve_place(key, places)
        with _lock:
            if len(matches) >= _MAX_MATCHES:
                matches.clear()
            matches[key] = found
    return found
