"""The machine-readable side, outside the language prefixes (the language is a parameter):
/api/v1/ (JSON and its OpenAPI document), /api/hsds/ (Open Referral HSDS 3) and
/api/meeting-guide.json. Anything else under them is a JSON 404."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path, re_path

from knutepunkt.api import hsds, meeting_guide
from knutepunkt.api.errors import not_found
from knutepunkt.api.v1 import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("v1/", api.urls),
    path("hsds/", hsds.root, name="hsds_root"),
    path("hsds/openapi.json", hsds.openapi_document, name="hsds_openapi"),
    path("hsds/services", hsds.service_list, name="hsds_services"),
    path("hsds/services/<str:pk>", hsds.service_detail, name="hsds_service"),
    path("hsds/organizations", hsds.organization_list, name="hsds_organizations"),
    path("hsds/organizations/<str:pk>", hsds.organization_detail, name="hsds_organization"),
    path("hsds/service_at_locations", hsds.service_at_location_list, name="hsds_sals"),
    path("hsds/service_at_locations/<str:pk>", hsds.service_at_location_detail, name="hsds_sal"),
    path("hsds/taxonomies", hsds.taxonomy_list, name="hsds_taxonomies"),
    path("hsds/taxonomies/<str:pk>", hsds.taxonomy_detail, name="hsds_taxonomy"),
    path("hsds/taxonomy_terms", hsds.taxonomy_term_list, name="hsds_terms"),
    path("hsds/taxonomy_terms/<str:pk>", hsds.taxonomy_term_detail, name="hsds_term"),
    path("meeting-guide.json", meeting_guide.feed, name="meeting_guide"),
    re_path(r"^(?:v1|hsds)(?:/.*)?$", not_found),
]
