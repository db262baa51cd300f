"""Settings shared by every environment, safe for production by default.

Everything that differs between machines comes from the environment; see
README.md ("Environment variables") for the list.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def cache_from_url(url):
    """Django CACHES entry for CACHE_URL: Redis when given, local memory otherwise."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.startswith(("redis://", "rediss://", "unix://")):
        # Fail-soft: while Redis is down, pages are served uncached, never an error.
        return {
            "BACKEND": "operations.cache.FailSoftRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "clls"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    raise ImproperlyConfigured(f"CACHE_URL must be a redis:// URL, not {url!r}")


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The proxies whose X-Forwarded-For is believed (CIDR networks); empty: none is.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

INSTALLED_APPS = [
    "home",
    "news",
    "events",
    "pillars",
    "services",
    "members",
    "search",
    "staff",
    "operations",
    "demo",
    "csp",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
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
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# LocaleMiddleware sits between the session and common middleware so that
# CommonMiddleware's slash redirects already carry the language prefix.
MIDDLEWARE = [
    "operations.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Security headers: see the block "Security headers" at the end of this file.
    "operations.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "operations.security.CacheControlMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and authentication, so that a cached page skips them.
    "operations.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The site and page route of the request from cached look-ups (home/routing.py).
    "home.routing.LookupMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "site_clls.urls"
WSGI_APPLICATION = "site_clls.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take SQLite's lock when their transaction begins, so concurrent
    # registrations queue for it instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", ""))}
# A fixed 20 KB response at /bench/fixed/, for `make bench` only (operations/benchmark.py).
BENCH_FIXED_RESPONSE = env_bool("BENCH_FIXED_RESPONSE")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Italian is the source, English its translation.
LANGUAGE_CODE = "it"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [
    ("it", "Italiano"),
    ("en", "English"),
]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Rome"
USE_TZ = True

# A translation stays a draft until a manager publishes it, even when its
# source page is live (wagtail-localize copies the live status by default).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on S3-compatible object storage when a bucket is named; the usual
# AWS_* variables (keys, region, endpoint URL) are read by django-storages.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
# Without object storage, Django serves uploaded media itself when asked to
# (one-machine deployments); otherwise the proxy serves MEDIA_ROOT.
SERVE_MEDIA = env_bool("SERVE_MEDIA")

# Every e-mail goes through the outbox (operations.mail), which hands it to the
# real backend after commit and retries it while the mail server is down.
EMAIL_BACKEND = "operations.mail.OutboxBackend"
OUTBOX_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
# Months after which form submissions, registrations and sent e-mails are deleted.
PERSONAL_DATA_RETENTION_MONTHS = int(os.environ.get("PERSONAL_DATA_RETENTION_MONTHS", "24"))
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "12"))
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "sito@clls.example")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Wagtail's previews set their own SAMEORIGIN exception.
X_FRAME_OPTIONS = "DENY"

WAGTAIL_SITE_NAME = "Cluster Lombardo Scienze della Vita"
# How the admin shows dates (home.admin_dates reads what editors type).
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.CustomImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# On PostgreSQL each language is analysed with its own dictionary, so that
# inflections match ("ricerche" finds "ricerca"); see search/backends.py.
# Other databases use Wagtail's database backend, which ignores these options.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "SEARCH_CONFIG": "italian",
        "LANGUAGE_CONFIGS": {"it": "italian", "en": "english"},
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The dashboard links to the team's own guide (staff/guide.py), not to Wagtail's news.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Staff avatars are their own uploads or Wagtail's local default: no request to
# gravatar.com with a hash of their e-mail address.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "operations.logs.RequestContextFilter"}},
    "formatters": {
        "json": {"()": "operations.logs.JsonFormatter"},
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(client)s] %(message)s"
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request"],
            # LOG_FORMAT=json in production: one JSON object a line, for the log platform.
            "formatter": os.environ.get("LOG_FORMAT", "text"),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Task runs and page actions are logged at INFO on every save: too chatty.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Logins (docs/deployment.md, "Logins"): failed attempts are counted per account
