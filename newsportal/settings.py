"""newsportal settings: one module, configured from the environment.

Every deploy-specific value is read here through the small typed helpers below; the
README lists each variable with its default. A production process (DJANGO_DEBUG off)
refuses to start without a real secret key.
"""

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(
        f"{name} must be a boolean (1/0, true/false), not {value!r}"
    )


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}"
        ) from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (production)."
        )
    SECRET_KEY = "development-only-insecure-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# When the site is blocked (mirrors/): the onion service's address (its host name,
# e.g. "abc...xyz.onion") and the host names of mirrors that serve this site (reverse
# proxies in front of it). The site answers to them too; only these, never a host an
# editor types into the admin (see mirrors.hosts).
ONION_HOST = env_str("ONION_HOST").strip().lower().removeprefix("http://").strip("/")
MIRROR_HOSTS = [host.lower() for host in env_list("MIRROR_HOSTS")]
ALLOWED_HOSTS += [host for host in [ONION_HOST, *MIRROR_HOSTS] if host]

INSTALLED_APPS = [
    # Django's admin on a site that lets staff in only after the second factor.
    "staff.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Ahead of staticfiles so `runserver` serves files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "captcha",
    "django_prose_editor",
    "django_tasks_db",
    # Below the apps whose pages it caches (they declare what it watches).
    "readercache",
    # Article versions: who saved what, when; diff and restore (articles.history).
    "reversion",
    "articles",
    "comments",
    "people",
    # Search: its own index of articles (search.models), readers' results page.
    "search",
    # "Most read": readings counted in the readers' cache, flushed in batches.
    "readership",
    # Feeds, sitemaps, robots.txt and pages' structured data (issue 13).
    "syndication",
    "staff",
    "backups",
    # The lite edition (plain pages for slow links) and the signed static copy.
    "lite",
    "staticcopy",
    "mirrors",
    # Staff sign-in: password, then a second factor (TOTP, passkey or recovery code).
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    # First, so that its time is the whole request's.
    "newsportal.request_log.RequestLogMiddleware",
    # Right outside SecurityMiddleware: the onion address is not sent to HTTPS, and
    # clearnet pages offer it (Onion-Location). See mirrors.middleware.
    "mirrors.middleware.OnionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Brotli or gzip for what is not already compressed (cached pages are stored
    # compressed); see readercache.compression.
    "readercache.compression.CompressionMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Inside the CSP middleware, so that the admin's own policy is chosen before that
    # middleware writes the header; see newsportal.security.
    "newsportal.security.SecurityHeadersMiddleware",
    # WhiteNoise answers static requests before sessions or auth do any work.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff sessions end after 30 idle minutes and 8 hours in all.
    "staff.middleware.StaffSessionLimitsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Counts readings of article pages, cached ones too, in the readers' cache only.
    "readership.middleware.ReadingCounterMiddleware",
]

ROOT_URLCONF = "newsportal.urls"
WSGI_APPLICATION = "newsportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Widget templates come from the project's templates too (our captcha widget).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while a writer commits; IMMEDIATE takes the write lock
    # at BEGIN so concurrent writers queue instead of failing with "database is locked".
    # Connections persist like PostgreSQL's: opening one (and running these pragmas)
    # cost a tenth of a rendered page.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
            " PRAGMA busy_timeout=20000;"
        ),
    }

elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_PREPARED_STATEMENTS", default=True
):
    # Parameters travel apart from the SQL and a query run five times is prepared, so
    # that PostgreSQL keeps its plan instead of planning it anew for every page.
    # (Behind a pooler in transaction mode, such as PgBouncer's, set
    # DATABASE_PREPARED_STATEMENTS=0.)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Whole rendered pages for anonymous readers, refreshed by every visible change (see
# readercache). Off renders every request: `make bench` measures both.
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", default=True)
# Without Redis, the processes of one machine share readers' versions through this
# file (see readercache.versions).
READER_CACHE_VERSIONS_FILE = Path(
    env_str("READER_CACHE_VERSIONS_FILE", str(BASE_DIR / "reader-versions.sqlite3"))
)
# How long a draft's signed preview link works.
ARTICLE_PREVIEW_DAYS = env_int("ARTICLE_PREVIEW_DAYS", 7)

REDIS_URL = env_str("REDIS_URL")
# Two caches. "readers" holds readers' pages and fragments (readercache): Redis, or
# this process's memory. "default" holds what staff sign-in must share between every
# process and app server and must not lose to a flood of pages: allauth's lockout
# counts and the TOTP codes already used. It lives in the database (a table made by
# migration staff/0005), so it holds with several workers and no Redis, and while
# Redis is down.
SIGN_IN_CACHE_TABLE = "newsportal_sign_in_cache"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": SIGN_IN_CACHE_TABLE,
        # Culling would forget lockouts: entries expire within 15 minutes anyway.
        "OPTIONS": {"MAX_ENTRIES": 1_000_000},
    }
}
if REDIS_URL:
    CACHES["readers"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "newsportal"),
        # A Redis that is down must cost readers no wait: see readercache.shared.
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
    }
