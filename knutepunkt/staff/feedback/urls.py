from django.urls import path

from knutepunkt.staff.feedback import views

app_name = "feedback"
urlpatterns = [
    path("rettelser/", views.change_request_list, name="change_request_list"),
    path("rettelser/<int:pk>/", views.change_request_detail, name="change_request_detail"),
    path(
        "rettelser/<int:pk>/avvis/",
        views.change_request_dismiss_view,
        name="change_request_dismiss",
    ),
]
