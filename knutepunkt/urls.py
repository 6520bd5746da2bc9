from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("arbeid/", include("knutepunkt.accounts.urls")),
    path("arbeid/", include("knutepunkt.core.staff_urls")),
    path("arrangementer/", include("knutepunkt.events.urls")),
    path("finn-hjelp/", include("knutepunkt.groups.urls")),
    path("interesse/", include("knutepunkt.interests.urls")),
    path("statistikk/", include("knutepunkt.reports.urls")),
    path("", include("knutepunkt.pages.urls")),
    path("", include("knutepunkt.network.urls")),
    prefix_default_language=False,
)
