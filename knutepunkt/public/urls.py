"""The public site: every public page, by the path visitors see."""

from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("arrangementer/", include("knutepunkt.public.events.urls")),
    path("finn-hjelp/", include("knutepunkt.public.groups.urls")),
    path("interesse/", include("knutepunkt.public.interests.urls")),
    path("igangsetter/", include("knutepunkt.public.starters.urls")),
    path("statistikk/", include("knutepunkt.public.reports.urls")),
    path("meld-feil/", include("knutepunkt.public.feedback.urls")),
    path("apne-data/", include("knutepunkt.public.opendata.urls")),
    path("", include("knutepunkt.public.pages.urls")),
    path("", include("knutepunkt.public.network.urls")),
]
