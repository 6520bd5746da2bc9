"""Staff workspace pages of the activity app (mounted under /arbeid/ by core.staff_urls)."""

from django.urls import URLPattern, URLResolver

app_name = "activity"
urlpatterns: list[URLPattern | URLResolver] = []
