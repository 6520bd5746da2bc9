from django.urls import path

from knutepunkt.staff.tokens import views

app_name = "tokens"
urlpatterns = [
    path("api-nokler/", views.token_list, name="token_list"),
    path("api-nokler/<int:pk>/trekk-tilbake/", views.token_revoke, name="token_revoke"),
]
