from django.urls import path

from knutepunkt.public.groups import views

app_name = "find"
urlpatterns = [
    path("", views.search, name="search"),
    path("kommuner.json", views.municipalities, name="municipalities"),
]
