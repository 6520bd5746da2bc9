"""A person's data request, for head office: find everything held about one e-mail address
or phone number across the system, download it (the right of access) and delete it (the
right to erasure). The value is posted, never put in a URL (URLs end up in logs), and
every look-up, export and erasure is audited without it (``knutepunkt.workflows.erasure``).
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from knutepunkt.accounts.models import Role
from knutepunkt.staff.access import staff_view
from knutepunkt.staff.privacy.forms import PersonLookupForm
from knutepunkt.workflows.erasure import SOURCES, person_erase, person_export, person_find

TEMPLATE = "privacy/staff/person_data.html"


def _export(request: HttpRequest, form: PersonLookupForm) -> HttpResponse:
    document = person_export(contact=form.contact_value(), actor=request.user)  # type: ignore[arg-type]
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="personopplysninger-{day}.json"'
    return response


@sensitive_variables()
@sensitive_post_parameters("contact")
@staff_view(roles={Role.HEAD_OFFICE})
def person_data_view(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST ``action=find``: what is held; ``export``: the JSON download;
    ``erase`` (with the confirmation ticked): delete it all, then say what went."""
    if request.method != "POST":
        return render(request, TEMPLATE, {"form": PersonLookupForm(), "sources": SOURCES})
    form = PersonLookupForm(request.POST)
    context: dict[str, Any] = {"form": form, "sources": SOURCES}
    if not form.is_valid():
        return render(request, TEMPLATE, context)
    action = request.POST.get("action", "find")
    user: Any = request.user
    if action == "export":
        return _export(request, form)
    if action == "erase":
        if not form.cleaned_data["confirm"]:
            form.add_error("confirm", _("Tick the box to confirm the deletion."))
        else:
            result = person_erase(contact=form.contact_value(), actor=user)
            labels = {source.key: source.label for source in SOURCES}
            context.update(
                form=PersonLookupForm(),
                erased=[(labels[key], n) for key, n in result.erased.items()],
                kept=[(labels[key], n) for key, n in result.kept.items()],
                total=sum(result.erased.values()),
            )
            return render(request, TEMPLATE, context)
    holdings = person_find(contact=form.contact_value(), actor=user)
    context.update(holdings=holdings, found=sum(len(h.rows) for h in holdings))
    return render(request, TEMPLATE, context)
