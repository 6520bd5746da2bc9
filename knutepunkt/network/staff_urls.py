"""Staff workspace pages of the network app (mounted under /arbeid/ by core.staff_urls)."""

from django.urls import URLPattern, URLResolver

app_name = "network"
urlpatterns: list[URLPattern | URLResolver] = []
