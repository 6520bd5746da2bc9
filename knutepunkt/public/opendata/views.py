"""Open data on the public site: the data page (files, fields, licence, the API), the
files themselves, and the page that says what may be listed and what never is."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from knutepunkt.opendata.directory import snapshot
from knutepunkt.opendata.files import LICENCE_NAME, LICENCE_URL, TABLES, csv_bytes, xlsx_bytes

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_safe
def data_page(request: HttpRequest) -> HttpResponse:
    context = {
        "tables": list(TABLES.values()),
        "licence_name": LICENCE_NAME,
        "licence_url": LICENCE_URL,
    }
    return render(request, "opendata/data.html", context)


@require_safe
def criteria(request: HttpRequest) -> HttpResponse:
    return render(request, "opendata/criteria.html")


def _file(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={settings.KNUTEPUNKT['PUBLIC_CACHE_SECONDS']}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _cached(key: str, build: object) -> bytes:
    """Files are built at most once per cache period: a rush of downloads costs one build."""
    body = cache.get(key)
    if body is None:
        body = build() if callable(build) else b""
        cache.set(key, body, int(settings.KNUTEPUNKT["PUBLIC_CACHE_SECONDS"]))
    return bytes(body)


@require_safe
def csv_file(request: HttpRequest, table: str) -> HttpResponse:
    found = next((t for t in TABLES.values() if t.filename == table), None)
    if found is None:
        raise Http404
    body = _cached(f"opendata:csv:{found.key}", lambda: csv_bytes(found, snapshot()))
    stamp = timezone.localdate().isoformat()
    return _file(body, "text/csv; charset=utf-8", f"selvhjelp-{found.filename}-{stamp}.csv")


@require_safe
def xlsx_file(request: HttpRequest) -> HttpResponse:
    body = _cached("opendata:xlsx", lambda: xlsx_bytes(snapshot()))
    stamp = timezone.localdate().isoformat()
    return _file(body, XLSX_TYPE, f"selvhjelp-katalog-{stamp}.xlsx")
