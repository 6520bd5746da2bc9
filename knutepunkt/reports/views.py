from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from knutepunkt.core.staff import staff_view


@staff_view
def dashboard(request: HttpRequest) -> HttpResponse:
    """The signed-in staff member's start page."""
    return render(request, "reports/dashboard.html", {})
