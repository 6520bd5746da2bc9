"""The human-readable page about the API, drawn from the generated OpenAPI document: every
operation with its parameters and answers, in the site's look and languages, without any
script (nothing from a CDN, nothing the Content-Security-Policy would have to allow)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from knutepunkt.api.v1 import api

METHOD_ORDER = {"get": 0, "post": 1, "put": 2, "patch": 3, "delete": 4}


def _schema_text(schema: dict[str, Any]) -> str:
    """A short type description of a parameter: `string`, `integer 1–100`, one of …"""
    if "anyOf" in schema:
        parts = [s for s in schema["anyOf"] if s.get("type") != "null"]
        if len(parts) == 1:
            return _schema_text(parts[0])
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    text = str(schema.get("type", ""))
    if schema.get("format"):
        text += f" ({schema['format']})"
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        text += f" {low}–{high}"
    return text


def operations() -> list[dict[str, Any]]:
    schema = api.get_openapi_schema()
    found = []
    for path, methods in schema["paths"].items():
        for method, operation in sorted(methods.items(), key=lambda m: METHOD_ORDER.get(m[0], 9)):
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "id": operation.get("operationId", ""),
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "token": bool(operation.get("security")),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "required": p.get("required", False),
                            "type": _schema_text(p.get("schema", {})),
                            "description": p.get("description", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return found


@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    context = {
        "operations": operations(),
        "openapi_url": reverse("api-v1:openapi-json"),
        "api_root": request.build_absolute_uri(reverse("api-v1:openapi-json"))[
            : -len("openapi.json")
        ],
    }
    return render(request, "api/docs.html", context)
