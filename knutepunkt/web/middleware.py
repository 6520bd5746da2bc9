"""Request hygiene shared by every page."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict

NUL = "\x00"


class StripNulFromQueryMiddleware:
    """Removes NUL characters from query-string names and values.

    A NUL is never part of a real search or link, but a crawler sends ``?topic=%00``, and
    PostgreSQL refuses NUL in any text it compares (a 500 wherever a view looks a value up).
    Stripping it here protects every view at once; forms that are posted keep Django's own
    check, which answers with a field error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or NUL in query:
            cleaned = QueryDict(mutable=True)
            for name, values in request.GET.lists():
                cleaned.setlist(name.replace(NUL, ""), [v.replace(NUL, "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned  # type: ignore[assignment]  # made immutable above
            request.META["QUERY_STRING"] = cleaned.urlencode()
        return self.get_response(request)
