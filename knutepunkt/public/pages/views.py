from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from knutepunkt.pages.markup import render_markup
from knutepunkt.pages.models import InfoPage

# Statements linked from the footer, not offered as reading on the front page.
FOOTER_PAGES = ("personvern", "tilgjengelighet")


def home(request: HttpRequest) -> HttpResponse:
    pages = list(InfoPage.objects.published().exclude(slug__in=FOOTER_PAGES))
    return render(request, "pages/home.html", {"pages": pages})


def info_index(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/info_index.html", {"pages": InfoPage.objects.published()})


def info_page(request: HttpRequest, slug: str) -> HttpResponse:
    pages = list(InfoPage.objects.published())
    page = next((p for p in pages if p.slug == slug), None)
    if page is None:
        raise Http404
    context = {
        "page": page,
        "body": render_markup(page.body),
        "others": [p for p in pages if p.slug != slug],
    }
    return render(request, "pages/info_page.html", context)
