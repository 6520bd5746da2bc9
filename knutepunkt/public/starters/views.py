"""The page behind the link in a starter's reminder e-mail: keep the record in the
office's register, or withdraw consent and have it deleted now. No login; the page shows
the person's own details, so it is never cached."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_http_methods

from knutepunkt.starters.models import Starter
from knutepunkt.starters.services import starter_keep, starter_withdraw_consent
from knutepunkt.starters.tokens import BadToken, read_status_token


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


def _starter_from_token(token: str) -> Starter | None:
    try:
        pk, key = read_status_token(token)
    except BadToken:
        return None
    return Starter.objects.select_related("office").filter(pk=pk, access_key=key).first()


@sensitive_variables()
@require_http_methods(["GET", "HEAD", "POST"])
def status(request: HttpRequest, token: str) -> HttpResponse:
    starter = _starter_from_token(token)
    if starter is None:
        return _no_store(render(request, "starters/link_invalid.html", status=404))
    notice = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "delete":
            starter_withdraw_consent(actor=None, starter=starter)
            return _no_store(render(request, "starters/deleted.html"))
        if action == "keep":
            starter_keep(starter=starter, actor=None)
            notice = "kept"
    context = {"starter": starter, "notice": notice}
    return _no_store(render(request, "starters/status.html", context))