else:
    CACHES["readers"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "newsportal",
        # Bounded: the least recently used third goes when it is full.
        "OPTIONS": {"MAX_ENTRIES": 2000, "CULL_FREQUENCY": 3},
    }

_PASSWORD_CHECKS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_PASSWORD_CHECKS}.UserAttributeSimilarityValidator"},
    # Long passphrases are welcome; short passwords fall to a guesser.
    {
        "NAME": f"{_PASSWORD_CHECKS}.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": f"{_PASSWORD_CHECKS}.CommonPasswordValidator"},
    {"NAME": f"{_PASSWORD_CHECKS}.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    # Argon2, computed at the lowest CPU priority so readers' requests come first
    # (staff.hashers); the hashes are plain Argon2.
    "staff.hashers.LowPriorityArgon2PasswordHasher",
    # Older hashes still check, and are upgraded to Argon2 at the next sign-in.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

# Staff accounts (see staff/ and the README's "Staff accounts"): sign-in through
# allauth at /staff/login/, with a second factor before any admin page.
# allauth's backend only (it is Django's ModelBackend underneath): with two, every
# failed sign-in would hash the password twice.
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "admin:index"
ACCOUNT_ADAPTER = "staff.adapters.StaffAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# Five wrong passwords (or second-factor codes) in 15 minutes lock that username, and
# twenty lock that sender (its keyed hash, never its address), whatever comes next.
STAFF_LOGIN_FAILURES = env_int("STAFF_LOGIN_FAILURES", 5)
STAFF_LOGIN_SENDER_FAILURES = env_int("STAFF_LOGIN_SENDER_FAILURES", 20)
STAFF_LOGIN_LOCK_MINUTES = env_int("STAFF_LOGIN_LOCK_MINUTES", 15)
ACCOUNT_RATE_LIMITS = {
    "login_failed": (
        f"{STAFF_LOGIN_SENDER_FAILURES}/{STAFF_LOGIN_LOCK_MINUTES}m/ip,"
        f"{STAFF_LOGIN_FAILURES}/{STAFF_LOGIN_LOCK_MINUTES}m/key"
    ),
}
# Password checks (Argon2, half a second of CPU each) running at once on one app
# server, across all its worker processes; a sign-in beyond them is answered "busy,
# try again in a moment" at once, so that sign-ins never hold every worker while
# readers wait (staff.password_checks; measured by `make bench-login`).
STAFF_PASSWORD_CHECKS_AT_ONCE = env_int("STAFF_PASSWORD_CHECKS_AT_ONCE", 1)
STAFF_PASSWORD_CHECK_LOCK_DIR = Path(tempfile.gettempdir()) / (
    "newsportal-password-checks-"
    + hashlib.sha256(f"{os.getuid()}:{BASE_DIR}".encode()).hexdigest()[:12]
)
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_ALLOW_UNVERIFIED_EMAIL = True
MFA_TOTP_ISSUER = env_str("STAFF_TOTP_ISSUER", "newsportal")
# Browsers allow passkeys on https:// only, and on http://localhost for development.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
STAFF_SESSION_IDLE_MINUTES = env_int("STAFF_SESSION_IDLE_MINUTES", 30)
STAFF_SESSION_HOURS = env_int("STAFF_SESSION_HOURS", 8)
SESSION_COOKIE_AGE = STAFF_SESSION_HOURS * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ar", _("Arabic"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "UTC")

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# Readers' pages are cached whole and shared by every reader (and by nginx's
# micro-cache), so their policy holds no nonce: a nonce every reader shares protects
# nothing. Every script and style is a file from our own host, so markup that slips
# into content cannot run or restyle the page.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    # Bootstrap draws form icons as data: SVG.
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Tiptap, the editor inside django-prose-editor, adds its base stylesheet to the page
# as a <style> element (its `injectCSS`, which django-prose-editor gives no nonce).
# That exact stylesheet is allowed by its hash, for the django-prose-editor version
# pinned in pyproject.toml; tests/security/test_prose_editor_style_hash.py recomputes
# it from the installed editor.js, so an upgrade that changes it fails there first.
PROSE_EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
# The admin is rendered for one staff member per request and never cached, so its
# nonce is a real one: Django's admin templates mark their few inline tags with it.
# newsportal.security applies this policy to staff pages (/admin/, /staff/).
ADMIN_CSP = SECURE_CSP | {
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE, PROSE_EDITOR_STYLE_HASH],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
# A reader's click must not tell the linked site which story they read. (The admin
# sends same-origin instead: see newsportal.security.)
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# One switch for a site served over HTTPS only: plain HTTP is redirected, and
# browsers are told to use nothing but HTTPS for this domain and every subdomain for
# two years, in a form the browsers' preload list accepts (submitting the domain to
# that list stays the operator's decision: see the README).
_https = env_bool("DJANGO_HTTPS", default=False)
if env_int("DJANGO_HSTS_SECONDS", 0) or env_bool("DJANGO_SECURE_SSL_REDIRECT"):
    # Ignoring them would quietly take HTTPS protection away from a site that had it.
    raise ImproperlyConfigured(
        "DJANGO_HSTS_SECONDS and DJANGO_SECURE_SSL_REDIRECT are replaced by"
        " DJANGO_HTTPS=1."
    )
SECURE_SSL_REDIRECT = _https
# Load balancers may probe the process over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/"]
SECURE_HSTS_SECONDS = 2 * 365 * 24 * 3600 if _https else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = _https
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool(
    "DJANGO_SECURE_COOKIES", default=_https or not DEBUG
)
if env_bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# `manage.py check --deploy` is answered, never silenced.
SILENCED_SYSTEM_CHECKS: list[str] = []

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# The signed static copy (manage.py export_static): the OpenSSH private key that
# signs its manifest; empty means --key must name one (or --unsigned).
EXPORT_SIGNING_KEY = env_str("EXPORT_SIGNING_KEY")
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "newsroom@localhost")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = 20

