"""Staff workspace pages of the groups app (mounted under /arbeid/ by core.staff_urls)."""

from django.urls import URLPattern, URLResolver, path

from knutepunkt.staff.groups import views

app_name = "groups"
urlpatterns: list[URLPattern | URLResolver] = [
    path("grupper/", views.group_list_view, name="group_list"),
    path("grupper/ny/", views.group_create_view, name="group_create"),
    path("grupper/<int:pk>/", views.group_detail_view, name="group_detail"),
    path("grupper/<int:pk>/endre/", views.group_edit_view, name="group_edit"),
    path("grupper/<int:pk>/status/", views.group_status_view, name="group_status"),
]
