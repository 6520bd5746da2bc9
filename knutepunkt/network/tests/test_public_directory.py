import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from knutepunkt.conftest import municipality
from knutepunkt.events.models import EventKind
from knutepunkt.events.services import event_create
from knutepunkt.geo.models import Municipality
from knutepunkt.groups.models import GroupFormat, GroupStatus
from knutepunkt.groups.services import group_create, topic_create
from knutepunkt.network.models import ContactPointStatus
from knutepunkt.network.services.contact_points import contact_point_create


@pytest.fixture(autouse=True)
def _fresh_cache_and_bokmal():
    # Requests leave their language active in the test thread: start every test in bokmål.
    cache.clear()
    with translation.override("nb"):
        yield
    cache.clear()


def url(name, language="nb", **kwargs):
    with translation.override(language):
        return reverse(f"directory:{name}", kwargs=kwargs or None)


@pytest.fixture
def grief(db):
    return topic_create(actor=None, slug="sorg", name_nb="Sorg", name_en="Grief")


@pytest.fixture
def planning_point(office_midt):
    return contact_point_create(
        actor=None,
        name="Selvhjelp Ålesund",
        slug="aalesund",
        office=office_midt,
        municipality=municipality("1508"),
        status=ContactPointStatus.PLANNING,
    )


def soon(days=10):
    return timezone.now() + datetime.timedelta(days=days)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nb", "en"])
def test_directory_pages_render_in_both_languages(client, contact_point_molde, language):
    pages = {
        url("office_list", language): "District offices",
        url("office", language, slug="midt"): "Møre og Romsdal og Trøndelag",
        url("contact_point", language, slug="molde"): "Kontaktpunkt for selvhjelp i Molde",
        url("municipality", language, number="1506"): "Molde",
        url("municipality_index", language): "All municipalities",
        url("map", language): "Map of self-help in Norway",
    }
    for address, title in pages.items():
        response = client.get(address)
        assert response.status_code == 200, address
        with translation.override(language):
            expected = translation.gettext(title) if title.isascii() else title
        head = response.content.decode().split("</title>")[0]
        assert expected in head, address


@pytest.mark.django_db
def test_municipality_page_lists_its_contact_point_and_district_office(client, contact_point_molde):
    html = client.get(url("municipality", number="1506")).content.decode()
    assert "Kontaktpunkt for selvhjelp i Molde" in html
    assert url("contact_point", slug="molde") in html
    assert "Møre og Romsdal og Trøndelag" in html
    assert url("office", slug="midt") in html
    assert "midt@example.org" in html


@pytest.mark.django_db
def test_municipality_served_but_not_host_lists_the_contact_point(client, contact_point_molde):
    contact_point_molde.municipalities_served.add(municipality("1547"))  # Aukra
    html = client.get(url("municipality", number="1547")).content.decode()
    assert "Kontaktpunkt for selvhjelp i Molde" in html


@pytest.mark.django_db
def test_municipality_with_nothing_points_to_the_district_office(client, office_midt):
    html = client.get(url("municipality", "en", number="1505")).content.decode()
    assert "Nothing listed in Kristiansund yet" in html
    assert url("office", "en", slug="midt") in html
    assert "midt@example.org" in html


@pytest.mark.django_db
def test_unknown_or_malformed_municipality_is_404(client, settings):
    settings.DEBUG = False
    assert client.get("/kommune/9999/").status_code == 404
    response = client.get("/kommune/abcd/")
    assert response.status_code == 404
    assert 'class="site-header"' in response.content.decode()


