"""Staff workspace pages of the events app (mounted under /arbeid/ by core.staff_urls)."""

from django.urls import URLPattern, URLResolver

app_name = "events"
urlpatterns: list[URLPattern | URLResolver] = []
