"""NUL characters in a query string never reach a view (PostgreSQL refuses them)."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from knutepunkt.web.middleware import StripNulFromQueryMiddleware


def _seen(query: str) -> HttpRequest:
    seen: list[HttpRequest] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(request)
        return HttpResponse()

    StripNulFromQueryMiddleware(view)(RequestFactory().get("/finn-hjelp/?" + query))
    return seen[0]


def test_nul_is_removed_from_names_and_values_and_the_rest_is_kept() -> None:
    request = _seen("q=an%00gst&sted=Mol%00de&sted=Oslo&x%00y=1")
    assert request.GET.getlist("sted") == ["Molde", "Oslo"]
    assert request.GET["q"] == "angst" and request.GET["xy"] == "1"
    assert "%00" not in request.get_full_path()
    assert not request.GET._mutable


def test_a_clean_query_is_left_as_it_came() -> None:
    request = _seen("q=angst&sted=%C3%85lesund")
    assert request.META["QUERY_STRING"] == "q=angst&sted=%C3%85lesund"
    assert request.GET["sted"] == "Ålesund"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/interesse/?topic=%00",
        "/interesse/?kommune=15%0006&topic=a%00b",
        "/finn-hjelp/?q=%00&sted=%00",
        "/arrangementer/?fylke=%00",
    ],
)
def test_public_pages_answer_a_nul_in_the_query(client: Any, path: str) -> None:
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_the_api_answers_a_nul_in_a_filter_with_its_own_message(client: Any) -> None:
    response = client.get("/api/v1/groups/?topic=%00")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
