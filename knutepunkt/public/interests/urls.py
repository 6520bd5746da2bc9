from django.urls import path

from knutepunkt.public.interests import views

app_name = "interests"
urlpatterns = [
    path("", views.register, name="register"),
    path("takk/<str:token>/", views.registered, name="registered"),
    path("status/<str:token>/", views.status, name="status"),
]
