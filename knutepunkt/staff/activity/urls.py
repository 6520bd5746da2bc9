"""Staff workspace pages of the activity app (mounted under /arbeid/ by core.staff_urls)."""

from django.urls import URLPattern, URLResolver, path

from knutepunkt.staff.activity import views

app_name = "activity"
urlpatterns: list[URLPattern | URLResolver] = [
    path("aktiviteter/", views.activity_list, name="activity_list"),
    path("aktiviteter/ny/", views.activity_create, name="activity_create"),
    path(
        "aktiviteter/henvendelse/",
        views.activity_inquiry_create,
        name="activity_inquiry_create",
    ),
    path("aktiviteter/<int:pk>/endre/", views.activity_edit, name="activity_edit"),
    path("aktiviteter/<int:pk>/slett/", views.activity_delete, name="activity_delete"),
    path("aktiviteter/eksport/", views.activity_export, name="activity_export"),
    path("aktiviteter/import/", views.activity_import, name="activity_import"),
    path(
        "aktiviteter/import/bekreft/",
        views.activity_import_confirm,
        name="activity_import_confirm",
    ),
]