@pytest.mark.django_db
def test_municipality_lookup_form_redirects_and_rejects_nonsense(client):
    response = client.get(url("municipality_index"), {"kommune": "1506"})
    assert response.status_code == 302
    assert response["Location"] == url("municipality", number="1506")
    response = client.get(url("municipality_index"), {"kommune": "<b>12"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert "<b>12" not in response.content.decode()


@pytest.mark.django_db
def test_contact_point_page_shows_public_groups_but_never_members(
    client, contact_point_molde, grief
):
    group_create(
        actor=None,
        topic=grief,
        contact_point=contact_point_molde,
        status=GroupStatus.OPEN,
        meeting_time="Annenhver tirsdag",
    )
    group_create(
        actor=None,
        topic=grief,
        contact_point=contact_point_molde,
        status="ended",
        title="Avsluttet sorggruppe",
    )
    html = client.get(url("contact_point", slug="molde")).content.decode()
    assert "Sorg" in html and "Annenhver tirsdag" in html
    assert "Avsluttet sorggruppe" not in html
    assert "selvhjelp@molde.example" in html
    assert "Molde frivilligsentral" in html


@pytest.mark.django_db
def test_contact_point_under_planning_has_no_public_page(client, planning_point, settings):
    settings.DEBUG = False
    assert client.get(url("contact_point", slug="aalesund")).status_code == 404
    assert client.get(url("contact_point", slug="finnes-ikke")).status_code == 404


@pytest.mark.django_db
def test_office_page_lists_established_and_planning_points_separately(
    client, contact_point_molde, planning_point
):
    html = client.get(url("office", slug="midt")).content.decode()
    assert url("contact_point", slug="molde") in html
    planning_part = html.split(translation.gettext("Under planning"), 1)[1]  # bokmål heading
    assert "Selvhjelp Ålesund" in planning_part
    assert url("contact_point", slug="aalesund") not in html


@pytest.mark.django_db
def test_office_page_shows_upcoming_public_events_only(client, office_midt, office_nord):
    common = {
        "actor": None,
        "kind": EventKind.OPEN_MEETING,
        "starts_at": soon(),
        "ends_at": soon() + datetime.timedelta(hours=2),
        "municipality": municipality("1506"),
    }
    event_create(title="Åpent møte i Molde", office=office_midt, **common)
    event_create(title="Internt planmøte", office=office_midt, is_public=False, **common)
    event_create(title="Møte i Tromsø", office=office_nord, **common)
    html = client.get(url("office", slug="midt")).content.decode()
    assert "Åpent møte i Molde" in html
    assert "Internt planmøte" not in html and "Møte i Tromsø" not in html


@pytest.mark.django_db
def test_unknown_office_is_404(client):
    assert client.get(url("office", slug="finnes-ikke")).status_code == 404


@pytest.mark.django_db
def test_office_page_has_a_map_of_its_counties_only(client, office_midt):
    html = client.get(url("office", slug="midt")).content.decode()
    in_area = Municipality.objects.current().filter(county__number__in=["15", "50"]).count()
    assert in_area > 50
    assert html.count("<path ") == in_area
    assert url("municipality", number="1506") in html
    assert url("municipality", number="5501") not in html


def _add_contact_points(office, count):
    for index in range(count):
        cp = contact_point_create(
            actor=None,
            name=f"Kontaktpunkt {index}",
            slug=f"kp-{index}",
            office=office,
            municipality=municipality("1506"),
            status=ContactPointStatus.ESTABLISHED,
        )
        cp.municipalities_served.add(municipality("1547"))


@pytest.mark.django_db
def test_office_page_query_count_does_not_grow_with_contact_points(
    client, office_midt, django_assert_max_num_queries
):
    _add_contact_points(office_midt, 2)
    client.get(url("office", slug="midt"))  # warm the map cache
    with django_assert_max_num_queries(12) as few:
        client.get(url("office", slug="midt"))
    # Read now: the next request outside the capture empties Django's query log.
    baseline = len(few.captured_queries)
    assert baseline >= 3  # the office, its counties, its contact points at least
    for index in range(2, 12):
        contact_point_create(
            actor=None,
            name=f"Flere {index}",
            slug=f"flere-{index}",
            office=office_midt,
            municipality=municipality("1506"),
            status=ContactPointStatus.ESTABLISHED,
        )
    client.get(url("office", slug="midt"))  # the changed directory's index is built once
    with django_assert_max_num_queries(baseline):
        client.get(url("office", slug="midt"))


@pytest.mark.django_db
def test_groups_by_phone_are_counted_on_municipality_pages(client, office_midt, grief):
    group_create(
        actor=None,
        topic=grief,
        office=office_midt,
        format=GroupFormat.PHONE,
        status=GroupStatus.OPEN,
    )
    html = client.get(url("municipality", "en", number="0301")).content.decode()
    assert "There is 1 group by phone or online" in html


@pytest.mark.django_db
def test_description_without_english_is_shown_in_bokmal_and_marked_so(client, office_midt):
    contact_point_create(
        actor=None,
        name="Selvhjelp Kristiansund",
        slug="ksu",
        office=office_midt,
        municipality=municipality("1505"),
        status=ContactPointStatus.ESTABLISHED,
        description_nb="Vi holder til i <sentrum>.\n\n- Åpent hver tirsdag",
    )
    html = client.get(url("contact_point", "en", slug="ksu")).content.decode()
    assert '<div class="prose" lang="nb"><p>Vi holder til i &lt;sentrum&gt;.</p>' in html
    assert "<li>Åpent hver tirsdag</li>" in html
