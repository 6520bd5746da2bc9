from django.urls import path, re_path

from knutepunkt.public.network import views

app_name = "directory"
urlpatterns = [
    path("kart/", views.national_map, name="map"),
    path("kontorer/", views.office_list, name="office_list"),
    path("kontorer/<slug:slug>/", views.office_detail, name="office"),
    path("kontaktpunkt/<slug:slug>/", views.contact_point_detail, name="contact_point"),
    path("kommune/", views.municipality_index, name="municipality_index"),
    re_path(r"^kommune/(?P<number>\d{4})/$", views.municipality_detail, name="municipality"),
]
