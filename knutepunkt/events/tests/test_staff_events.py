"""Staff event pages: create, edit, templates, and who may open what."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from knutepunkt.events.models import Event, EventKind, QuestionKind
from knutepunkt.events.tests.conftest import past_event
from knutepunkt.network.models import Partner, PartnerKind
from knutepunkt.staff.events.event_templates import INFORMATION_MEETING_HEALTHY_LIFE_CENTRE

pytestmark = pytest.mark.django_db

# Module constants are built at import, outside the autouse English activation: ask for
# the English (/en/) pages explicitly, since the tests assert English text.
with translation.override("en"):
    LIST = reverse("staff:events:event_list")
    CREATE = reverse("staff:events:event_create")


def form_data(**overrides: str) -> dict[str, str]:
    data = {
        "title": "Åpent møte i Molde",
        "kind": EventKind.OPEN_MEETING,
        "is_public": "on",
        "starts_at": "2031-05-04T18:00",
        "ends_at": "2031-05-04T20:00",
        "venue": "Molde bibliotek",
        "municipality": "1506",
        "capacity": "20",
        "has_waiting_list": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_office_staff_create_event_for_their_office(login, office_staff_midt, partner_molde):
    client = login(office_staff_midt)
    response = client.post(CREATE, form_data(partners=str(partner_molde.pk)))
    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:events:event_detail", args=[event.pk])
    assert event.office == office_staff_midt.office
    assert event.municipality is not None
    assert event.municipality.number == "1506"
    assert list(event.partners.all()) == [partner_molde]
    assert event.capacity == 20


def test_municipality_can_be_given_by_name(login, office_staff_midt):
    login(office_staff_midt).post(CREATE, form_data(municipality="molde"))
    found = Event.objects.get().municipality
    assert found is not None
    assert found.number == "1506"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"ends_at": "2031-05-04T17:00"}, "ends_at", "The end cannot be before the start."),
        (
            {"signup_opens_at": "2031-05-01T12:00", "signup_closes_at": "2031-04-30T12:00"},
            "signup_closes_at",
            "Sign-up cannot close before it opens.",
        ),
        ({"capacity": "-5"}, "capacity", "min_value"),
        ({"municipality": "9999"}, "municipality", "No municipality has the number 9999."),
        ({"municipality": "", "online": None}, "municipality", "Choose the municipality"),
    ],
)
def test_invalid_event_is_a_form_error_and_nothing_is_saved(
    login, office_staff_midt, overrides, field, message
):
    client = login(office_staff_midt)
    response = client.post(CREATE, form_data(**overrides), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    codes = [error.code for error in form.errors.as_data()[field]]
    assert message in " ".join(form.errors[field]) or message in codes
    assert 'class="error-summary"' in response.content.decode()
    assert not Event.objects.exists()


def test_edit_event_changes_it_and_invalid_edit_changes_nothing(
    login, office_staff_midt, make_event
):
    event = make_event(capacity=10)
    client = login(office_staff_midt)
    url = reverse("staff:events:event_edit", args=[event.pk])
    assert client.get(url).status_code == 200

    bad = form_data(title="Nytt navn", starts_at="2031-05-04T18:00", ends_at="2031-05-03T18:00")
    response = client.post(url, bad)
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.title == "Åpent møte om selvhjelp"

    response = client.post(url, form_data(title="Nytt navn", capacity="15"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Nytt navn"
    assert event.capacity == 15


def test_partner_of_another_office_is_refused_for_head_office(
    login, head_office_admin, office_midt, office_nord
):
    other = Partner.objects.create(name="Tromsø FLS", kind=PartnerKind.OTHER, office=office_nord)
    response = login(head_office_admin).post(
        CREATE, form_data(office=str(office_midt.pk), partners=str(other.pk))
    )
    assert response.status_code == 200
    assert "partners" in response.context["form"].errors
    assert not Event.objects.exists()


def test_template_prefills_the_information_meeting(login, office_staff_midt, office_midt):
    fls = Partner.objects.create(
        name="Frisklivssentralen i Molde", kind=PartnerKind.HEALTHY_LIFE_CENTRE, office=office_midt
    )
    client = login(office_staff_midt)
    html = client.get(LIST).content.decode()
    template = INFORMATION_MEETING_HEALTHY_LIFE_CENTRE
    assert f"?mal={template.key}" in html

    response = client.get(CREATE, {"mal": template.key})
    form = response.context["form"]
    initial = form.initial
    assert initial["title"] == "Informasjonstreff om selvorganisert selvhjelp"
    assert initial["kind"] == EventKind.INFORMATION_MEETING
    assert initial["target_group"] == "Innbyggere"
    assert "Hva er selvhjelp?" in initial["description"]
    assert "styrke mulighetene for mestring" in initial["description"]
    assert "komme i gang med en selvhjelpsgruppe" in initial["description"]
    assert "What is self-help?" in initial["description_en"]
    assert (initial["ends_at"] - initial["starts_at"]).total_seconds() == 2 * 3600
    assert fls.name in response.content.decode()  # the suggested partner type


def test_template_gives_two_hours_when_the_end_is_left_empty(login, office_staff_midt):
    data = form_data(ends_at="", template=INFORMATION_MEETING_HEALTHY_LIFE_CENTRE.key)
    response = login(office_staff_midt).post(CREATE, data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.ends_at - event.starts_at).total_seconds() == 2 * 3600


def test_starter_training_gets_the_consent_question(login, office_staff_midt):
    login(office_staff_midt).post(CREATE, form_data(kind=EventKind.STARTER_TRAINING))
    event = Event.objects.get()
    assert list(event.questions.values_list("kind", flat=True)) == [QuestionKind.STARTER_CONSENT]


def test_coordinator_creates_events_for_their_contact_point(
    login, contact_point_coordinator, contact_point_molde
):
    response = login(contact_point_coordinator).post(CREATE, form_data())
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.contact_point == contact_point_molde
    assert event.office == contact_point_molde.office


def test_list_shows_own_office_events_only(login, office_staff_nord, office_staff_midt, make_event):
    event = make_event(title="Midt-møte")
    assert "Midt-møte" in login(office_staff_midt).get(LIST).content.decode()
    assert "Midt-møte" not in login(office_staff_nord).get(LIST).content.decode()
    past_event(event, days_ago=3)
    html = login(office_staff_midt).get(LIST, {"vis": "tidligere"}).content.decode()
    assert "Midt-møte" in html


def test_every_past_event_can_be_reached_page_by_page(login, office_staff_midt, make_event):
    """Years of events: the list comes in pages (the oldest on the last), none left out."""
    from knutepunkt.web.pagination import PER_PAGE

    events = [make_event(title=f"Møte nr. {n:03d}") for n in range(PER_PAGE + 1)]
    # Move them into the past, the first made the longest ago (one day apart).
    for age, event in enumerate(reversed(events), start=1):
        past_event(event, days_ago=age)
    client = login(office_staff_midt)
    first = client.get(LIST, {"vis": "tidligere"}).content.decode()
    assert f"Møte nr. {PER_PAGE:03d}" in first and "Møte nr. 000" not in first
    assert 'href="?vis=tidligere&amp;page=2" rel="next"' in first
    last = client.get(LIST, {"vis": "tidligere", "page": "2"}).content.decode()
    assert "Møte nr. 000" in last and "Show upcoming events" in last


def _event_urls(event, registration, question) -> list[tuple[str, str]]:
    pk = event.pk
    return [
        ("get", reverse("staff:events:event_detail", args=[pk])),
        ("get", reverse("staff:events:event_edit", args=[pk])),
        ("post", reverse("staff:events:event_edit", args=[pk])),
        ("get", reverse("staff:events:event_attendance", args=[pk])),
        ("post", reverse("staff:events:event_attendance", args=[pk])),
        ("get", reverse("staff:events:event_message", args=[pk])),
        ("post", reverse("staff:events:event_message", args=[pk])),
        ("get", reverse("staff:events:event_export_csv", args=[pk])),
        ("get", reverse("staff:events:event_export_xlsx", args=[pk])),
        ("get", reverse("staff:events:question_add", args=[pk])),
        ("post", reverse("staff:events:question_add", args=[pk])),
        ("post", reverse("staff:events:question_delete", args=[pk, question.pk])),
        ("post", reverse("staff:events:registration_cancel", args=[pk, registration.pk])),
        ("post", reverse("staff:events:registration_confirm", args=[pk, registration.pk])),
    ]


@pytest.fixture
def event_with_signup(make_event):
    from knutepunkt.events.services import event_question_create, registration_create

    event = make_event(capacity=1)
    question = event_question_create(event=event, actor=None, text="Allergier?", kind="short_text")
    registration_create(event=event, name="Kari", email="kari@example.org")
    waiting = registration_create(event=event, name="Ola", email="ola@example.org")
    return event, waiting, question


def test_other_office_gets_404_on_every_event_url_and_nothing_changes(
    login, office_staff_nord, event_with_signup
):
    event, registration, question = event_with_signup
    client = login(office_staff_nord)
    data = form_data(title="Kapret", subject="Hei", body="Hei", recipients="all", text="X")
    data["attended_count"] = "3"
    for method, url in _event_urls(event, registration, question):
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, url
    event.refresh_from_db()
    registration.refresh_from_db()
    assert event.title == "Åpent møte om selvhjelp"
    assert registration.status == "waiting"
    assert event.questions.count() == 1


def test_coordinator_of_another_contact_point_gets_404(
    login, contact_point_coordinator, event_with_signup
):
    event, registration, question = event_with_signup  # an office event, no contact point
    client = login(contact_point_coordinator)
    for method, url in _event_urls(event, registration, question)[:1]:
        assert getattr(client, method)(url).status_code == 404


def test_funder_is_refused_every_event_url(login, funder_viewer, event_with_signup):
    event, registration, question = event_with_signup
    client = login(funder_viewer)
    assert client.get(LIST).status_code == 403
    assert client.get(CREATE).status_code == 403
    for method, url in _event_urls(event, registration, question):
        assert getattr(client, method)(url).status_code == 403, url


def test_coordinator_cannot_record_attendance(login, contact_point_coordinator, make_event):
    event = make_event(contact_point=contact_point_coordinator.contact_point)
    client = login(contact_point_coordinator)
    assert client.get(reverse("staff:events:event_detail", args=[event.pk])).status_code == 200
    assert client.get(reverse("staff:events:event_attendance", args=[event.pk])).status_code == 403


def test_without_second_factor_staff_pages_ask_for_the_code(login, office_staff_midt):
    response = login(office_staff_midt, second_factor=False).get(LIST)
    assert response.status_code == 302
    assert reverse("accounts:verify") in response["Location"]


def test_head_office_sees_every_office_event(login, head_office_admin, make_event):
    event = make_event()
    url = reverse("staff:events:event_detail", args=[event.pk])
    assert login(head_office_admin).get(url).status_code == 200
