from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    # The API: outside the language prefixes, the language is a parameter (?lang=).
    path("api/", include("knutepunkt.api.urls")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("arbeid/", include("knutepunkt.staff.accounts.urls")),
    path("arbeid/", include("knutepunkt.staff.urls")),
    # The page that explains the API, in the site's languages.
    path("api/", include("knutepunkt.api.docs_urls")),
    path("", include("knutepunkt.public.urls")),
    prefix_default_language=False,
)

# Error pages that work even without the static files' manifest (knutepunkt/web/errors.py).
handler404 = "knutepunkt.web.errors.page_not_found"
handler500 = "knutepunkt.web.errors.server_error"
