import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from knutepunkt.conftest import municipality
from knutepunkt.groups.models import GroupStatus
from knutepunkt.groups.services import group_create, topic_create
from knutepunkt.network.models import ContactPointStatus
from knutepunkt.network.services.contact_points import contact_point_create

SIZE_TARGET = 250 * 1024


@pytest.fixture(autouse=True)
def _fresh_cache_and_bokmal():
    # Requests leave their language active in the test thread: start every test in bokmål.
    cache.clear()
    with translation.override("nb"):
        yield
    cache.clear()


def svg_of(html):
    return html[html.index("<svg") : html.index("</svg>") + 6]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nb", "en"])
def test_national_map_has_every_municipality_linked(client, language):
    with translation.override(language):
        map_url = reverse("directory:map")
        molde = reverse("directory:municipality", kwargs={"number": "1506"})
    response = client.get(map_url)
    assert response.status_code == 200
    svg = svg_of(response.content.decode())
    assert svg.count("<path ") == 357
    assert svg.count("<a href=") == 357
    assert f'<a href="{molde}" aria-label="Molde: ' in svg
    assert 'viewBox="0 0 ' in svg
    assert len(svg.encode()) < SIZE_TARGET


@pytest.mark.django_db
def test_national_map_page_is_under_the_size_target_and_credits_kartverket(client):
    html = client.get(reverse("directory:map")).content.decode()
    assert len(html.encode()) < SIZE_TARGET
    assert "Kartverket (CC BY 4.0)" in html.split("</figure>")[0]
    assert "<figcaption" in html


@pytest.mark.django_db
def test_map_colours_municipalities_by_what_exists_and_lists_them(client, contact_point_molde):
    grief = topic_create(actor=None, slug="sorg", name_nb="Sorg", name_en="Grief")
    group_create(
        actor=None,
        topic=grief,
        office=contact_point_molde.office,
        municipality="5001",
        status=GroupStatus.FORMING,
    )
    with translation.override("en"):
        html = client.get(reverse("directory:map")).content.decode()
    svg = svg_of(html)
    molde = svg.split('href="/en/kommune/1506/"', 1)[1].split("</a>", 1)[0]
    trondheim = svg.split('href="/en/kommune/5001/"', 1)[1].split("</a>", 1)[0]
    oslo = svg.split('href="/en/kommune/0301/"', 1)[1].split("</a>", 1)[0]
    assert 'class="m-cp"' in molde
    assert 'class="m-grp"' in trondheim
    assert 'class="m-none"' in oslo
    text_list = html.split('id="list-heading"', 1)[1]
    assert 'href="/en/kommune/1506/">Molde</a>' in text_list
    assert "/en/kommune/5001/" in text_list
    assert "/en/kommune/0301/" not in text_list


@pytest.mark.django_db
def test_map_reflects_a_new_contact_point_despite_the_cache(client, office_midt):
    client.get(reverse("directory:map"))
    cp = contact_point_create(
        actor=None,
        name="Selvhjelp Oslo",
        slug="oslo",
        office=office_midt,
        municipality=municipality("0301"),
        status=ContactPointStatus.ESTABLISHED,
    )
    assert cp.status == ContactPointStatus.ESTABLISHED
    svg = svg_of(client.get(reverse("directory:map")).content.decode())
    oslo = svg.split('href="/kommune/0301/"', 1)[1].split("</a>", 1)[0]
    assert 'class="m-cp"' in oslo


@pytest.mark.django_db
def test_planning_contact_points_do_not_colour_the_map(client, office_midt):
    contact_point_create(
        actor=None,
        name="Selvhjelp Oslo",
        slug="oslo",
        office=office_midt,
        municipality=municipality("0301"),
        status=ContactPointStatus.PLANNING,
    )
    svg = svg_of(client.get(reverse("directory:map")).content.decode())
    assert 'class="m-cp"' not in svg


@pytest.mark.django_db
def test_map_page_query_count_does_not_grow_with_contact_points(
    client, office_midt, django_assert_max_num_queries
):
    def add(start, count):
        for index in range(start, start + count):
            cp = contact_point_create(
                actor=None,
                name=f"Kontaktpunkt {index}",
                slug=f"kp-{index}",
                office=office_midt,
                municipality=municipality(["1506", "1505", "5001", "1508"][index % 4]),
                status=ContactPointStatus.ESTABLISHED,
            )
            cp.municipalities_served.add(municipality("1547"))

    add(0, 1)
    with django_assert_max_num_queries(10) as first:
        client.get(reverse("directory:map"))
    add(1, 12)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(reverse("directory:map"))


@pytest.mark.django_db
def test_the_indexed_coverage_equals_the_counted_one_and_follows_changes(client, office_midt):
    """The office page colours its map from the in-memory index: it must say what the
    database says, for every kind of row, and change when a service changes something."""
    from knutepunkt.public.network.directory import coverage, indexed_coverage

    grief = topic_create(actor=None, slug="sorg", name_nb="Sorg", name_en="Grief")
    served = contact_point_create(
        actor=None,
        name="Selvhjelp Romsdal",
        slug="romsdal",
        office=office_midt,
        municipality=municipality("1506"),
        municipalities_served=[municipality("1539"), municipality("1547")],
        status=ContactPointStatus.ESTABLISHED,
    )
    contact_point_create(  # planning: colours nothing, serves nothing yet
        actor=None,
        name="Selvhjelp Sunndal",
        slug="sunndal",
        office=office_midt,
        municipality=municipality("1563"),
        municipalities_served=[municipality("1566")],
        status=ContactPointStatus.PLANNING,
    )
    for kind in (
        {"municipality": "5001", "status": GroupStatus.OPEN},  # its own place
        {"contact_point": served, "status": GroupStatus.FORMING},  # its contact point's
        {"municipality": "1505", "status": GroupStatus.ENDED},  # not public
        {"format": "online", "status": GroupStatus.OPEN},  # no place at all
    ):
        group_create(actor=None, topic=grief, office=office_midt, **kind)

    def both() -> tuple[tuple[frozenset[int], frozenset[int]], ...]:
        counted, indexed = coverage().data, indexed_coverage().data
        return tuple((c.served_ids, c.group_ids) for c in (counted, indexed))

    counted, indexed = both()
    assert indexed == counted
    ids = {number: municipality(number).pk for number in ("1506", "1539", "1566", "5001", "1505")}
    assert {ids["1506"], ids["1539"]} <= counted[0] and ids["1566"] not in counted[0]
    assert {ids["5001"], ids["1506"]} <= counted[1] and ids["1505"] not in counted[1]

    # A new group through the service: both views change, and so does the office page.
    page = client.get(reverse("directory:office", kwargs={"slug": "midt"})).content.decode()
    assert 'href="/kommune/1505/" aria-label="Kristiansund' in page
    assert 'class="m-grp"' not in page.split('href="/kommune/1505/"', 1)[1].split("</a>", 1)[0]
    group_create(actor=None, topic=grief, office=office_midt, municipality="1505")
    counted, indexed = both()
    assert indexed == counted and ids["1505"] in counted[1]
    page = client.get(reverse("directory:office", kwargs={"slug": "midt"})).content.decode()
    assert 'class="m-grp"' in page.split('href="/kommune/1505/"', 1)[1].split("</a>", 1)[0]
