from django.urls import path, re_path
from django.views.decorators.http import require_safe

from knutepunkt.public.network import views

app_name = "directory"
urlpatterns = [
    path("kart/", require_safe(views.national_map), name="map"),
    path("kontorer/", require_safe(views.office_list), name="office_list"),
    path("kontorer/<slug:slug>/", require_safe(views.office_detail), name="office"),
    path(
        "kontaktpunkt/<slug:slug>/",
        require_safe(views.contact_point_detail),
        name="contact_point",
    ),
    path("kommune/", require_safe(views.municipality_index), name="municipality_index"),
    re_path(
        r"^kommune/(?P<number>\d{4})/$",
        require_safe(views.municipality_detail),
        name="municipality",
    ),
]
