"""The public "something wrong with this listing?" form: it lands in the queue of the
office responsible for the listing. Honeypot and a rate limit per address
(``knutepunkt.web.abuse``), as on the interest form."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from knutepunkt.feedback.services import change_request_submit
from knutepunkt.groups.models import SelfHelpGroup
from knutepunkt.network.models import ContactPoint, DistrictOffice
from knutepunkt.public.feedback.forms import ReportForm
from knutepunkt.web import abuse

RATE_LIMIT = 5
RATE_PREFIX = "feedback"


def _listing(kind: str, key: str) -> tuple[Any, str]:
    """The public listing and its page, or 404 (only what the site shows can be reported)."""
    if kind == "gruppe" and key.isascii() and key.isdigit() and len(key) < 12:
        group = SelfHelpGroup.objects.public().select_related("topic", "municipality")
        found = group.filter(pk=int(key)).first()
        if found is not None:
            return found, reverse("find:group", kwargs={"group_id": found.pk})
    elif kind == "kontaktpunkt":
        point = ContactPoint.objects.public().filter(slug=key[:100]).first()
        if point is not None:
            return point, reverse("directory:contact_point", kwargs={"slug": point.slug})
    elif kind == "kontor":
        office = DistrictOffice.objects.filter(slug=key[:80]).first()
        if office is not None:
            return office, reverse("directory:office", kwargs={"slug": office.slug})
    raise Http404


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


@sensitive_post_parameters("email", "message")
@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    listing, listing_url = _listing(kind, key)
    form = ReportForm(request.POST if request.method == "POST" else None, auto_id="report-%s")
    context = {"listing": listing, "listing_url": listing_url, "form": form, "standalone": True}
    if request.method != "POST":
        return _no_store(render(request, "feedback/report.html", context))
    if abuse.rate_exceeded(request, RATE_PREFIX, "report", RATE_LIMIT):
        return _no_store(render(request, "feedback/too_many.html", context, status=429))
    if form.is_honeypot:
        return HttpResponseRedirect(reverse("feedback:thanks"))
    if form.is_valid():
        try:
            change_request_submit(
                listing=listing,
                message=form.cleaned_data["message"],
                email=form.cleaned_data["email"] or "",
                language=(get_language() or "nb")[:2],
            )
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            abuse.rate_count(request, RATE_PREFIX, "report")
            return HttpResponseRedirect(reverse("feedback:thanks") + f"?til={listing_url}")
    return _no_store(render(request, "feedback/report.html", context, status=400))


def thanks(request: HttpRequest) -> HttpResponse:
    back = request.GET.get("til", "")
    # Only a path on this site: never an open redirect target.
    if not (back.startswith("/") and not back.startswith("//")):
        back = ""
    return _no_store(render(request, "feedback/thanks.html", {"back": back}))
