"""Matching what a person types on the "Find help" page. Pure functions, no database.

A query is split into words; each word becomes a *term*: a set of alternative spellings
(the word itself plus what the synonym layer adds, in both languages). A topic or group
matches when every term matches some word of its text. Words that say *who* the group is
for ("pårørende", "relatives") set the target instead of being matched as topics.

Text is compared after :func:`fold` (lower case, æ/ø/å and other diacritics folded, so
"tromso" finds "Tromsø") and :func:`stem` (a tiny Norwegian suffix stripper, so
"gruppene" finds "gruppe"). On PostgreSQL the selectors add full-text search with the
``norwegian`` configuration on top; this module is the shared, database-free layer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

MAX_QUERY_WORDS = 8
MAX_WORD_LENGTH = 40

_FOLD_MAP = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ð": "d", "þ": "th", "ß": "ss"})
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)

# Words that carry no topic: Norwegian and English function words and the site's own words.
_STOPWORD_LINES = (
    "og i for til av pa en et ei med om som jeg meg min mitt mine har er a det den de vil kan",
    "ikke hjelp gruppe grupper gruppa selvhjelp selvhjelpsgruppe selvhjelpsgrupper",
    "samtalegruppe the and of for to in on a an with my me i am is help group groups self",
    "selfhelp support about",
)
STOPWORDS = frozenset(word for line in _STOPWORD_LINES for word in line.split())

# Words meaning "for relatives" (folded). They set the target rather than a topic.
RELATIVES_WORDS = frozenset(
    {
        "parorende",
        "parorande",
        "relative",
        "relatives",
        "family",
        "familie",
        "familien",
        "carer",
        "carers",
        "next",
        "kin",
    }
)

# The synonym layer: what people type → words that appear in topic names and synonyms.
# Keys and values are plain words; they are folded and stemmed when compared.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "angst": ("angst", "anxiety", "panikk", "panic", "fobi", "phobia", "bekymring"),
    "anxiety": ("angst", "anxiety", "panikk", "panic"),
    "panikk": ("angst", "anxiety", "panikk", "panic"),
    "panic": ("angst", "anxiety", "panikk", "panic"),
    "sorg": ("sorg", "grief", "bereavement", "etterlatt", "dødsfall"),
    "grief": ("sorg", "grief", "bereavement", "etterlatt"),
    "bereavement": ("sorg", "grief", "bereavement", "etterlatt"),
    "etterlatt": ("sorg", "grief", "etterlatt", "bereavement"),
    "rus": ("rus", "addiction", "avhengighet", "rusavhengighet", "alkohol", "alcohol", "drug"),
    "addiction": ("rus", "addiction", "avhengighet", "alkohol", "alcohol"),
    "alkohol": ("rus", "alkohol", "alcohol", "addiction"),
    "alcohol": ("rus", "alkohol", "alcohol", "addiction"),
    "drugs": ("rus", "addiction", "narkotika", "drug"),
    "depresjon": ("depresjon", "depression", "nedstemt", "tungsinn"),
    "depression": ("depresjon", "depression", "nedstemt"),
    "deprimert": ("depresjon", "depression", "nedstemt"),
    "nedstemt": ("depresjon", "depression", "nedstemt"),
    "skilsmisse": ("skilsmisse", "divorce", "samlivsbrudd"),
    "samlivsbrudd": ("skilsmisse", "divorce", "samlivsbrudd"),
    "divorce": ("skilsmisse", "divorce", "samlivsbrudd"),
    "kreft": ("kreft", "cancer"),
    "cancer": ("kreft", "cancer"),
    "smerte": ("smerte", "pain"),
    "smerter": ("smerte", "pain"),
    "pain": ("smerte", "pain"),
    "ensom": ("ensomhet", "loneliness", "ensom"),
    "ensomhet": ("ensomhet", "loneliness", "ensom"),
    "loneliness": ("ensomhet", "loneliness"),
    "lonely": ("ensomhet", "loneliness"),
    "spiseforstyrrelse": ("spiseforstyrrelse", "eating", "anoreksi", "bulimi"),
    "eating": ("spiseforstyrrelse", "eating"),
    "selvmord": ("selvmord", "suicide"),
    "suicide": ("selvmord", "suicide"),
    "utbrent": ("utbrenthet", "burnout", "utbrent"),
    "burnout": ("utbrenthet", "burnout"),
    "overgrep": ("overgrep", "abuse", "incest"),
    "abuse": ("overgrep", "abuse", "vold", "violence"),
    "vold": ("vold", "violence", "overgrep"),
    "violence": ("vold", "violence"),
    "gambling": ("spill", "spillavhengighet", "gambling"),
    "pengespill": ("spill", "spillavhengighet", "gambling"),
}

# Norwegian (and a few English) endings, longest first. Stripping is deliberately crude:
# both the query and the text go through the same function, so only consistency matters.
_SUFFIXES = ("heten", "ende", "ene", "ane", "het", "ers", "er", "en", "et", "ar", "e", "s")
_MIN_STEM = 3


def fold(text: str) -> str:
    """Lower case with Norwegian letters and diacritics folded to ASCII: "Tromsø" → "tromso",
    "Ålesund" → "alesund", "Evenášši" → "evenassi"."""
    lowered = text.casefold().translate(_FOLD_MAP)
    decomposed = unicodedata.normalize("NFKD", lowered)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("aa", "a")


def stem(word: str) -> str:
    """Strip one common ending from a folded word ("gruppene" → "grupp")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    """The words of ``text`` as typed (lower case, letters and digits, accents kept)."""
    clean = text.replace("\x00", " ")
    return [w[:MAX_WORD_LENGTH] for w in _WORD_RE.findall(clean.casefold())]


