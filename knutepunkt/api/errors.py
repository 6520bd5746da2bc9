from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _


def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """A JSON 404 for any address under the API that names nothing."""
    return JsonResponse({"detail": _("Not found.")}, status=404)
