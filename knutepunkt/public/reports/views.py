"""The public statistics page: no sign-in, small counts suppressed, cached."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.formats import number_format
from django.utils.translation import gettext

from knutepunkt.core.disclosure import SECONDARY, SMALL, Published, PublishedTable
from knutepunkt.reports.statistics import public_statistics


def _display(value: Published | None) -> dict[str, Any]:
    if value == SMALL:
        return {"text": gettext("under 5"), "hidden": True}
    if value == SECONDARY:
        return {"text": gettext("hidden"), "hidden": True}
    # Grouped as the page's language writes numbers: "1 234" (bokmål, nynorsk), "1,234".
    text = "" if value is None else number_format(value, force_grouping=True)
    return {"text": text, "hidden": False}


def _rows(table: PublishedTable) -> dict[str, Any]:
    """Display strings computed once, not in template filters."""
    rows = []
    for index, label in enumerate(table.rows):
        cells = [_display(v) for v in table.cells[index]]
        total = _display(table.row_totals[index]) if table.row_totals else None
        rows.append({"label": label, "cells": cells, "total": total})
    return {
        "columns": table.columns,
        "rows": rows,
        "has_row_totals": table.row_totals is not None,
        "column_totals": [_display(v) for v in table.column_totals or ()],
        "grand_total": _display(table.grand_total) if table.grand_total is not None else None,
    }


def statistics_page(request: HttpRequest) -> HttpResponse:
    stats = public_statistics()
    response = render(
        request,
        "reports/statistics/index.html",
        {
            "year": stats.year,
            "county_table": _rows(stats.county_table),
            "group_table": _rows(stats.group_table),
        },
    )
    patch_cache_control(response, public=True, max_age=settings.KNUTEPUNKT["PUBLIC_CACHE_SECONDS"])
    return response
