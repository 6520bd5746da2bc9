"""Sign-in for staff: password, then the second factor. Built out by the accounts views."""

from django.urls import URLPattern, URLResolver

app_name = "accounts"
urlpatterns: list[URLPattern | URLResolver] = []
