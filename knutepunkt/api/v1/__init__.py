"""/api/v1/: the public, read-only API and the offices' token part, with django-ninja.

The OpenAPI 3.1 document is generated from the code at /api/v1/openapi.json; every
operation also documents the answers the shared machinery gives (422 for invalid
parameters, 429 when the rate limit is hit)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema

from knutepunkt.api.v1 import directory, events, geography, staff

DESCRIPTION = (
    "Open data from Knutepunkt, Selvhjelp Norge's directory of self-help groups, local "
    "contact points and meeting places, district offices and public events. Read-only, no "
    "key needed, open to any origin (CORS) for GET, licensed under the Norwegian Licence "
    "for Open Government Data (NLOD 2.0). Answers are in Norwegian bokmål or English "
    "(`?lang=` or `Accept-Language`), paginated (`page`, `per_page`), carry an ETag "
    "(send `If-None-Match` to get 304) and may be cached for a minute. Groups are closed "
    "and confidential: their place is given as the municipality only, and contact goes "
    "through an organisation, never a member. The `/staff/` operations need an office's "
    "API token."
)

_ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
_VALIDATION_ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "array", "items": {"type": "object"}}},
    "required": ["detail"],
}


def _json(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


class KnutepunktAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Any) -> str:
        return str(operation.view_func.__name__)

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for operations in schema["paths"].values():
            for operation in operations.values():
                # ninja keys responses by int; one kind of key, or JSON gets duplicates.
                responses = {str(code): value for code, value in operation["responses"].items()}
                operation["responses"] = responses
                if operation.get("parameters") or operation.get("requestBody"):
                    responses.setdefault(
                        "422", _json(_("Invalid parameters or body."), _VALIDATION_ERROR)
                    )
                responses.setdefault(
                    "429", _json(_("Too many requests: wait and try again."), _ERROR)
                )
                if operation.get("security"):
                    responses.setdefault("401", _json(_("No valid API token."), _ERROR))
                    responses.setdefault("403", _json(_("The token may not do this."), _ERROR))
        return schema


api = KnutepunktAPI(
    title="Knutepunkt API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    docs_url=None,
    openapi_extra={
        "info": {
            "license": {"name": "NLOD 2.0", "url": "https://data.norge.no/nlod/en/2.0"},
            "contact": {"name": "Selvhjelp Norge"},
        }
    },
)
api.add_router("", directory.router)
api.add_router("", geography.router)
api.add_router("", events.router)
api.add_router("/staff", staff.router)


@api.exception_handler(staff.ScopeError)
def scope_error(request: HttpRequest, exc: staff.ScopeError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=403)
