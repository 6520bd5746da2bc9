"""Knutepunkt settings.

One module for every environment. Everything that differs between a developer's laptop
and production comes from environment variables read through the small typed helpers
below. With nothing set, the app runs in development mode on an SQLite file under
``var/``; with ``DEBUG`` off it refuses to start without a real ``SECRET_KEY``.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KNUTEPUNKT_VAR_DIR", BASE_DIR / "var"))


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
TESTING = env_bool("KNUTEPUNKT_TESTING", default=False)

_DEV_SECRET = "django-insecure-development-only-not-for-production"  # noqa: S105
PRODUCTION = not (DEBUG or TESTING)


def weak_secret(value: str) -> bool:
    """Django's own rule (check W009) plus the template's placeholder: at least 50
    characters, at least 5 different ones, not a development or example key."""
    lowered = value.lower()
    return (
        len(value) < 50
        or len(set(value)) < 5
        or lowered.startswith("django-insecure")
        or "change-me" in lowered
    )


SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not PRODUCTION:
        SECRET_KEY = _DEV_SECRET
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. For development, run with DEBUG=1 "
            "(make run does this)."
        )
elif PRODUCTION and weak_secret(SECRET_KEY):
    raise ImproperlyConfigured(
        "SECRET_KEY is too weak for production: use at least 50 random characters "
        '(`python -c "import secrets; print(secrets.token_urlsafe(50))"`).'
    )

# Interests are health data: their contact fields are encrypted with these Fernet keys
# (comma-separated; the first encrypts, all decrypt — see knutepunkt/interests/crypto.py).
INTEREST_ENCRYPTION_KEYS = env_list("INTEREST_ENCRYPTION_KEYS", [])
if not INTEREST_ENCRYPTION_KEYS:
    if DEBUG or TESTING:
        import base64
        import hashlib

        INTEREST_ENCRYPTION_KEYS = [
            base64.urlsafe_b64encode(
                hashlib.sha256(f"interest-encryption:{SECRET_KEY}".encode()).digest()
            ).decode()
        ]
    else:
        raise ImproperlyConfigured(
            "INTEREST_ENCRYPTION_KEYS must be set when DEBUG is off (generate one with "
            '`python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key())"`).'
        )
INTEREST_RETENTION_DAYS = env_int("INTEREST_RETENTION_DAYS", 365)
INTEREST_REMINDER_DAYS_BEFORE = env_int("INTEREST_REMINDER_DAYS_BEFORE", 30)
# Retention of personal data (docs/personal-data.md): how long, in days.
# Event sign-ups are deleted this long after the event ended.
EVENT_REGISTRATION_RETENTION_DAYS = env_int("EVENT_REGISTRATION_RETENTION_DAYS", 30)
# A starter's record is deleted after this long without activity (training, update, a
# confirmation from the starter), with a reminder e-mail STARTER_REMINDER_DAYS_BEFORE.
STARTER_RETENTION_DAYS = env_int("STARTER_RETENTION_DAYS", 3 * 365)
STARTER_REMINDER_DAYS_BEFORE = env_int("STARTER_REMINDER_DAYS_BEFORE", 30)
# A partner's contact person is deleted when nobody has confirmed the details this long.
PARTNER_CONTACT_RETENTION_DAYS = env_int("PARTNER_CONTACT_RETENTION_DAYS", 2 * 365)
# The formation engine: how many people make a group, how far they may travel, how big it gets.
INTEREST_FORMATION_THRESHOLD = env_int("INTEREST_FORMATION_THRESHOLD", 5)
INTEREST_TRAVEL_KM = env_int("INTEREST_TRAVEL_KM", 50)
INTEREST_MAX_GROUP_SIZE = env_int("INTEREST_MAX_GROUP_SIZE", 10)

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if (DEBUG or TESTING) else []
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The public base URL, used in e-mails and feeds where no request is at hand.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "knutepunkt.core",
    # The e-mail outbox, scheduled jobs and heartbeats (just above core).
    "knutepunkt.operations",
    "knutepunkt.accounts",
    "knutepunkt.geo",
    "knutepunkt.network",
    "knutepunkt.groups",
    "knutepunkt.interests",
    "knutepunkt.starters",
    "knutepunkt.events",
    "knutepunkt.activity",
    "knutepunkt.reports",
    "knutepunkt.pages",
    "knutepunkt.tokens",
    # Listing corrections from the public, and the directory as open data.
    "knutepunkt.feedback",
    "knutepunkt.opendata",
    # Cross-domain workflows, above the domains and below the two sites.
    "knutepunkt.workflows",
    # The two sites and what they share (docs/architecture.md).
    "knutepunkt.web",
    "knutepunkt.public",
    "knutepunkt.staff",
    # The public API (/api/v1/, HSDS, Meeting Guide) and the offices' token access.
    "knutepunkt.api",
    "knutepunkt.demo",
    # The admin site requires the second factor (knutepunkt/core/admin_site.py).
    "knutepunkt.staff.admin_site.KnutepunktAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # /healthz and /readyz, before host checks and the https redirect (load balancers).
    "knutepunkt.operations.health.HealthMiddleware",
    # The request id of every log line (X-Request-ID from nginx, or a new one).
    "knutepunkt.operations.logs.RequestIdMiddleware",
    # ?x=%00 would reach PostgreSQL, which refuses NUL: removed from every query string.
    "knutepunkt.web.middleware.StripNulFromQueryMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # /api/ only: language from ?lang=, CORS for GET, ETag and Cache-Control, rate limit.
    "knutepunkt.api.middleware.ApiMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # A view whose database connection was lost mid-request runs once more (GET/HEAD, and
    # POSTs marked idempotent): knutepunkt/operations/db_retry.py.
    "knutepunkt.operations.db_retry.LostConnectionRetryMiddleware",
    # Last, as django-axes asks: it answers locked-out sign-ins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "knutepunkt.urls"
WSGI_APPLICATION = "knutepunkt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Database: SQLite under var/ by default, anything dj-database-url understands otherwise.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'knutepunkt.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 600), conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Tests (and their threads) run against their own database name.
    DATABASES["default"].setdefault("TEST", {})["NAME"] = env_str(
        "TEST_DATABASE_NAME", "test_knutepunkt"
    )
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "staff:dashboard"
LOGOUT_REDIRECT_URL = "pages:home"

# Cache: Redis when REDIS_URL is set, local memory otherwise. The cache holds more than
# pages: rate limits, wrong second-factor codes (the lockout) and one-time proof-of-work
# tokens. Local memory is per process, so several web processes without Redis would each
# count on their own (5 wrong codes *per process*): production refuses that.
REDIS_URL = env_str("REDIS_URL")
WEB_CONCURRENCY = max(env_int("WEB_CONCURRENCY", 1), env_int("GRANIAN_WORKERS", 1))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "knutepunkt",
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    # Sessions are rows in the database (shared by every node); Redis keeps a copy in
    # front, so most requests read no session row.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    if PRODUCTION and (WEB_CONCURRENCY > 1 or env_bool("KNUTEPUNKT_MULTI_NODE")):
        raise ImproperlyConfigured(
            "REDIS_URL must be set when more than one web process serves the site "
            "(WEB_CONCURRENCY/GRANIAN_WORKERS > 1 or KNUTEPUNKT_MULTI_NODE): rate limits, "
            "sign-in lockouts and one-time tokens must be shared."
        )
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Languages: Norwegian bokmål first (at /), nynorsk (/nn/) and English (/en/) complete too.
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian bokmål")), ("nn", _("Norwegian nynorsk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "knutepunkt" / "locale"]
# Dates and numbers per language; English pages in British style ("19 December 2026, 18:00").
FORMAT_MODULE_PATH = ["knutepunkt.core.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# The project-wide assets (site.css, favicon) live outside any app.
# Files the worker makes (exports) go through the "exports" storage, so any web node can
# serve them: a directory every node mounts (EXPORT_STORAGE_DIR; NFS or the like), or an
# S3-compatible bucket (EXPORT_STORAGE_BACKEND=storages.backends.s3.S3Storage with
# django-storages installed and its AWS_* variables; docs/operations.md). Old exports are
# deleted by the scheduler after EXPORT_RETENTION_DAYS.
EXPORT_STORAGE_DIR = env_str("EXPORT_STORAGE_DIR", str(VAR_DIR / "exports"))
EXPORT_RETENTION_DAYS = env_int("EXPORT_RETENTION_DAYS", 30)
_EXPORT_BACKEND = env_str("EXPORT_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")
_EXPORT_OPTIONS: dict[str, object] = (
    {"location": EXPORT_STORAGE_DIR}
    if _EXPORT_BACKEND.endswith("FileSystemStorage")
    # django-storages' S3Storage (any S3-compatible service); keep the bucket private.
    else {
        "location": env_str("EXPORT_STORAGE_PREFIX", "exports"),
        "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
        "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env_str("AWS_S3_REGION_NAME") or None,
        "access_key": env_str("AWS_ACCESS_KEY_ID"),
        "secret_key": env_str("AWS_SECRET_ACCESS_KEY"),
        "default_acl": "private",
        "querystring_auth": True,
    }
)
STORAGES: dict[str, dict[str, object]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "exports": {
        "BACKEND": _EXPORT_BACKEND,
        "OPTIONS": _EXPORT_OPTIONS,
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if (DEBUG or TESTING)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 0 if DEBUG else 31536000


# E-mail: EMAIL_URL such as smtp://user:pass@host:587?tls=1, console://, locmem://, file:///path
def email_settings(url: str) -> dict[str, object]:
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parsed = urlparse(url)
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "file": "django.core.mail.backends.filebased.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
    }
    if parsed.scheme not in backends:
        raise ImproperlyConfigured(f"EMAIL_URL has an unknown scheme: {parsed.scheme!r}")
    query = parse_qs(parsed.query)
    result: dict[str, object] = {"EMAIL_BACKEND": backends[parsed.scheme]}
    if parsed.scheme == "file":
        result["EMAIL_FILE_PATH"] = parsed.path
    if parsed.scheme in {"smtp", "smtps"}:
        result.update(
            EMAIL_HOST=parsed.hostname or "localhost",
            EMAIL_PORT=parsed.port or (465 if parsed.scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(parsed.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parsed.password or ""),
            EMAIL_USE_SSL=parsed.scheme == "smtps",
            EMAIL_USE_TLS=query.get("tls", ["0"])[0] in {"1", "true"},
        )
    return result


EMAIL_URL = env_str("EMAIL_URL")
if PRODUCTION and not EMAIL_URL:
    raise ImproperlyConfigured(
        "EMAIL_URL must be set when DEBUG is off (smtp://user:pass@host:587?tls=1); "
        "production never falls back to printing e-mails on the console."
    )
globals().update(email_settings(EMAIL_URL))
# The worker gives up on a slow server after this long and retries later (the outbox).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# The outbox (knutepunkt/operations/outbox.py): retries with exponential backoff from
# OUTBOX_RETRY_BASE_SECONDS, given up after OUTBOX_MAX_ATTEMPTS (about 5 hours with the
# defaults); the record of a sent e-mail is kept for OUTBOX_SENT_RETENTION_HOURS, a
# given-up one (with its address and text) for OUTBOX_FAILED_RETENTION_DAYS.
OUTBOX_RETRY_BASE_SECONDS = env_int("OUTBOX_RETRY_BASE_SECONDS", 30)
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 10)
OUTBOX_SENT_RETENTION_HOURS = env_int("OUTBOX_SENT_RETENTION_HOURS", 24)
OUTBOX_FAILED_RETENTION_DAYS = env_int("OUTBOX_FAILED_RETENTION_DAYS", 14)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Selvhjelp Norge <post@knutepunkt.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Production (DEBUG off) gets the strict settings; `check --deploy` is clean.
# URLs typed without a scheme are taken as https (Django 6.0's default, chosen now).
FORMS_URLFIELD_ASSUME_HTTPS = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60)  # one hour of inactivity
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Off only for a plain-http setup (a closed test network): then forms would fail
    # CSRF with Secure cookies. `check --deploy` warns about it, as it should.
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
# Trust X-Forwarded-Proto only behind a proxy that sets it (deploy/nginx): otherwise any
# client could claim https. Without it behind a TLS proxy, SSL redirects would loop.
if env_bool("TRUST_X_FORWARDED_PROTO"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The load balancer's probes come over plain http to the node itself (docs/operations.md).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Content-Security-Policy: nothing from any other origin; no inline script or style. The
# one inline script element, the events' JSON-LD (a data block, never run), carries the
# per-request nonce all the same.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Logging: personal data never goes to logs; request bodies are never logged.
# JSON lines with the request id (LOG_FORMAT=json, the production default) or plain text;
# paths lose their signed tokens; 4xx answers are logged without a traceback.
LOG_FORMAT = env_str("LOG_FORMAT", "json" if PRODUCTION else "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "knutepunkt.operations.logs.RequestIdFilter"},
        "client_errors": {"()": "knutepunkt.operations.logs.ClientErrorFilter"},
    },
    "formatters": {
        "json": {"()": "knutepunkt.operations.logs.JsonFormatter"},
        "text": {
            "()": "knutepunkt.operations.logs.TextFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        }
    },
    "loggers": {
        "django.request": {"filters": ["client_errors"]},
        "django.security": {"filters": ["client_errors"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Sign-in protection: a second factor (TOTP) for every staff page; lockout after repeated
# failures, counted per user name and per IP address separately.
OTP_TOTP_ISSUER = "Knutepunkt"
# Passkeys (WebAuthn, django-otp-webauthn) as a second factor beside the authenticator app,
# never instead of the password. They are bound to the site's host name (SITE_URL); the
# browser only offers them on that origin.
# Browsers never offer passkeys on an IP address or on plain http other than localhost, so
# a development server on http://127.0.0.1:8000 offers them on http://localhost:8000.
_site = urlparse(SITE_URL)
_site_usable = _site.scheme == "https" or _site.hostname == "localhost"
OTP_WEBAUTHN_RP_ID = env_str(
    "WEBAUTHN_RP_ID", (_site.hostname if _site_usable else None) or "localhost"
)
OTP_WEBAUTHN_RP_NAME = "Knutepunkt"
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list(
    "WEBAUTHN_ORIGINS",
    [SITE_URL] if _site_usable else [f"http://localhost:{_site.port or 80}"],
)
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_VERBOSE = False
# The friendly 429 page ("try again after …"), shared with the code step's own lockout.
AXES_LOCKOUT_CALLABLE = "knutepunkt.staff.accounts.views.signin.lockout_response"
# Staff sessions end after inactivity (seconds); each request renews the timer.
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Background tasks: django-tasks with its database backend; `manage.py db_worker` runs them.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}

# The scheduler's jobs (`manage.py scheduler`, docs/operations.md): name, task, interval
# in seconds. Every task is idempotent; head office sees each job's last and next run and
# its last error in the admin (Operations → scheduled jobs).
HOUR, DAY = 3600, 86400
SCHEDULED_JOBS = [
    ("outbox.send", "knutepunkt.operations.tasks.send_outbox", 60),
    ("outbox.purge", "knutepunkt.operations.tasks.purge_outbox", HOUR),
    ("worker.heartbeat", "knutepunkt.operations.tasks.worker_heartbeat", 60),
    ("tasks.prune_results", "knutepunkt.operations.tasks.prune_task_results", DAY),
    ("events.purge_registrations", "knutepunkt.events.tasks.purge_past_registrations", DAY),
    ("interests.remind_and_purge", "knutepunkt.interests.tasks.purge_expired_interests", DAY),
    ("interests.formation", "knutepunkt.interests.tasks.form_groups", DAY),
    ("starters.remind_and_purge", "knutepunkt.starters.tasks.purge_inactive_starters", DAY),
    ("network.purge_contacts", "knutepunkt.network.tasks.purge_stale_partner_contacts", DAY),
    ("feedback.purge_change_requests", "knutepunkt.feedback.tasks.purge_change_requests", DAY),
    ("reports.remind_deadlines", "knutepunkt.reports.tasks.remind_report_deadlines", DAY),
    ("reports.purge_exports", "knutepunkt.reports.tasks.purge_old_exports", DAY),
]

# Domain settings.
KNUTEPUNKT = {
    # How long a cached public page (find results, event lists) may be served.
    "PUBLIC_CACHE_SECONDS": env_int("PUBLIC_CACHE_SECONDS", 60),
    # Requests per minute one address may make to /api/ (0 turns the limit off).
    "API_RATE_LIMIT_PER_MINUTE": env_int("API_RATE_LIMIT_PER_MINUTE", 120),
    # Closed listing corrections (their text) are deleted after this many days.
    "CHANGE_REQUEST_RETENTION_DAYS": env_int("CHANGE_REQUEST_RETENTION_DAYS", 180),
}
