"""Staff workspace pages of the starters app (mounted under /arbeid/ by core.staff_urls)."""

from django.urls import URLPattern, URLResolver, path

from knutepunkt.staff.starters import views

app_name = "starters"
urlpatterns: list[URLPattern | URLResolver] = [
    path("igangsettere/", views.starter_list_view, name="starter_list"),
    path("igangsettere/ny/", views.starter_create_view, name="starter_create"),
    path("igangsettere/<int:pk>/", views.starter_detail_view, name="starter_detail"),
    path("igangsettere/<int:pk>/endre/", views.starter_edit_view, name="starter_edit"),
]
