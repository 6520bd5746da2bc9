"""Head office's page for a person's data request (mounted under /arbeid/)."""

from django.urls import URLPattern, URLResolver, path

from knutepunkt.staff.privacy import views

app_name = "privacy"
urlpatterns: list[URLPattern | URLResolver] = [
    path("personvern/", views.person_data_view, name="person_data"),
]
