"""Nynorsk as a written language of its own: the pages at /nn/, the content in nynorsk
where it is written (bokmål where it is not, marked as such), and the e-mails of a person
who signed up or registered interest in nynorsk."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation

from knutepunkt.conftest import municipality
from knutepunkt.core.tests.public_data import restore_info_pages
from knutepunkt.events.models import EventKind, Registration
from knutepunkt.events.services import event_create
from knutepunkt.interests.models import Interest
from knutepunkt.interests.testing import make_topic
from knutepunkt.interests.tests.helpers import valid_data
from knutepunkt.pages.models import InfoPage
from knutepunkt.public.interests import abuse

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(office_midt: Any) -> Any:
    starts = timezone.make_aware(datetime.datetime(2026, 12, 19, 18, 0))
    return event_create(
        actor=None,
        title="Åpent møte om selvhjelp",
        kind=EventKind.OPEN_MEETING,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        office=office_midt,
        municipality=municipality("1506"),
        venue="Molde bibliotek",
        description="Et åpent møte for alle.",
        description_nn="Eit ope møte for alle.",
        description_en="An open meeting for everyone.",
        signup_opens_at=timezone.now() - datetime.timedelta(days=1),
    )


def test_the_interface_is_in_nynorsk_at_nn(client: Client) -> None:
    response = client.get("/nn/")
    html = response.content.decode()
    assert response.headers["Content-Language"] == "nn"
    assert '<html lang="nn">' in html
    assert "Finn ei gruppe" in html and "Hopp til hovudinnhaldet" in html
    assert "Finn en gruppe" not in html


@pytest.mark.parametrize(
    ("prefix", "title", "text"),
    [
        ("", "Hva er selvhjelp?", "Alle kan havne i en vanskelig livssituasjon."),
        ("/nn", "Kva er sjølvhjelp?", "Alle kan hamne i ein vanskeleg livssituasjon."),
        ("/en", "What is self-help?", "Anyone can end up in a hard place in life."),
    ],
)
def test_information_pages_in_all_three_languages(
    client: Client, prefix: str, title: str, text: str
) -> None:
    restore_info_pages()
    html = client.get(f"{prefix}/om/hva-er-selvhjelp/").content.decode()
    assert f"<h1>{title}</h1>" in html
    assert text in html


def test_every_information_page_is_written_in_nynorsk() -> None:
    restore_info_pages()
    for page in InfoPage.objects.published():
        assert page.title_nn and page.body_nn, page.slug
        assert page.title_nn != page.title_nb or page.slug == "personvern", page.slug
        assert "](/" not in page.body_nn.replace("](/nn/", ""), page.slug


def test_a_page_without_nynorsk_shows_bokmal_marked_as_bokmal(client: Client) -> None:
    restore_info_pages()
    InfoPage.objects.filter(slug="starte-gruppe").update(title_nn="", summary_nn="", body_nn="")
    html = client.get("/nn/om/starte-gruppe/").content.decode()
    assert '<h1 lang="nb">Starte en gruppe</h1>' in html
    assert '<p class="lead" lang="nb">Savner du en gruppe' in html
    assert '<div class="page-body" lang="nb">' in html
    # Pages that are in nynorsk carry no lang of their own: the page's is right.
    html = client.get("/nn/om/hva-er-selvhjelp/").content.decode()
    assert "<h1>Kva er sjølvhjelp?</h1>" in html and '<div class="page-body">' in html


def test_sign_up_in_nynorsk_gets_its_e_mail_in_nynorsk(
    client: Client, event: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/nn/arrangementer/{event.slug}/",
            {"name": "Kari Nordmann", "email": "kari@example.org"},
        )
    assert response.status_code == 302
    assert response["Location"].startswith("/nn/arrangementer/pamelding/")
    registration = Registration.objects.get()
    assert registration.language == "nn"
    [message] = mail.outbox
    assert message.subject == "Du er påmeld: Åpent møte om selvhjelp"
    assert "Takk for påmeldinga. Plassen din er stadfesta." in message.body
    assert "laurdag 19. desember 2026, 18:00–20:00" in message.body
    assert "/nn/arrangementer/avmelding/" in message.body
    assert f"/nn/arrangementer/{event.slug}/" in message.body


def test_sign_up_in_english_gets_british_dates(
    client: Client, event: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/arrangementer/{event.slug}/", {"name": "Kari", "email": "kari@example.org"}
        )
    [message] = mail.outbox
    assert "Saturday 19 December 2026, 18:00–20:00" in message.body
    html = client.get(f"/en/arrangementer/{event.slug}/").content.decode()
    assert "Saturday 19 December 2026, 18:00" in html
    assert "p.m." not in html and "Dec." not in html


def test_event_page_in_nynorsk_shows_the_nynorsk_description(client: Client, event: Any) -> None:
    html = client.get(f"/nn/arrangementer/{event.slug}/").content.decode()
    assert "Eit ope møte for alle." in html
    assert "Et åpent møte for alle." not in html
    # The title has no nynorsk version: bokmål, marked as such.
    assert '<h1 lang="nb">Åpent møte om selvhjelp</h1>' in html


def test_interest_in_nynorsk_gets_its_e_mail_in_nynorsk(
    client: Client, contact_point_molde: Any, django_capture_on_commit_callbacks: Any
) -> None:
    topic = make_topic()
    topic.name_nn = "Angst (nynorsk)"
    topic.save()
    page = client.get("/nn/interesse/")
    challenge = page.context["challenge"]
    data = valid_data(
        topic,
        pow_challenge=challenge.token,
        pow_solution=abuse.solve(challenge.nonce, challenge.bits),
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/nn/interesse/", data)
    assert response.status_code == 302
    assert response["Location"].startswith("/nn/interesse/takk/")
    assert Interest.objects.get().language == "nn"
    [message] = mail.outbox
    assert message.subject == "Vi har registrert interessemeldinga di"
    assert "Hei Ola," in message.body
    assert "sjølvhjelpsgruppe om «Angst (nynorsk)»" in message.body
    assert "/nn/interesse/status/" in message.body


def test_topic_names_fall_back_to_bokmal_in_nynorsk() -> None:
    topic = make_topic()
    with translation.override("nn"):
        assert topic.name == "Angst"
        topic.name_nn = "Angst på nynorsk"
        assert topic.name == "Angst på nynorsk"
    with translation.override("en"):
        assert topic.name == "Anxiety"
