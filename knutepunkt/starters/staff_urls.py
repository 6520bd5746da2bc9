"""Staff workspace pages of the starters app (mounted under /arbeid/ by core.staff_urls)."""

from django.urls import URLPattern, URLResolver

app_name = "starters"
urlpatterns: list[URLPattern | URLResolver] = []
