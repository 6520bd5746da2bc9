"""The staff workspace, under /arbeid/. Each domain app adds its own staff pages."""

from django.urls import include, path

from knutepunkt.staff.dashboard import dashboard

app_name = "staff"
urlpatterns = [
    path("", dashboard, name="dashboard"),
    path("", include("knutepunkt.staff.activity.urls")),
    path("", include("knutepunkt.staff.network.urls")),
    path("", include("knutepunkt.staff.groups.urls")),
    path("", include("knutepunkt.staff.interests.urls")),
    path("", include("knutepunkt.staff.starters.urls")),
    path("", include("knutepunkt.staff.events.urls")),
    path("", include("knutepunkt.staff.reports.urls")),
    path("", include("knutepunkt.staff.feedback.urls")),
    path("", include("knutepunkt.staff.tokens.urls")),
    path("", include("knutepunkt.staff.privacy.urls")),
]
