import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from knutepunkt.core.models import AuditEntry
from knutepunkt.pages.models import InfoPage
from knutepunkt.pages.services import info_page_update

INITIAL_SLUGS = [
    "hva-er-selvhjelp",
    "slik-foregar-en-gruppe",
    "starte-gruppe",
    "for-fagfolk",
    "distriktskontorene",
    "personvern",
    "tilgjengelighet",
]


def page_url(slug, language):
    with translation.override(language):
        return reverse("pages:info_page", kwargs={"slug": slug})


def title_of(response):
    html = response.content.decode()
    return html.split("<title>", 1)[1].split("</title>", 1)[0]


@pytest.mark.django_db
def test_the_data_migration_created_every_page_in_both_languages():
    pages = {p.slug: p for p in InfoPage.objects.published()}
    assert sorted(pages) == sorted(INITIAL_SLUGS)
    for page in pages.values():
        assert page.title_nb and page.title_en and page.body_nb and page.body_en
        assert page.title_nb != page.title_en


@pytest.mark.django_db
@pytest.mark.parametrize("slug", INITIAL_SLUGS)
@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_info_page_renders_with_its_title_in_each_language(client, slug, language):
    page = InfoPage.objects.get(slug=slug)
    response = client.get(page_url(slug, language))
    assert response.status_code == 200
    expected = page.title_en if language == "en" else page.title_nb
    assert title_of(response).startswith(expected)
    assert f"<h1>{expected}</h1>" in response.content.decode()


@pytest.mark.django_db
def test_what_happens_in_a_group_names_the_principles(client):
    html = client.get(page_url("slik-foregar-en-gruppe", "nb")).content.decode()
    for word in ["Lukket", "Lederløs", "Taushetsplikt", "Frivillig", "Gratis", "fagperson"]:
        assert word in html
    assert "<ul>" in html and "<h2>" in html


@pytest.mark.django_db
def test_accessibility_statement_names_the_standard_and_the_complaint_body(client):
    html = client.get(page_url("tilgjengelighet", "nb")).content.decode()
    assert "WCAG 2.1" in html
    assert "Digitaliseringsdirektoratet" in html
    assert 'href="https://www.uutilsynet.no/"' in html


@pytest.mark.django_db
def test_an_unpublished_page_is_not_found(client):
    InfoPage.objects.filter(slug="for-fagfolk").update(is_published=False)
    assert client.get(page_url("for-fagfolk", "nb")).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nb", "en"])
def test_unknown_page_gives_the_friendly_404(client, settings, language):
    settings.DEBUG = False
    response = client.get(page_url("finnes-ikke", language))
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert reverse("directory:office_list") in html or "/kontorer/" in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nb", "en"])
def test_home_and_index_render(client, language):
    with translation.override(language):
        home, index = reverse("pages:home"), reverse("pages:info_index")
    for url in (home, index):
        response = client.get(url)
        assert response.status_code == 200
    html = client.get(home).content.decode()
    page = InfoPage.objects.get(slug="hva-er-selvhjelp")
    assert (page.title_en if language == "en" else page.title_nb) in html


@pytest.mark.django_db
def test_home_page_search_form_goes_to_the_find_page(client):
    html = client.get(reverse("pages:home")).content.decode()
    assert f'action="{reverse("find:search")}"' in html
    assert 'name="q"' in html and 'name="sted"' in html


@pytest.mark.django_db
def test_head_office_updates_a_page_and_the_change_is_audited(head_office_admin):
    page = InfoPage.objects.get(slug="personvern")
    info_page_update(page=page, actor=head_office_admin, summary_nb="Ny oppsummering")
    page.refresh_from_db()
    assert page.summary_nb == "Ny oppsummering"
    entry = AuditEntry.objects.get(action="pages.info_page.updated")
    assert entry.actor == head_office_admin
    assert entry.data == {"changed": ["summary_nb"]}


@pytest.mark.django_db
def test_office_staff_cannot_update_a_page(office_staff_midt):
    page = InfoPage.objects.get(slug="personvern")
    with pytest.raises(PermissionDenied):
        info_page_update(page=page, actor=office_staff_midt, title_nb="Hei")


@pytest.mark.django_db
def test_head_office_edits_pages_in_the_admin(login, head_office_admin):
    page = InfoPage.objects.get(slug="starte-gruppe")
    url = reverse("admin:pages_infopage_change", args=[page.pk])
    client = login(head_office_admin)
    assert client.get(url).status_code == 200
    data = {
        field: getattr(page, field)
        for field in ["slug", "title_nb", "title_en", "summary_nb", "summary_en", "body_nb"]
    }
    data.update(body_en="## New\n\nText.", menu_order=page.menu_order, is_published="on")
    response = client.post(url, data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body_en == "## New\n\nText."
    assert AuditEntry.objects.filter(action="pages.info_page.updated").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["office_staff_midt", "contact_point_coordinator"])
def test_other_staff_cannot_see_pages_in_the_admin(login, request, persona):
    client = login(request.getfixturevalue(persona))
    response = client.get(reverse("admin:pages_infopage_changelist"))
    assert response.status_code == 403
