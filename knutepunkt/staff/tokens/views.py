"""An office's API tokens for its own tools: make one (the key is shown once, here, and
never again), see which exist and when they were last used, revoke."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knutepunkt.staff.access import OFFICE_ROLES, staff_view
from knutepunkt.staff.tokens.forms import TokenForm
from knutepunkt.tokens.models import ApiToken
from knutepunkt.tokens.services import api_token_create, api_token_revoke
from knutepunkt.web.forms import add_service_errors


def _page(request: HttpRequest, form: TokenForm, key: str = "", status: int = 200) -> HttpResponse:
    tokens = (
        ApiToken.objects.visible_to(request.user)
        .select_related("office", "created_by")
        .order_by("revoked_at", "-created_at")
    )
    context: dict[str, Any] = {
        "form": form,
        "tokens": list(tokens),
        "new_key": key,
        "api_docs": reverse("api_docs"),
    }
    return render(request, "tokens/staff/token_list.html", context, status=status)


@staff_view(roles=OFFICE_ROLES)
def token_list(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, TokenForm(user=request.user, auto_id="token-%s"))
    form = TokenForm(request.POST, user=request.user, auto_id="token-%s")
    if form.is_valid():
        office = form.cleaned_data.get("office") or request.user.office  # type: ignore[union-attr]
        assert office is not None  # office staff always have one; head office chooses
        try:
            _token, key = api_token_create(
                actor=request.user,  # type: ignore[arg-type]
                office=office,
                name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"],
                expires_on=form.cleaned_data["expires_on"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            # Shown in this answer only (staff pages are never cached), never stored.
            return _page(request, TokenForm(user=request.user, auto_id="token-%s"), key=key)
    return _page(request, form, status=400)


@staff_view(roles=OFFICE_ROLES)
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = ApiToken.objects.visible_to(request.user).filter(pk=pk).first()
    if token is None:
        raise Http404
    api_token_revoke(actor=request.user, token=token)  # type: ignore[arg-type]
    messages.success(request, _("The token was revoked: it no longer works."))
    return HttpResponseRedirect(reverse("staff:tokens:token_list"))
