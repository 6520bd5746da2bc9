from django.urls import path

from knutepunkt.public.opendata import views

app_name = "opendata"
urlpatterns = [
    path("", views.data_page, name="index"),
    path("kriterier/", views.criteria, name="criteria"),
    path("katalog.xlsx", views.xlsx_file, name="xlsx"),
    path("<slug:table>.csv", views.csv_file, name="csv"),
]
