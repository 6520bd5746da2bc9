"""Staff workspace pages of the groups app (mounted under /arbeid/ by core.staff_urls)."""

from django.urls import URLPattern, URLResolver

app_name = "groups"
urlpatterns: list[URLPattern | URLResolver] = []