# and per address (operations.clients), then refused for a cool-off period.
INSTALLED_APPS += ["axes"]
# AxesMiddleware turns a lockout into our page, so it comes last.
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
# In hours; a float, as axes reads an integer as whole hours.
AXES_COOLOFF_TIME = int(os.environ.get("AXES_COOLOFF_MINUTES", "30")) / 60
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "operations.clients.client_address"
AXES_LOCKOUT_CALLABLE = "staff.logins.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Successful logins are not recorded (no log of staff addresses); Django's admin is not installed.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False

# Two-step verification for staff (django-otp, staff.two_factor): a code from an
# authenticator app after the password. REQUIRE_2FA: superusers and managers must enrol.
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static"]
_auth = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
MIDDLEWARE[_auth + 1 : _auth + 1] = [
    "django_otp.middleware.OTPMiddleware",
    "staff.two_factor.TwoFactorMiddleware",
]
REQUIRE_2FA = env_bool("REQUIRE_2FA")
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Wagtail's "forgotten password" flow, its e-mail through the outbox in the account's language.
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "staff.password_reset.LocalisedPasswordResetForm"  # noqa: S105

# Public forms (operations.public_forms): how often one address may post them, and
# the largest body they take. The admin keeps Django's limits below, which
# StreamFields need; an oversized or malformed body gets the 400 page.
PUBLIC_FORM_RATE_LIMIT = int(os.environ.get("PUBLIC_FORM_RATE_LIMIT", "5"))
PUBLIC_FORM_RATE_PERIOD = int(os.environ.get("PUBLIC_FORM_RATE_PERIOD", "600"))
PUBLIC_FORM_MAX_BYTES = 64 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Security headers (operations/security.py; docs/deployment.md, "Security headers
# and uploads"). Public pages: one static policy, no inline script or style; the
# videos load from their providers only after a click. CSP_REPORT_ONLY=true sends
# the policies as reports only, to try a change without breaking pages.
VIDEO_FRAME_SOURCES = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
_media_origins = env_list("CSP_MEDIA_ORIGINS")
if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
    _media_origins.append(f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}")
_public_csp = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", *_media_origins],
    "frame-src": VIDEO_FRAME_SOURCES,
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "report-uri": ["/csp-report/"],
}
# The admin: never cached, so operations.security adds the hashes of Wagtail's inline
# scripts to each response; its styles need 'unsafe-inline'; previews frame the site.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": _public_csp
    | {
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *_media_origins],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'", *VIDEO_FRAME_SOURCES],
        "frame-ancestors": ["'self'"],
        "worker-src": ["'self'", "blob:"],
    }
}
if env_bool("CSP_REPORT_ONLY"):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {
        "DIRECTIVES": _public_csp,
        "EXCLUDE_URL_PREFIXES": ["/documents/"],
    }
    CONTENT_SECURITY_POLICY = None
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _public_csp, "EXCLUDE_URL_PREFIXES": ["/documents/"]}
# The embedded players may go full screen and play after the click that loads them.
_players = ["self", *VIDEO_FRAME_SOURCES]
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": _players,
    "camera": [],
    "display-capture": [],
    "encrypted-media": _players,
    "fullscreen": _players,
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": _players,
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Uploads (operations/uploads.py): images up to 10 MB and 40 megapixels, no SVG;
# documents checked against their extension and always downloaded, through Django
# (also from object storage) so that they carry the sandboxing headers.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "operations.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "operations.uploads.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# The page cache for anonymous visitors (operations.pagecache, docs/performance.md).
# "auto": on when CACHE_URL is Redis, which all workers share; off with local
# memory, where a purge in one worker cannot reach the others.
PAGE_CACHE = os.environ.get("PAGE_CACHE", "auto").strip().lower()
if PAGE_CACHE not in {"auto", "on", "off"}:
    raise ImproperlyConfigured(f"PAGE_CACHE must be auto, on or off, not {PAGE_CACHE!r}")
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "60"))

# Front-end caches (a CDN or Varnish) purged with the page cache; none by default.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_URL"):
    # Varnish or any cache that accepts PURGE; see docs/performance.md for the VCL.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "operations.frontendcache.CloudflarePurgeAllBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
