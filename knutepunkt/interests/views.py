from django.http import HttpRequest, HttpResponse


def register(request: HttpRequest) -> HttpResponse:  # placeholder, replaced below
    return HttpResponse(status=503)


registered = status = register
