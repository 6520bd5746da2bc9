"""Hostile input to every public URL: whatever arrives in the path, the query string or a
form, the answer is never a server error (5xx).

The public URLs are read from the resolver (everything outside admin/, arbeid/ and
i18n/), so a new public page is fuzzed without anyone adding it here; a URL keyword
nobody knows how to fill makes :func:`test_every_public_url_keyword_has_a_generator` fail.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knutepunkt.api.ids import Kind, make
from knutepunkt.core.tests.public_data import restore_info_pages
from knutepunkt.events import services as event_services
from knutepunkt.events.models import Event
from knutepunkt.events.tokens import cancel_token, result_token
from knutepunkt.groups.models import GroupStatus
from knutepunkt.groups.services import group_create, topic_create
from knutepunkt.interests.testing import make_interest
from knutepunkt.interests.tokens import status_token
from knutepunkt.starters.services import starter_create
from knutepunkt.starters.tokens import status_token as starter_status_token

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# /api/v1/ is fuzzed against its own OpenAPI document by schemathesis
# (knutepunkt/api/tests/test_schemathesis.py), with its token part authenticated.
EXCLUDED_PREFIXES = ("admin/", "arbeid/", "i18n/", "api/v1/")


# --- The public URLs, from the resolver ---------------------------------------------------


@dataclass(frozen=True)
class PublicUrl:
    name: str  # "namespace:name"
    route: str  # for messages
    keywords: tuple[str, ...]


def _walk(patterns: list[Any], prefix: str, namespace: str) -> Iterator[PublicUrl]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            keywords = tuple(entry.pattern.regex.groupindex)
            yield PublicUrl(f"{namespace}{entry.name}", route, keywords)


def public_urls() -> list[PublicUrl]:
    with translation.override("nb"):
        found = _walk(get_resolver().url_patterns, "", "")
        return [u for u in found if not u.route.lstrip("^").startswith(EXCLUDED_PREFIXES)]


PUBLIC_URLS = public_urls()
# The language switch lives under i18n/ but is a public form on every page.
POST_URLS = [*PUBLIC_URLS, PublicUrl("set_language", "i18n/setlang/", ())]

# --- Hostile values -----------------------------------------------------------------------

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "%",
    "%00",
    "%zz",
    "100%",
    "../",
    "../../../etc/passwd",
    "..\\..\\windows",
    "1e999",
    "-1e999",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "-0",
    "0",
    "-1",
    "9" * 40,
    "1.5",
    "0x1F",
    "' OR '1'='1' --",
    "'; DROP TABLE events_event; --",
    '") UNION SELECT password FROM accounts_user --',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "\u202eevil",
    "😀" * 20,
    "Tromsø Ærøy Åsnes",
    "\r\nSet-Cookie: x=1",
    "2024-02-30",
    "0001-01-01",
    "31.12.99999",
    "x" * 20_000,
    "1506",
    "15",
    "55",
    "open_meeting",
    "angst",
]
KNOWN_KEYS = [
    "q",
    "sted",
    "kommune",
    "lat",
    "lon",
    "county",
    "kind",
    "date_from",
    "date_to",
    "page",
    "language",
    "next",
    "name",
    "email",
    "phone",
    "csrfmiddlewaretoken",
]
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=80)
value = st.one_of(
    st.sampled_from(HOSTILE),
    text,
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
key = st.one_of(st.sampled_from(KNOWN_KEYS), text)
pairs = st.lists(st.tuples(key, value), max_size=8)
# A query string nobody encoded properly: stray '%', bytes that are not UTF-8, '&&==;'.
raw_query = st.lists(
    st.one_of(
        st.sampled_from(["%", "%0", "%zz", "%ff%fe", "&", "=", ";", "+", "%00", "%C3%28"]),
        st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=10),
    ),
    max_size=12,
).map("".join)


# --- Data the URL keywords point at ---------------------------------------------------------


@dataclass(frozen=True)
class Targets:
    slugs: list[str]
    numbers: list[str]
    tokens: list[str]
    # HSDS ids (UUIDs) and group numbers of real objects.
    ids: list[str] = field(default_factory=list)
    group_ids: list[str] = field(default_factory=list)


@pytest.fixture
def targets(office_midt: Any, contact_point_molde: Any, contact_point_tromso: Any) -> Targets:
    info_slugs = list(restore_info_pages())
    topic = topic_create(actor=None, slug="angst", name_nb="Angst", name_en="Anxiety")
    group = group_create(
        actor=None, topic=topic, contact_point=contact_point_molde, status=GroupStatus.OPEN
    )
    event = event_services.event_create(
        actor=None,
        title="Åpent møte",
        kind="open_meeting",
        starts_at=_in_days(10),
        ends_at=_in_days(10, hours=2),
        office=office_midt,
        municipality=contact_point_molde.municipality,
        capacity=1,
    )
    registration = event_services.registration_create(
        event=event, name="Kari", email="kari@example.org"
    )
    interest = make_interest(municipality=contact_point_molde.municipality, topic=topic)
    starter = starter_create(actor=None, name="Kari", email="kari@example.org", office=office_midt)
    tokens = [
        cancel_token(registration),
        result_token(registration),
        status_token(interest),
        starter_status_token(starter),
    ]
    return Targets(
        slugs=[*info_slugs, "molde", "tromso", office_midt.slug, event.slug],
        numbers=["1506", "5501", "0301", "0000", "9999"],
        tokens=[*tokens, tokens[0][:-1], tokens[0] + "x", tokens[1].replace(":", "%3A")],
        ids=[
            make(Kind.GROUP, group.pk),
            make(Kind.OFFICE, office_midt.pk),
            make(Kind.SERVICE_AT_LOCATION, group.pk),
            make(Kind.TAXONOMY, 1),
            make(Kind.TOPIC_TERM, topic.pk),
        ],
        group_ids=[str(group.pk)],
    )


def _in_days(days: int, hours: int = 0) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days, hours=hours)


def keyword_value(keyword: str, targets: Targets) -> st.SearchStrategy[str]:
    slug = st.from_regex(r"[-a-zA-Z0-9_]{1,120}", fullmatch=True)
    strategies: dict[str, st.SearchStrategy[str]] = {
        "slug": st.one_of(st.sampled_from(targets.slugs), slug),
        "office_slug": st.one_of(st.sampled_from(targets.slugs), slug),
        "number": st.one_of(
            st.sampled_from(targets.numbers), st.from_regex(r"\d{4}", fullmatch=True)
        ),
        # Listing corrections, open data files, group pages, the API (HSDS ids are UUIDs).
        "kind": st.one_of(st.sampled_from(["gruppe", "kontaktpunkt", "kontor"]), slug),
        "key": st.one_of(
            st.sampled_from(targets.slugs), st.from_regex(r"[0-9]{1,6}", fullmatch=True)
        ),
        "table": st.one_of(st.sampled_from(["grupper", "kontaktpunkter", "kontorer"]), slug),
        "pk": st.one_of(
            st.sampled_from(targets.ids or ["0"]),
            st.from_regex(r"[0-9]{1,6}", fullmatch=True),
            st.uuids().map(str),
        ),
        "group_id": st.one_of(
            st.sampled_from(targets.group_ids or ["1"]),
            st.from_regex(r"[0-9]{1,6}", fullmatch=True),
        ),
        "token": st.one_of(
            st.sampled_from(targets.tokens),
            st.sampled_from(HOSTILE).filter(lambda v: v and "/" not in v),
            text.filter(lambda v: v and "/" not in v),
        ),
    }
    return strategies[keyword]


@st.composite
def public_path(draw: Any, url: PublicUrl, targets: Targets) -> str:
    kwargs = {k: draw(keyword_value(k, targets)) for k in url.keywords}
    language = draw(st.sampled_from(["nb", "en"]))
    with translation.override(language):
        return reverse(url.name, kwargs=kwargs)


@st.composite
def any_path_under(draw: Any, url: PublicUrl) -> str:
    """The URL's fixed start with anything after it (most of these are 404s)."""
    start = re.split(r"[<(^]", url.route.lstrip("^"), maxsplit=1)[0]
    tail = draw(st.one_of(st.sampled_from(HOSTILE), text))
    return "/" + start + quote(tail, safe="/%")


