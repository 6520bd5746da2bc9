from knutepunkt.core.staff import OFFICE_ROLES, staff_view
from django.http import HttpRequest, HttpResponse


@staff_view(roles=OFFICE_ROLES)
def interest_list(request: HttpRequest, pk: int = 0) -> HttpResponse:  # placeholder
    return HttpResponse(status=503)


interest_detail = interest_export = interest_delete = interest_list
