"""What every machine-readable response under /api/ shares: the language, CORS for reading,
conditional GETs (ETag, 304), cache headers and a rate limit per address.

* Language: ``?lang=nb|en``, else the ``Accept-Language`` header (not the site's language
  cookie: an API answer must not depend on a cookie). ``Content-Language`` says which.
* CORS: the public API is open data, so any origin may read it (GET, HEAD and the
  preflight OPTIONS). The token part (``/api/v1/staff/``) gets no CORS headers.
* ETag on every successful GET; a matching ``If-None-Match`` is answered 304.
* Cache-Control: public answers may be cached for ``PUBLIC_CACHE_SECONDS``; token answers
  are private and never stored.
* Rate limit: ``API_RATE_LIMIT_PER_MINUTE`` requests per address and minute, counted in
  the cache under a keyed hash of the address (the address itself is never stored).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header

# The machine-readable paths; the human page about the API (/api/, /en/api/) is a normal
# page of the site.
API_PREFIXES = ("/api/v1/", "/api/hsds/", "/api/meeting-guide.json")
TOKEN_PREFIX = "/api/v1/staff/"  # noqa: S105 - a path, not a secret
LANGUAGES = ("nb", "en")
CORS_METHODS = "GET, HEAD, OPTIONS"
CORS_HEADERS = "Accept, Accept-Language, If-None-Match"
WINDOW_SECONDS = 60


def api_language(request: HttpRequest) -> str:
    """``?lang=`` when it names a language of the site, else the best Accept-Language."""
    asked = (request.GET.get("lang") or "").lower()
    if asked in LANGUAGES:
        return asked
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        base = code.split("-")[0].lower()
        if base in ("no", "nn"):
            base = "nb"
        if base in LANGUAGES:
            return base
    return settings.LANGUAGE_CODE


def _address_key(request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def rate_limited(request: HttpRequest) -> int:
    """Seconds to wait when this address is over the limit, else 0 (and the request is
    counted)."""
    limit = int(settings.KNUTEPUNKT.get("API_RATE_LIMIT_PER_MINUTE", 0))
    if limit <= 0:
        return 0
    window = int(time.time() // WINDOW_SECONDS)
    key = f"api:rate:{window}:{_address_key(request)}"
    if cache.add(key, 1, WINDOW_SECONDS + 5):
        return 0
    try:
        count = cache.incr(key)
    except ValueError:
        cache.add(key, 1, WINDOW_SECONDS + 5)
        return 0
    if count > limit:
        return WINDOW_SECONDS - int(time.time() % WINDOW_SECONDS)
    return 0


def _json(status: int, detail: str) -> HttpResponse:
    return HttpResponse(
        json.dumps({"detail": detail}), status=status, content_type="application/json"
    )


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIXES):
            return self.get_response(request)
        language = api_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        public = not request.path.startswith(TOKEN_PREFIX)
        wait = rate_limited(request)
        if wait:
            response = _json(429, _("Too many requests. Please wait a minute."))
            response["Retry-After"] = str(wait)
        elif public and request.method == "OPTIONS" and "HTTP_ORIGIN" in request.META:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = CORS_METHODS
            response["Access-Control-Allow-Headers"] = CORS_HEADERS
            response["Access-Control-Max-Age"] = "86400"
        else:
            # HEAD is a GET without the body (django-ninja routes GET only).
            head = request.method == "HEAD"
            if head:
                request.method = "GET"
            response = self.get_response(request)
            if head:
                request.method = "HEAD"
                response = self._finish(request, response, language, public)
                if not response.streaming:
                    response["Content-Length"] = str(len(response.content))
                    response.content = b""
                return response
        return self._finish(request, response, language, public)

    def _finish(
        self, request: HttpRequest, response: HttpResponse, language: str, public: bool
    ) -> HttpResponse:
        response["Content-Language"] = language
        patch_vary_headers(response, ["Accept-Language"])
        if public:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = "ETag, Content-Language, Retry-After"
        else:
            patch_vary_headers(response, ["Authorization"])
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            response.setdefault("Cache-Control", "no-store")
            return response
        if public:
            seconds = int(settings.KNUTEPUNKT["PUBLIC_CACHE_SECONDS"])
            response.setdefault("Cache-Control", f"public, max-age={seconds}")
        else:
            response["Cache-Control"] = "private, no-store"
        if not response.streaming and not response.has_header("ETag"):
            set_response_etag(response)
        etag = response.get("ETag")
        conditional = get_conditional_response(request, etag=etag, response=response)
        if conditional is None:
            return response
        for header in ("Content-Language", "Access-Control-Allow-Origin"):
            if response.has_header(header):
                conditional[header] = response[header]
        return conditional