# --- The tests --------------------------------------------------------------------------------


@pytest.fixture
def hostile_client(settings: Any) -> Client:
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def no_server_error(response: Any, what: str) -> None:
    assert response.status_code < 500, f"{response.status_code} for {what}"


def send(method: Any, *args: Any, **kwargs: Any) -> Any:
    # One savepoint per request: a database error inside a view must not poison the next.
    with transaction.atomic():
        return method(*args, **kwargs)


def test_public_urls_are_found_in_the_resolver() -> None:
    names = {u.name for u in PUBLIC_URLS}
    expected = {
        "pages:home",
        "find:search",
        "directory:map",
        "directory:municipality",
        "events:detail",
        "events:cancel",
    }
    assert expected <= names
    assert not any(u.name.startswith(("staff", "admin", "accounts")) for u in PUBLIC_URLS)


def test_every_public_url_keyword_has_a_generator() -> None:
    dummy = Targets(slugs=["x"], numbers=["0000"], tokens=["x"])
    for url in PUBLIC_URLS:
        for keyword in url.keywords:
            try:
                keyword_value(keyword, dummy)
            except KeyError:
                pytest.fail(f"{url.route}: add a generator for the URL keyword {keyword!r}")


@pytest.mark.parametrize("url", PUBLIC_URLS, ids=lambda u: u.name)
def test_hostile_query_strings_never_cause_a_server_error(
    url: PublicUrl, targets: Targets, hostile_client: Client
) -> None:
    @FUZZ
    @given(data=st.data(), query=pairs, raw=raw_query)
    def check(data: Any, query: list[tuple[str, str]], raw: str) -> None:
        path = data.draw(public_path(url, targets))
        encoded = urlencode(query)
        response = send(hostile_client.get, path, QUERY_STRING=encoded)
        no_server_error(response, f"GET {path}?{encoded[:300]}")
        response = send(hostile_client.get, path, QUERY_STRING=raw)
        no_server_error(response, f"GET {path}?{raw}")
        strange = data.draw(any_path_under(url))
        response = send(hostile_client.get, strange)
        no_server_error(response, f"GET {strange[:300]}")

    check()


