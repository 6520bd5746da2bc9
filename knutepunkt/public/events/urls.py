from django.urls import path
from django.views.decorators.http import require_safe

from knutepunkt.public.events import feeds, views

app_name = "events"
urlpatterns = [
    path("", require_safe(views.event_list), name="list"),
    path("kalender.ics", require_safe(feeds.calendar_feed), name="ical"),
    path("kontor/<slug:office_slug>.ics", require_safe(feeds.office_feed), name="office_ical"),
    path("pamelding/<str:token>/", require_safe(views.registration_result), name="registered"),
    path("avmelding/<str:token>/", views.registration_cancel, name="cancel"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/kalender.ics", feeds.event_ics, name="ics"),
]
