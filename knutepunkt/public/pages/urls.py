from django.urls import path
from django.views.decorators.http import require_safe

from knutepunkt.public.pages import views

app_name = "pages"
urlpatterns = [
    path("", require_safe(views.home), name="home"),
    path("om/", require_safe(views.info_index), name="info_index"),
    path("om/<slug:slug>/", require_safe(views.info_page), name="info_page"),
]