@pytest.mark.parametrize("url", POST_URLS, ids=lambda u: u.name)
def test_hostile_form_posts_never_cause_a_server_error(
    url: PublicUrl, targets: Targets, hostile_client: Client
) -> None:
    """The sign-up form, the cancel confirmation and the language switch get random form
    data; every other public URL answers a POST without failing too (405, or a page)."""

    @FUZZ
    @given(data=st.data(), form=pairs, raw=raw_query)
    def check(data: Any, form: list[tuple[str, str]], raw: str) -> None:
        path = data.draw(public_path(url, targets))
        fields: dict[str, list[str]] = {}
        for name, entry in form:
            fields.setdefault(name, []).append(entry)
        response = send(hostile_client.post, path, fields)
        no_server_error(response, f"POST {path} {str(fields)[:300]}")
        form_type = "application/x-www-form-urlencoded"
        response = send(hostile_client.post, path, raw, content_type=form_type)
        no_server_error(response, f"POST {path} body {raw}")

    check()


def working_path(url: PublicUrl, targets: Targets, client: Client) -> str:
    """A path of the URL that leads to a real page (the first candidate that does)."""
    candidates = {
        "slug": targets.slugs,
        "office_slug": targets.slugs,
        "number": targets.numbers,
        "token": targets.tokens,
        "pk": targets.ids,
        "group_id": targets.group_ids,
        "kind": ["kontaktpunkt"],
        "key": ["molde"],
        "table": ["grupper"],
    }
    options: list[dict[str, str]] = [{}]
    for keyword in url.keywords:
        options = [{**o, keyword: c} for o in options for c in candidates[keyword]]
    for kwargs in options:
        path = reverse(url.name, kwargs=kwargs)
        if client.get(path).status_code < 400:
            return path
    raise AssertionError(f"no working path for {url.route}")


@pytest.mark.parametrize("url", POST_URLS, ids=lambda u: u.name)
def test_each_hostile_value_in_every_field_never_causes_a_server_error(
    url: PublicUrl, targets: Targets, hostile_client: Client
) -> None:
    """The systematic half: every known parameter set to each hostile value at once, on a
    page that exists (random examples alone rarely hit the one bad value)."""
    path = working_path(url, targets, hostile_client) if url.name != "set_language" else ""
    path = path or reverse("set_language")
    takes_posts = send(hostile_client.post, path, {}).status_code != 405
    for hostile in HOSTILE:
        fields = dict.fromkeys(KNOWN_KEYS, hostile)
        if url.name != "set_language":
            response = send(hostile_client.get, path, fields)
            no_server_error(response, f"GET {path} with every field {hostile[:40]!r}")
        if takes_posts:
            response = send(hostile_client.post, path, fields)
            no_server_error(response, f"POST {path} with every field {hostile[:40]!r}")


def test_fuzz_targets_are_real_pages(targets: Targets, hostile_client: Client) -> None:
    """A check of the set-up: the fuzzing aims at pages that exist."""
    event = Event.objects.get()
    assert hostile_client.get(event.get_absolute_url()).status_code == 200
    assert hostile_client.get(f"/arrangementer/avmelding/{targets.tokens[0]}/").status_code == 200
    assert hostile_client.get("/kontaktpunkt/molde/").status_code == 200
