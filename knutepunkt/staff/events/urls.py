"""Staff workspace pages of the events app (mounted under /arbeid/ by core.staff_urls)."""

from django.urls import URLPattern, URLResolver, path

from knutepunkt.staff.events import views

app_name = "events"
urlpatterns: list[URLPattern | URLResolver] = [
    path("arrangementer/", views.event_list, name="event_list"),
    path("arrangementer/ny/", views.event_create, name="event_create"),
    path("arrangementer/<int:pk>/", views.event_detail, name="event_detail"),
    path("arrangementer/<int:pk>/endre/", views.event_edit, name="event_edit"),
    path("arrangementer/<int:pk>/oppmote/", views.event_attendance, name="event_attendance"),
    path("arrangementer/<int:pk>/melding/", views.event_message, name="event_message"),
    path(
        "arrangementer/<int:pk>/pameldinger.csv",
        views.event_export_csv,
        name="event_export_csv",
    ),
    path(
        "arrangementer/<int:pk>/pameldinger.xlsx",
        views.event_export_xlsx,
        name="event_export_xlsx",
    ),
    path("arrangementer/<int:pk>/sporsmal/", views.question_add, name="question_add"),
    path(
        "arrangementer/<int:pk>/sporsmal/<int:question_pk>/slett/",
        views.question_delete,
        name="question_delete",
    ),
    path(
        "arrangementer/<int:pk>/pameldinger/<int:registration_pk>/avmeld/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "arrangementer/<int:pk>/pameldinger/<int:registration_pk>/gi-plass/",
        views.registration_confirm,
        name="registration_confirm",
    ),
    path(
        "arrangementer/<int:pk>/pameldinger/<int:registration_pk>/godkjenn/",
        views.registration_approve,
        name="registration_approve",
    ),
    path(
        "arrangementer/<int:pk>/pameldinger/<int:registration_pk>/avslaa/",
        views.registration_decline,
        name="registration_decline",
    ),
]
