"""Public pages of the reports app: the statistics page (mounted at /statistikk/)."""

from django.urls import path
from django.views.decorators.http import require_safe

from knutepunkt.public.reports import views as statistics_views

app_name = "statistics"
urlpatterns = [path("", require_safe(statistics_views.statistics_page), name="index")]
