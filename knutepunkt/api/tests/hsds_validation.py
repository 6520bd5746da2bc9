"""Validate answers against the HSDS 3 files kept in the repository (not the shared folder,
so CI needs nothing outside the checkout): the schema the HSDS OpenAPI file names for a
path, with its references to raw.githubusercontent.com resolved to the local copies."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from knutepunkt.api.hsds import SPEC_DIR

UPSTREAM = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OPENAPI_URI = "urn:knutepunkt:hsds-openapi"


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def registry() -> Registry:
    resources = []
    for path in sorted(SPEC_DIR.rglob("*.json")):
        relative = path.relative_to(SPEC_DIR).as_posix()
        if relative == "openapi.json":
            continue
        resources.append((UPSTREAM + relative, Resource.from_contents(_load(path), DRAFT202012)))
    openapi = Resource.from_contents(_load(SPEC_DIR / "openapi.json"), DRAFT202012)
    return Registry().with_resources([*resources, (OPENAPI_URI, openapi)])


def _pointer(path: str) -> str:
    escaped = path.replace("~", "~0").replace("/", "~1")
    return f"{OPENAPI_URI}#/paths/{escaped}/get/responses/200/content/application~1json/schema"


# The upstream OpenAPI file names compiled/service.json for this path by mistake; the
# object it returns is a service_at_location (see standards/hsds-3/SOURCE.md).
OVERRIDES = {"/service_at_locations/{id}": UPSTREAM + "compiled/service_at_location.json"}


def validator(path_template: str) -> Draft202012Validator:
    ref = OVERRIDES.get(path_template) or _pointer(path_template)
    return Draft202012Validator(
        {"$ref": ref},
        registry=registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def errors(path_template: str, data: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(path_template).iter_errors(data)
    ]
