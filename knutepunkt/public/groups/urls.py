from django.urls import path

from knutepunkt.public.groups import detail, views

app_name = "find"
urlpatterns = [
    path("", views.search, name="search"),
    path("kommuner.json", views.municipalities, name="municipalities"),
    path("gruppe/<int:group_id>/", detail.group_detail, name="group"),
]
