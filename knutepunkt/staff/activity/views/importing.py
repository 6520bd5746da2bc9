"""Import a year's spreadsheet: upload → preview of every row → confirm → summary.

The checked rows wait in the server-side session between preview and confirm; the
browser only sends back a random token, so it can never alter what is imported."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knutepunkt.activity import services
from knutepunkt.activity.imports import (
    ImportFileError,
    References,
    check_rows,
    fingerprint,
    preview_rows,
    read_table,
    service_row,
    stored_row,
)
from knutepunkt.network.access import get_office_for_user
from knutepunkt.network.models import DistrictOffice
from knutepunkt.staff.access import OFFICE_ROLES, staff_view
from knutepunkt.staff.activity.forms import ImportConfirmForm, ImportUploadForm

SESSION_KEY = "activity_import"


def _office(request: HttpRequest, form: ImportUploadForm) -> DistrictOffice:
    user: Any = request.user
    return form.cleaned_data["office"] if user.is_head_office else user.office


@staff_view(roles=OFFICE_ROLES)
def activity_import(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if request.method != "POST":
        return render(request, "activity/staff/import.html", {"form": ImportUploadForm(user=user)})
    form = ImportUploadForm(request.POST, request.FILES, user=user)
    if not form.is_valid():
        return render(request, "activity/staff/import.html", {"form": form})
    office = _office(request, form)
    try:
        table = read_table(form.cleaned_data["file"])
    except ImportFileError as exc:
        form.add_error("file", str(exc))
        return render(request, "activity/staff/import.html", {"form": form})
    rows = check_rows(table, References.for_office(office))
    file_fingerprint = fingerprint(rows)
    try:
        services.ensure_not_imported(office, file_fingerprint)
    except ValidationError as exc:
        request.session.pop(SESSION_KEY, None)
        form.add_error("file", exc)
        return render(request, "activity/staff/import.html", {"form": form})
    token = secrets.token_urlsafe(24)
    importable = [stored_row(row) for row in rows if not row.errors]
    unknown = sorted({name for row in rows if not row.errors for name in row.unknown_partners})
    request.session[SESSION_KEY] = {
        "token": token,
        "office": office.pk,
        "rows": importable,
        "rejected": sum(1 for row in rows if row.errors),
        "unknown_partners": unknown,
        "fingerprint": file_fingerprint,
        "file_name": str(getattr(form.cleaned_data["file"], "name", "") or "")[:255],
    }
    shown = preview_rows(rows)
    return render(
        request,
        "activity/staff/import_preview.html",
        {
            "rows": rows,
            "shown_rows": shown,
            "not_shown": len(rows) - len(shown),
            "office": office,
            "ok_count": sum(1 for row in rows if row.ok),
            "partner_count": sum(1 for row in rows if not row.errors and row.unknown_partners),
            "rejected_count": sum(1 for row in rows if row.errors),
            "unknown_partners": unknown,
            "confirm": ImportConfirmForm(initial={"token": token}),
        },
    )


@staff_view(roles=OFFICE_ROLES)
@require_POST
def activity_import_confirm(request: HttpRequest) -> HttpResponse:
    """Import the good rows of the preview in one transaction, then show a summary."""
    user: Any = request.user
    stored = request.session.get(SESSION_KEY)
    form = ImportConfirmForm(request.POST)
    if not stored or (not form.is_valid() and "token" in form.errors):
        messages.error(request, _("The preview has expired. Upload the file again."))
        return redirect("staff:activity:activity_import")
    if not secrets.compare_digest(str(form.data.get("token", "")), stored["token"]):
        messages.error(request, _("The preview has expired. Upload the file again."))
        return redirect("staff:activity:activity_import")
    office = get_office_for_user(user, stored["office"])
    if not form.is_valid():
        return render(
            request,
            "activity/staff/import_confirm.html",
            {"confirm": form, "stored": stored, "office": office},
        )
    create = form.cleaned_data["create_partners"]
    chosen = [row for row in stored["rows"] if create or not row["new_partner_names"]]
    try:
        activities = services.activity_import(
            actor=user,
            office=office,
            rows=[service_row(row) for row in chosen],
            new_partner_kind=form.cleaned_data["new_partner_kind"] or None,
            fingerprint=stored.get("fingerprint", ""),
            file_name=stored.get("file_name", ""),
        )
    except ValidationError as exc:
        messages.error(
            request,
            _("Nothing was imported: %(errors)s") % {"errors": " ".join(exc.messages)},
        )
        return redirect("staff:activity:activity_import")
    del request.session[SESSION_KEY]
    skipped = stored["rejected"] + len(stored["rows"]) - len(chosen)
    years = sorted({a.date.year for a in activities})
    return render(
        request,
        "activity/staff/import_done.html",
        {
            "imported": len(activities),
            "skipped": skipped,
            "created_partners": stored["unknown_partners"] if create else [],
            "office": office,
            "year": years[0] if len(years) == 1 else None,
        },
    )
