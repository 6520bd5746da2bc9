"""Staff workspace pages of the reports app (mounted under /arbeid/ by core.staff_urls)."""

from django.urls import URLPattern, URLResolver

app_name = "reports"
urlpatterns: list[URLPattern | URLResolver] = []
