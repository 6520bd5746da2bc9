"""The 404 and 500 pages. They render the site's templates, but must never fail
themselves: without the static files' manifest (collectstatic not run), with the database
down, or in the middle of a broken request they fall back to plain HTML that needs
nothing (no static file, no database, no template)."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _plain(title: str, text: str) -> str:
    return (
        '<!doctype html><html lang="nb"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} – Knutepunkt</title></head><body><main>"
        f"<h1>{escape(title)}</h1><p>{escape(text)}</p>"
        f'<p><a href="/">{escape(_("Go to the front page"))}</a></p></main></body></html>'
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    try:
        return HttpResponseNotFound(render_to_string("404.html", request=request))
    except Exception as exc:
        logger.warning("404 page fell back to plain HTML (%s)", type(exc).__name__)
        return HttpResponseNotFound(
            _plain(
                _("We could not find that page"),
                _("The page may have moved, or the address may be mistyped."),
            )
        )


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        return HttpResponseServerError(render_to_string("500.html"))
    except Exception as exc:
        logger.warning("500 page fell back to plain HTML (%s)", type(exc).__name__)
        return HttpResponseServerError(
            _plain(
                _("Something went wrong on our side"),
                _(
                    "Sorry – the page could not be shown right now. It is not something you "
                    "did. Please try again in a little while."
                ),
            )
        )
