from django.urls import path

from . import staff_views

app_name = "interests"
urlpatterns = [
    path("interesse/", staff_views.interest_list, name="interest_list"),
    path("interesse/<int:pk>/", staff_views.interest_detail, name="interest_detail"),
    path("interesse/<int:pk>/eksport/", staff_views.interest_export, name="interest_export"),
    path("interesse/<int:pk>/slett/", staff_views.interest_delete, name="interest_delete"),
]
