from django.urls import path

from knutepunkt.staff.interests import proposal_views as staff_proposal_views
from knutepunkt.staff.interests import views as staff_views

app_name = "interests"
urlpatterns = [
    path("interesse/", staff_views.interest_list_view, name="interest_list"),
    path("interesse/<int:pk>/", staff_views.interest_detail_view, name="interest_detail"),
    path("interesse/<int:pk>/eksport/", staff_views.interest_export_view, name="interest_export"),
    path("interesse/<int:pk>/slett/", staff_views.interest_delete_view, name="interest_delete"),
    # Group proposals from the formation engine (staff_proposal_views.py).
    path("gruppeforslag/", staff_proposal_views.proposal_list, name="proposal_list"),
    path("gruppeforslag/<int:pk>/", staff_proposal_views.proposal_detail, name="proposal_detail"),
    path(
        "gruppeforslag/<int:pk>/godta/",
        staff_proposal_views.proposal_accept_view,
        name="proposal_accept",
    ),
    path(
        "gruppeforslag/<int:pk>/avvis/",
        staff_proposal_views.proposal_dismiss_view,
        name="proposal_dismiss",
    ),
]
