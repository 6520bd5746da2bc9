from django.urls import path

from knutepunkt.public.pages import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("om/", views.info_index, name="info_index"),
    path("om/<slug:slug>/", views.info_page, name="info_page"),
]
