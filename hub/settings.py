"""Settings for the Safeguarding Partnership Hub.

One module for every environment. Everything that differs between a laptop and a council's
server is read from an environment variable; each one is listed in the README.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


VAR_DIR = Path(env("HUB_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

# Production mode turns on every protection that needs HTTPS and refuses to start without
# the secrets a real deployment must provide.
PRODUCTION = env_bool("PRODUCTION")
DEBUG = env_bool("DEBUG")


def _secret_key():
    if key := env("SECRET_KEY"):
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when PRODUCTION is on.")
    # A local run keeps one generated key so that sessions survive a restart.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

# Partnerships other than the first are reached by hostname (westshire.localhost,
# northmoor.localhost); every *.localhost name resolves to this machine.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost")

INSTALLED_APPS = [
    "hub.core",
    "hub.accounts",
    "hub.site",
    "hub.library",
    "hub.procedures",
    "hub.training",
    "hub.assurance",
    "hub.decision_aids",
    "hub.escalations",
    "hub.reviews",
    "hub.reports",
    "hub.opendata",
    "hub.ops",
    "hub.search",
    "hub.demo",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hub.core.middleware.ContentSecurityPolicyMiddleware",
    "hub.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so cached API answers are rate limited and labelled too.
    "hub.opendata.middleware.OpenDataMiddleware",
    "hub.ops.page_cache.AnonymousPageCacheMiddleware",
    "hub.ops.fragments.SharedFragmentsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "hub.core.middleware.SecondFactorRequiredMiddleware",
    "hub.core.middleware.BadInputMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        # Public pages: Jinja2 with the GOV.UK Frontend macros.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "hub.jinja2.environment"},
    },
    {
        # The Wagtail and Django admin keep their own Django templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'hub.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        # A connection kept between requests is checked before reuse, so the first request
        # after PostgreSQL restarts gets a new one instead of an error.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions take the write lock up front, so two writers queue instead of
    # failing half way; WAL lets readers carry on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
# Two views of one Redis, both served while Redis is unreachable (hub/ops/resilient_cache.py):
# "default" holds what must keep counting (sign-in throttling, the worker's heartbeat) and
# counts in the database meanwhile; "volatile" holds copies the database can rebuild (whole
# pages for signed-out visitors, cached sessions) and simply misses meanwhile.
CACHES = {
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "hub_cache_fallback",
    }
}
if REDIS_URL:
    _redis = {
        "BACKEND": "hub.ops.resilient_cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "hub"),
    }
    CACHES["default"] = _redis | {"OPTIONS": {"FALLBACK": "database"}}
    CACHES["volatile"] = _redis
else:
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    CACHES["volatile"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "volatile",
    }
# Sessions: in the database, read through the cache when there is a shared one, so every
# web process sees every session and a Redis outage signs no one out.
SESSION_ENGINE = env(
    "SESSION_ENGINE",
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db",
)
SESSION_CACHE_ALIAS = "volatile"
# Whole public pages for signed-out visitors are kept this long (0 turns the cache off); any
# change to what they show empties it at once (hub/ops/page_cache.py).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300 if REDIS_URL else 0)
# What every public page shows (navigation, footer, the site and its routes...) is worked out
# once per content change and kept in each process (hub/ops/fragments.py). Only with a shared
# cache: it is how one process learns that another saved a change.
SHARED_FRAGMENTS = env_bool("SHARED_FRAGMENTS", bool(REDIS_URL))

TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# A task marked running for longer than this lost its worker (killed, or the machine stopped);
# `requeue_stalled_tasks` puts it back on the queue. Far longer than any task of the Hub takes.
TASK_STALLED_MINUTES = env_int("TASK_STALLED_MINUTES", 15)

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"

# Accounts (django-allauth): email sign-in, verified addresses, no account enumeration.
ACCOUNT_ADAPTER = "hub.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "hub.accounts.forms.RegistrationDetailsForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# Sign-in throttling, counted in the shared cache so every web process agrees.
LOGIN_ATTEMPTS_LIMIT = env_int("LOGIN_ATTEMPTS_LIMIT", 10)
LOGIN_ATTEMPTS_WINDOW_MINUTES = env_int("LOGIN_ATTEMPTS_WINDOW_MINUTES", 5)
ACCOUNT_RATE_LIMITS = {
    "login_failed": f"{LOGIN_ATTEMPTS_LIMIT}/{LOGIN_ATTEMPTS_WINDOW_MINUTES}m/ip,"
    f"{LOGIN_ATTEMPTS_LIMIT}/{LOGIN_ATTEMPTS_WINDOW_MINUTES}m/key",
}
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Checking a certificate by its code (hub/training/verification.py): this many checks per
# client address, counted in the shared cache like sign-in throttling.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_CERTIFICATE_CHECK = env("RATELIMIT_CERTIFICATE_CHECK", "30/m")
OPEN_DATA_RATE = env("OPEN_DATA_RATE", "120/m")
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", "Safeguarding Partnership Hub")
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION
MFA_TRUST_ENABLED = False

# Document library
LIBRARY_ALLOWED_TYPES = env_list("LIBRARY_ALLOWED_TYPES", "pdf,docx,odt,xlsx,pptx")
LIBRARY_MAX_UPLOAD_BYTES = env_int("LIBRARY_MAX_UPLOAD_MB", 20) * 1024 * 1024
LIBRARY_REVIEW_GRACE_DAYS = env_int("LIBRARY_REVIEW_GRACE_DAYS", 30)
# Days before (positive) and after (negative) the review date when owners are reminded.
LIBRARY_REMINDER_DAYS = [int(d) for d in env_list("LIBRARY_REMINDER_DAYS", "60,30,7,0,-30")]

# Section 11 self-assessment: evidence files per upload, and how long closed rounds are kept.
ASSURANCE_MAX_EVIDENCE_BYTES = env_int("ASSURANCE_MAX_EVIDENCE_MB", 10) * 1024 * 1024
ASSURANCE_RETENTION_DAYS = env_int("ASSURANCE_RETENTION_DAYS", 6 * 365)
# Closed escalations are deleted this many years after closing (hub/escalations).
ESCALATION_RETENTION_YEARS = env_int("ESCALATION_RETENTION_YEARS", 6)
# Practice review case records (with their requests for information, recommendations, actions
# and evidence) are deleted this many years after the review closes; teams' records of using a
# briefing this many years after the discussion (hub/reviews). Published reviews and briefings
# stay until an editor removes them.
REVIEW_RETENTION_YEARS = env_int("REVIEW_RETENTION_YEARS", 6)
# An evidence file for a review action, at most.
REVIEW_MAX_EVIDENCE_BYTES = env_int("REVIEW_MAX_EVIDENCE_MB", 10) * 1024 * 1024
# A procedures subscription (an email address) ends this long after it was made or last
# renewed by subscribing again.
PROCEDURES_SUBSCRIPTION_DAYS = env_int("PROCEDURES_SUBSCRIPTION_DAYS", 3 * 365)
# The nightly backup job (`run_jobs`) writes a dated folder here, keeping the newest few; unset,
# it does nothing. Put it on another disk, or copy it off the machine.
BACKUP_DIR = env("BACKUP_DIR")
BACKUP_KEEP = env_int("BACKUP_KEEP", 14)

# Email domains shared by many organisations' staff, or open to anyone: never registered to an
# agency, so an address there is confirmed as an agency's staff only by its lead or admin.
SHARED_EMAIL_DOMAINS = env_list(
    "SHARED_EMAIL_DOMAINS",
    "nhs.net,nhs.uk,gov.uk,gmail.com,googlemail.com,outlook.com,hotmail.com,hotmail.co.uk,"
    "live.com,live.co.uk,msn.com,yahoo.com,yahoo.co.uk,icloud.com,me.com,aol.com,"
    "protonmail.com,proton.me,btinternet.com,sky.com,virginmedia.com,talktalk.net,gmx.com,"
    "gmx.co.uk,mail.com,zoho.com,yandex.com",
)

# Accounts not signed in to for this long are deactivated; a warning goes a month before.
INACTIVE_ACCOUNT_MONTHS = env_int("INACTIVE_ACCOUNT_MONTHS", 12)
AUDIT_LOG_RETENTION_DAYS = env_int("AUDIT_LOG_RETENTION_DAYS", 730)
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 7)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# The demo library's PDFs, rendered once and kept by a hash of what they are made from
# (hub/demo/library_files.py): `make run` and every test run's demo share them.
DEMO_PDF_CACHE = Path(env("HUB_DEMO_PDF_CACHE", str(VAR_DIR / "cache" / "demo-pdfs")))
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# The npm build writes compiled CSS, JavaScript and assets here; it is never committed.
STATICFILES_DIRS = [BASE_DIR / "build" / "static"]
# Uploads on local disk, or on S3-compatible storage (MEDIA_STORAGE=s3, needs the `s3` extra).
# Either way documents are served through the app's checking views, never by URL.
if env("MEDIA_STORAGE") == "s3":
    _MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
# Outside production the app serves uploaded images itself, so `make run` needs nothing else.
SERVE_MEDIA = env_bool("SERVE_MEDIA", not PRODUCTION)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640

EMAIL_HOST = env("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(VAR_DIR / "outbox"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Safeguarding Partnership Hub <hub@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

CSRF_FAILURE_VIEW = "hub.core.views.csrf_failure"
# Messages live in the session, so reading the site sets no cookie of its own.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Public pages: nothing inline, nothing from elsewhere. The Wagtail admin gets the relaxed
# policy in hub/core/middleware.py because its editor still needs inline styles and scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    # SECURE_COOKIES=0 only for trying production mode over plain HTTP on 127.0.0.1.
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "forbidden_one_line": {"()": "hub.core.log_filters.ForbiddenWithoutTraceback"},
        "database_lost_once": {"()": "hub.ops.outage.DatabaseLostOnce"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django logs a refusal with its traceback; a 403 is one line.
        # ... and a lost database is logged once a minute, not once per request.
        "django.request": {"filters": ["forbidden_one_line", "database_lost_once"]},
        # Scanners send other hosts all day; they get a 400 and need no traceback.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
        # Wagtail reports every page action at INFO; its admin keeps its own log of them.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint reports each step of every PDF at INFO; its warnings (a resource left
        # out) still show.
        "weasyprint.progress": {"level": "WARNING"},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "Safeguarding Partnership Hub"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "hub.search.backend"}}
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "hub.core.rich_text.CheckedDraftail"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# One door: the admin signs in through the same accounts and second factor as everyone.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg", "webp"]
# Every image and document form Wagtail builds runs the Hub's upload checks (hub/core/uploads).
WAGTAILIMAGES_IMAGE_FORM_BASE = "hub.core.wagtail_images.CheckedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "hub.library.wagtail_documents.CheckedDocumentForm"
IMAGES_MAX_UPLOAD_BYTES = env_int("IMAGES_MAX_UPLOAD_MB", 10) * 1024 * 1024
IMAGES_MAX_PIXELS = env_int("IMAGES_MAX_MEGAPIXELS", 40) * 1_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = IMAGES_MAX_UPLOAD_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = IMAGES_MAX_PIXELS
# No avatars fetched from gravatar.com (each request would tell it a hash of a member of
# staff's email address), and no call to wagtail.org from editors' browsers.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# A person's email address changes only through the Hub's accounts, which verify it.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
