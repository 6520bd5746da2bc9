from django.urls import path
from django.views.decorators.http import require_safe

from knutepunkt.public.interests import views

app_name = "interests"
urlpatterns = [
    path("", views.register, name="register"),
    path("takk/<str:token>/", require_safe(views.registered), name="registered"),
    path("status/<str:token>/", views.status, name="status"),
]
