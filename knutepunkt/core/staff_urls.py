"""The staff workspace, under /arbeid/. Each domain app adds its own staff pages."""

from django.urls import include, path

from knutepunkt.reports.views import dashboard

app_name = "staff"
urlpatterns = [
    path("", dashboard, name="dashboard"),
    path("", include("knutepunkt.activity.staff_urls")),
    path("", include("knutepunkt.network.staff_urls")),
    path("", include("knutepunkt.groups.staff_urls")),
    path("", include("knutepunkt.interests.staff_urls")),
    path("", include("knutepunkt.starters.staff_urls")),
    path("", include("knutepunkt.events.staff_urls")),
    path("", include("knutepunkt.reports.staff_urls")),
]
