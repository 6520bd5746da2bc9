from django.urls import path

from knutepunkt.public.starters import views

app_name = "starters"
urlpatterns = [
    path("<str:token>/", views.status, name="status"),
]
