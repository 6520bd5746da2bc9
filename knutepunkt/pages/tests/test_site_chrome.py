import pytest
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation

from knutepunkt.web.navigation import optional_reverse


def switch(client, page, language):
    """Press the language button on ``page``, as a browser without JavaScript would."""
    html = client.get(page).content.decode()
    switch = html.split('class="lang-switch"', 1)[1].split("</ul>", 1)[0]
    forms = [f for f in switch.split("</form>") if f'name="language" value="{language}"' in f]
    assert len(forms) == 1, switch
    assert 'action="/i18n/setlang/" method="post"' in forms[0]
    next_url = forms[0].split('name="next" type="hidden" value="', 1)[1].split('"', 1)[0]
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
def test_language_switch_offers_the_two_other_languages_in_their_own_names(client):
    html = client.get("/nn/kart/").content.decode()
    switch = html.split('class="lang-switch"', 1)[1].split("</ul>", 1)[0]
    assert 'value="nb" lang="nb">Norsk (bokmål)</button>' in switch
    assert 'value="en" lang="en">English</button>' in switch
    assert 'value="nn"' not in switch


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "language", "target"),
    [
        ("/kart/", "nn", "/nn/kart/"),
        ("/nn/kontorer/", "nb", "/kontorer/"),
        ("/nn/finn-hjelp/?q=angst", "en", "/en/finn-hjelp/?q=angst"),
        ("/en/om/personvern/", "nn", "/nn/om/personvern/"),
    ],
)
def test_language_switch_to_and_from_nynorsk_keeps_the_page(client, page, language, target):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = switch(client, page, language)
    assert response.status_code == 302
    assert response["Location"] == target
    assert client.get(target).headers["Content-Language"] == language


@pytest.mark.django_db
def test_every_page_names_its_three_language_versions(client):
    html = client.get("/nn/kart/?a=1").content.decode()
    for code, path in [("nb", "/kart/"), ("nn", "/nn/kart/"), ("en", "/en/kart/")]:
        link = f'<link rel="alternate" hreflang="{code}" href="http://testserver{path}?a=1">'
        assert link in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/kart/?a=1">' in html
    assert 'hreflang="' not in client.get("/finnes-ikke/").content.decode()


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
    assert 'class="skip-link" href="#main"' in html


@pytest.mark.django_db
def test_the_map_credit_stands_once_with_the_map_and_not_on_pages_without_one(client):
    """Kartverket is credited where its map data is drawn: once on /kart/, in the figure
    caption, not again in the footer of every page."""
    for path in ["/kart/", "/en/kart/", "/nn/kart/"]:
        html = client.get(path).content.decode()
        assert html.count("Kartverket (CC BY 4.0)") == 1, path
        assert "Kartverket" in html.split("</figure>")[0]
    assert "Kartverket" not in client.get("/en/").content.decode()


def test_optional_reverse_gives_empty_string_for_a_missing_view():
    assert optional_reverse("nowhere:nothing") == ""
    with translation.override("en"):
        assert optional_reverse("pages:home") == "/en/"


def test_the_500_page_renders_without_a_request():
    with translation.override("en"):
        html = get_template("500.html").render({})
    assert "Something went wrong" in html
    assert 'href="/en/"' in html