# Moderator notifications leave the reader's request through the Tasks framework;
# the database backend's worker (`manage.py db_worker`) sends them.
TASKS = {
    "default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}
}

# Search, related articles and most read (search/, readership/)
# One sender (its keyed hash) may search this many times per window; more get 429.
SEARCH_RATE_LIMIT = env_int("SEARCH_RATE_LIMIT", 30)
SEARCH_RATE_LIMIT_SECONDS = env_int("SEARCH_RATE_LIMIT_SECONDS", 60)
SEARCH_MAX_QUERY_LENGTH = 100
# "Most read" leaves out articles read fewer times than this in the last 24 hours.
MOST_READ_MIN_VIEWS = env_int("MOST_READ_MIN_VIEWS", 10)
# Readings are counted in the readers' cache and written to the database in one
# batch at most this often (readership.counting).
READERSHIP_FLUSH_SECONDS = env_int("READERSHIP_FLUSH_SECONDS", 60)

# Reader comments
COMMENTS_RATE_LIMIT_POSTS = env_int("COMMENTS_RATE_LIMIT_POSTS", 5)
COMMENTS_RATE_LIMIT_SECONDS = env_int("COMMENTS_RATE_LIMIT_SECONDS", 600)
COMMENTS_DUPLICATE_WINDOW_SECONDS = 3600
COMMENTS_EMAIL_RETENTION_DAYS = env_int("COMMENTS_EMAIL_RETENTION_DAYS", 30)
COMMENTS_FORM_MAX_AGE_SECONDS = env_int("COMMENTS_FORM_MAX_AGE_SECONDS", 6 * 3600)
COMMENTS_NOTIFY_MODERATORS = env_bool("COMMENTS_NOTIFY_MODERATORS", default=True)
# The request header that carries the reader's address when a trusted reverse proxy
# sets it (e.g. "X-Real-IP"); empty means the socket's address. Never trust a header
# the proxy does not overwrite.
COMMENTS_CLIENT_IP_HEADER = env_str("COMMENTS_CLIENT_IP_HEADER")
COMMENTS_IPV4_PREFIX = env_int("COMMENTS_IPV4_PREFIX", 32)
COMMENTS_IPV6_PREFIX = 64
if COMMENTS_IPV4_PREFIX not in {24, 32}:
    raise ImproperlyConfigured("COMMENTS_IPV4_PREFIX must be 24 or 32.")

CAPTCHA_TIMEOUT = 30  # minutes: time enough to write a considered comment
CAPTCHA_LENGTH = 5
CAPTCHA_FLITE_PATH = shutil.which("flite")
# No added noise: the audio code is for readers who cannot see the image.
CAPTCHA_SOX_PATH = None

# Readers' bare "example.org" in comments links to https, not http.
URLIZE_ASSUME_HTTPS = True

EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "line",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per request (newsportal.request_log); off with DJANGO_REQUEST_LOG=0.
        "newsportal.requests": {
            "level": "INFO"
            if env_bool("DJANGO_REQUEST_LOG", default=True)
            else "WARNING"
        },
        # Django's own request warnings repeat what that line says.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
    },
}