def keys(text: str) -> list[str]:
    """Folded, stemmed comparison keys for every word of ``text``."""
    return [stem(fold(w)) for w in words(text)]


def _key_matches(alternative: str, text_key: str) -> bool:
    # Short keys match word starts only ("rus" must not match "krus"); longer ones may
    # sit inside a Norwegian compound ("angst" in "sosialangst").
    if len(alternative) < 4:
        return text_key.startswith(alternative)
    return alternative in text_key


@dataclass(frozen=True)
class Term:
    """One typed word and its alternatives (the word plus synonyms)."""

    typed: str
    alternatives: tuple[str, ...]

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(k for alt in self.alternatives for k in keys(alt))

    def matches(self, text_keys: Iterable[str]) -> bool:
        mine = self.keys
        return any(_key_matches(a, t) for t in text_keys for a in mine)


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...] = ()
    relatives: bool = False
    ignored: tuple[str, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.relatives

    @property
    def normalised(self) -> str:
        """A stable text for cache keys: same meaning, same key."""
        parts = sorted(fold(t.typed) for t in self.terms)
        if self.relatives:
            parts.append("+relatives")
        return " ".join(parts)

    def fts_words(self) -> list[list[str]]:
        """Per term, the alternatives as words (accents kept) for full-text search."""
        return [[w for alt in t.alternatives for w in words(alt)] for t in self.terms]


def parse_query(text: str) -> ParsedQuery:
    """Split free text into terms, pick out "for relatives" words and drop stopwords."""
    terms: list[Term] = []
    seen: set[str] = set()
    relatives = False
    ignored: list[str] = []
    for word in words(text):
        folded = fold(word)
        if folded in RELATIVES_WORDS or stem(folded) in {stem(w) for w in RELATIVES_WORDS}:
            relatives = True
            continue
        if folded in STOPWORDS or len(folded) < 2:
            ignored.append(word)
            continue
        key = stem(folded)
        if key in seen:
            continue
        seen.add(key)
        alternatives = _synonyms_for(folded) or (word,)
        terms.append(Term(typed=word, alternatives=alternatives))
        if len(terms) >= MAX_QUERY_WORDS:
            break
    return ParsedQuery(terms=tuple(terms), relatives=relatives, ignored=tuple(ignored))


_SYNONYM_INDEX: dict[str, tuple[str, ...]] = {}


def _synonyms_for(folded_word: str) -> tuple[str, ...]:
    if not _SYNONYM_INDEX:
        for typed, alternatives in SYNONYMS.items():
            _SYNONYM_INDEX[fold(typed)] = alternatives
            _SYNONYM_INDEX.setdefault(stem(fold(typed)), alternatives)
    found = _SYNONYM_INDEX.get(folded_word) or _SYNONYM_INDEX.get(stem(folded_word))
    if not found:
        return ()
    return found if folded_word in {fold(a) for a in found} else (folded_word, *found)


@dataclass(frozen=True)
class TopicText:
    """What a topic is known by, for matching without the database."""

    id: int
    name_nb: str
    name_en: str
    synonyms: str

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(keys(f"{self.name_nb} {self.name_en} {self.synonyms}"))


def matching_topic_ids(query: ParsedQuery, topics: Iterable[TopicText]) -> set[int]:
    """Topics matching every term; when none matches every term, those matching any.

    An empty query matches every topic."""
    topics = list(topics)
    if not query.terms:
        return {t.id for t in topics}
    indexed = [(t.id, t.keys) for t in topics]
    every = {tid for tid, k in indexed if all(term.matches(k) for term in query.terms)}
    if every:
        return every
    return {tid for tid, k in indexed if any(term.matches(k) for term in query.terms)}


def text_matches(query: ParsedQuery, text: str) -> bool:
    """Whether free text (a group's title or description) matches every term."""
    text_keys = keys(text)
    return all(term.matches(text_keys) for term in query.terms)


# --- Places: a municipality from what a person typed -----------------------------------


@dataclass(frozen=True)
class Place:
    """A current municipality as the finder needs it (no outline, no database row)."""

    number: str
    name: str
    county: str
    county_number: str
    latitude: float
    longitude: float

    @property
    def label(self) -> str:
        return f"{self.name} ({self.county})"

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


_COUNTY_HINT_RE = re.compile(r"^(?P<name>[^(,]*)[(,](?P<county>[^)]*)\)?\s*$")


def resolve_place(text: str, places: Iterable[Place]) -> PlaceMatch:
    """Match a typed municipality name (or number) to one current municipality.

    "Herøy (Nordland)" and "Herøy, Nordland" use the county to choose between namesakes;
    a unique start of a name ("kristiansu") is enough; otherwise close spellings are
    offered as candidates."""
    text = text.replace("\x00", "").strip()[:100]
    if not text:
        return PlaceMatch()
    places = list(places)
    county_hint = ""
    hinted = _COUNTY_HINT_RE.match(text)
    if hinted:
        text, county_hint = hinted["name"], place_key(hinted["county"])
    if text.strip().isdigit() and len(text.strip()) == 4:
        by_number = [p for p in places if p.number == text.strip()]
        if by_number:
            return PlaceMatch(place=by_number[0], status="found")
    key = place_key(text)
    if not key:
        return PlaceMatch(status="unknown")
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
        hinted = [p for p in found if place_key(p.county).startswith(county_hint)]
        return hinted or found
    return found


def _sort_key(place: Place) -> tuple[str, str]:
    return (fold(place.name), place.number)


def _close_places(key: str, places: list[Place], limit: int = 5) -> list[Place]:
    import difflib

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
