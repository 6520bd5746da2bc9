"""One way to split a long staff or public list into pages.

``paginate`` returns the requested page (a bad or too high page number gives the nearest
real page, never an error) and the rest of the query string, so the page links keep the
filters. Use it with ``includes/pagination.html``.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PER_PAGE = 50


def paginate(request: HttpRequest, items: Any, per_page: int = PER_PAGE) -> tuple[Page, str]:
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
