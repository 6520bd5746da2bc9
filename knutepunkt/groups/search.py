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
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from knutepunkt.core.text import fold

MAX_QUERY_WORDS = 8
MAX_WORD_LENGTH = 40

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
    name_nn: str = ""

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(keys(f"{self.name_nb} {self.name_nn} {self.name_en} {self.synonyms}"))


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
