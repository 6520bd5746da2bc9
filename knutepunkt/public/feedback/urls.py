from django.urls import path

from knutepunkt.public.feedback import views

app_name = "feedback"
urlpatterns = [
    path("takk/", views.thanks, name="thanks"),
    path("<str:kind>/<str:key>/", views.report, name="report"),
]
