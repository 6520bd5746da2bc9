import pytest

from knutepunkt.pages.markup import render_markup


def test_html_in_the_text_is_shown_as_text_not_run():
    html = render_markup('Hei <script>alert("x")</script> & <b>fet</b>')
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&amp;" in html
    assert "&lt;b&gt;" in html


def test_blank_lines_separate_paragraphs_and_single_newlines_join():
    html = render_markup("Første linje\nfortsetter her.\n\nNytt avsnitt.")
    assert html == "<p>Første linje fortsetter her.</p>\n<p>Nytt avsnitt.</p>"


def test_headings_and_bullet_lists():
    html = render_markup("## Slik gjør du\n- én\n- to <i>\n\n### Mer")
    assert html == (
        "<h2>Slik gjør du</h2>\n<ul><li>én</li><li>to &lt;i&gt;</li></ul>\n<h3>Mer</h3>"
    )


def test_a_list_right_after_a_paragraph_line_starts_a_list():
    html = render_markup("Du kan:\n- lese\n- skrive")
    assert html == "<p>Du kan:</p>\n<ul><li>lese</li><li>skrive</li></ul>"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.uutilsynet.no/",
        "http://example.org/a?b=1",
        "mailto:post@x.no",
        "/kart/",
        "#mer",
    ],
)
def test_safe_links_are_rendered(url):
    html = render_markup(f"Se [her]({url}).")
    assert f'<a href="{url}">her</a>' in html.replace("&amp;", "&")


@pytest.mark.parametrize(
    "url", ["javascript:alert`1`", "JavaScript:void", "data:text/html,x", "//evil.example/"]
)
def test_unsafe_links_keep_their_text_but_lose_the_link(url):
    html = render_markup(f"Se [her]({url}) nå")
    assert "<a" not in html
    assert html == "<p>Se her nå</p>"


def test_link_text_and_url_are_escaped():
    html = render_markup('[<img src=x onerror=alert(1)>](/a"onmouseover="x)')
    assert "<img" not in html
    assert 'href="/a&quot;onmouseover=&quot;x"' in html


def test_bold_is_escaped_inside():
    assert render_markup("**Gratis <3**") == "<p><strong>Gratis &lt;3</strong></p>"


def test_a_javascript_link_with_parentheses_is_not_a_link_either():
    html = render_markup("[her](javascript:alert(1))")
    assert "<a" not in html
    assert "href" not in html
