"""Content in another language than the page's is marked with ``lang`` (WCAG 3.1.2), so
a screen reader reads a bokmål event title on an English page with a Norwegian voice,
and nothing is marked where the page's own language is right."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.template import Context, Template
from django.test import Client
from django.utils import timezone, translation

from knutepunkt.conftest import municipality
from knutepunkt.core.i18n import LocalizedText
from knutepunkt.events.models import EventKind
from knutepunkt.events.services import event_create, event_question_create
from knutepunkt.groups.models import GroupFormat, GroupStatus
from knutepunkt.groups.services import group_create, topic_create

pytestmark = pytest.mark.django_db


def render(source: str, **context: Any) -> str:
    return Template("{% load site_chrome %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("nb", "Møte", ""),
        ("nn", "Møte", ' lang="nb"'),
        ("en", "Møte", ' lang="nb"'),
        ("nn", LocalizedText("Møte", "nn"), ""),
        ("en", LocalizedText("Meeting", "en"), ""),
        ("en-gb", LocalizedText("Meeting", "en"), ""),
        ("nb", LocalizedText("Meeting", "en"), ' lang="en"'),
    ],
)
def test_lang_attr_marks_only_text_in_another_language(
    language: str, value: Any, expected: str
) -> None:
    with translation.override(language):
        assert render("{% lang_attr value %}", value=value) == expected


def test_marked_wraps_and_escapes() -> None:
    with translation.override("en"):
        assert render("{{ v|marked }}", v="A & B") == '<span lang="nb">A &amp; B</span>'
    with translation.override("nb"):
        assert render("{{ v|marked }}", v="A & B") == "A &amp; B"


@pytest.fixture
def event(office_midt: Any, contact_point_molde: Any) -> Any:
    starts = timezone.now() + datetime.timedelta(days=10)
    event = event_create(
        actor=None,
        title="Åpent møte om selvhjelp",
        kind=EventKind.OPEN_MEETING,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        office=office_midt,
        contact_point=contact_point_molde,
        municipality=municipality("1506"),
        venue="Molde bibliotek",
        target_group="Alle som er nysgjerrige",
        description="Et åpent møte.",
        signup_opens_at=timezone.now() - datetime.timedelta(days=1),
    )
    event_question_create(
        actor=None, event=event, text="Hvordan hørte du om møtet?", kind="short_text"
    )
    return event


def test_an_english_event_page_marks_its_norwegian_content(client: Client, event: Any) -> None:
    html = client.get(f"/en/arrangementer/{event.slug}/").content.decode()
    assert '<h1 lang="nb">Åpent møte om selvhjelp</h1>' in html
    assert '<span lang="nb">Molde bibliotek</span>' in html
    assert '<span lang="nb">Kontaktpunkt for selvhjelp i Molde</span>' in html
    assert '<dd lang="nb">Alle som er nysgjerrige</dd>' in html
    # No English description: the bokmål one, marked.
    assert '<div class="event-description" lang="nb">' in html
    assert re.search(r'<label lang="nb" for="id_q_\d+">Hvordan hørte du om møtet\?</label>', html)


def test_a_bokmal_event_page_marks_nothing(client: Client, event: Any) -> None:
    html = client.get(f"/arrangementer/{event.slug}/").content.decode()
    assert 'lang="nb"' not in html.split("<main", 1)[1]


def test_english_search_results_mark_group_titles_and_fallback_topics(
    client: Client, office_midt: Any, contact_point_molde: Any
) -> None:
    with_english = topic_create(actor=None, slug="angst", name_nb="Angst", name_en="Anxiety")
    bokmal_only = topic_create(actor=None, slug="sorg", name_nb="Sorg", name_en="Grief")
    bokmal_only.name_en = ""  # as if English had not been written yet
    bokmal_only.save()
    group_create(
        actor=None,
        topic=with_english,
        contact_point=contact_point_molde,
        municipality="1506",
        status=GroupStatus.OPEN,
        title="Angstgruppe i Molde",
        meeting_time="Hver onsdag kl. 18",
    )
    group_create(actor=None, topic=bokmal_only, office=office_midt, format=GroupFormat.ONLINE)
    html = client.get("/en/finn-hjelp/", {"q": "", "sted": "Molde"}).content.decode()
    assert '<h4 lang="nb">Angstgruppe i Molde</h4>' in html
    assert "<span>Anxiety</span>" in html
    assert '<p class="meta" lang="nb">Hver onsdag kl. 18</p>' in html
    # A topic without an English name: its bokmål name stands in as the title, marked.
    assert '<h4 lang="nb">Sorg</h4>' in html


@pytest.mark.parametrize(
    ("language", "number", "distance"),
    [
        ("nb", "1\xa0234", "1\xa0163 km unna"),
        ("nn", "1\xa0234", "1\xa0163 km unna"),
        ("en", "1,234", "1,163 km away"),
    ],
)
def test_numbers_are_written_as_the_page_language_writes_them(
    language: str, number: str, distance: str
) -> None:
    from knutepunkt.groups.selectors import _distance_label
    from knutepunkt.public.reports.views import _display

    with translation.override(language):
        assert _display(1234)["text"] == number
        assert _distance_label(1163) == distance


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "lørdag 19. desember 2026, 18:00"),
        ("nn", "laurdag 19. desember 2026, 18:00"),
        ("en", "Saturday 19 December 2026, 18:00"),
    ],
)
def test_dates_are_written_as_the_page_language_writes_them(language: str, expected: str):
    moment = timezone.make_aware(datetime.datetime(2026, 12, 19, 18, 0))
    with translation.override(language):
        text = Template('{{ t|date:"l" }} {{ t|date:"DATE_FORMAT" }}, {{ t|date:"TIME_FORMAT" }}')
        assert text.render(Context({"t": moment})) == expected
