import pytest
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation

from knutepunkt.web.navigation import optional_reverse


def switch(client, page, language):
    """Press the language button on ``page``, as a browser without JavaScript would."""
    html = client.get(page).content.decode()
    form = html.split('class="lang-switch"', 1)[1].split("</form>", 1)[0]
    assert 'action="/i18n/setlang/" method="post"' in form
    next_url = form.split('name="next" type="hidden" value="', 1)[1].split('"', 1)[0]
    assert f'name="language" value="{language}"' in form
    return client.post("/i18n/setlang/", {"language": language, "next": next_url})


@pytest.mark.django_db
def test_language_switch_returns_to_the_same_page_in_english(client):
    response = switch(client, "/kart/", "en")
    assert response.status_code == 302
    assert response["Location"] == "/en/kart/"


@pytest.mark.django_db
def test_language_switch_back_to_bokmal_without_a_language_cookie(client):
    # A visitor who followed a link straight to an English page, with a Norwegian browser.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "nb"
    response = switch(client, "/en/kontorer/", "nb")
    assert response["Location"] == "/kontorer/"


@pytest.mark.django_db
def test_language_switch_keeps_the_query_string(client):
    response = switch(client, "/kommune/?kommune=12", "en")
    assert response["Location"] == "/en/kommune/?kommune=12"


@pytest.mark.django_db
def test_main_nav_marks_the_current_page(client):
    html = client.get("/kart/").content.decode()
    assert '<a href="/kart/" aria-current="page">' in html
    assert '<a href="/" aria-current' not in html


@pytest.mark.django_db
def test_main_nav_marks_the_section_of_a_sub_page(client, office_midt):
    html = client.get(reverse("directory:office", kwargs={"slug": "midt"})).content.decode()
    assert '<a href="/kontorer/" aria-current="true">' in html


@pytest.mark.django_db
def test_main_nav_links_every_section_in_english(client):
    html = client.get("/en/").content.decode()
    for url in ["/en/finn-hjelp/", "/en/kart/", "/en/arrangementer/", "/en/kontorer/"]:
        assert f'href="{url}"' in html
    assert 'href="/en/om/hva-er-selvhjelp/"' in html
    assert 'href="/en/om/personvern/"' in html and 'href="/en/om/tilgjengelighet/"' in html
    assert "Kartverket (CC BY 4.0)" in html
    assert 'class="skip-link" href="#main"' in html


def test_optional_reverse_gives_empty_string_for_a_missing_view():
    assert optional_reverse("nowhere:nothing") == ""
    with translation.override("en"):
        assert optional_reverse("pages:home") == "/en/"


def test_the_500_page_renders_without_a_request():
    with translation.override("en"):
        html = get_template("500.html").render({})
    assert "Something went wrong" in html
    assert 'href="/en/"' in html
