"""Kenes settings, read from the environment so one build runs in development, CI and production.

DATABASE_URL   default: SQLite file $KENES_DATA_DIR/kenes.sqlite3 (KENES_DATA_DIR default ./var)
SECRET_KEY     required when DEBUG is off
DEBUG          "1"/"true" to enable; off by default so a forgotten variable never exposes debug pages
ALLOWED_HOSTS  comma-separated; default localhost names
KENES_ENV      "production" behind a TLS proxy: requires SECRET_KEY and turns on HTTPS-only cookies, HSTS and
               the redirect (`manage.py check --deploy` passes); default "local" serves plain HTTP on loopback
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def _flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _flag("DEBUG")
PRODUCTION = os.environ.get("KENES_ENV", "local").strip().lower() == "production"
DATA_DIR = Path(os.environ.get("KENES_DATA_DIR", "var")).resolve()

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when KENES_ENV=production")
    # A per-installation key kept beside the data, so sessions survive restarts without a committed secret.
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        SECRET_KEY = key_file.read_text().strip()
    else:
        from django.core.management.utils import get_random_secret_key

        SECRET_KEY = get_random_secret_key()
        try:
            DATA_DIR.mkdir(parents=True, exist_ok=True)
            key_file.write_text(SECRET_KEY)
            key_file.chmod(0o600)
        except OSError:
            pass

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# Kenes apps first: for a msgid two catalogues share ("Search", "Type"), the earlier app's translation wins,
# and the portal's wording is the one readers should see. Their templates likewise take precedence.
INSTALLED_APPS = [
    "kenes.portal",
    "kenes.rights",
    "kenes.search",
    "kenes.observatory",
    "kenes.lex",
    "kenes.site",  # the shell every app's pages extend (base template, CSS, navigation, error pages)
    "kenes.accounts",
    "kenes.desk",
    "kenes.accounts.apps.KenesAdminConfig",  # django.contrib.admin with the Kenes site (second factor)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "ninja",  # its templates and static files: /api/docs serves Swagger UI from here, never from a CDN
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kenes.site.security.ContentSecurityPolicyMiddleware",  # own origin only; inline CSS by hash
    "kenes.accounts.middleware.LockedOutEarlyMiddleware",  # a locked-out login costs one read, no more
    "kenes.site.uploads.UploadLimitMiddleware",  # 413 by Content-Length before a body is read
    "kenes.site.guards.RejectNulMiddleware",  # 400 for %00 in any URL (PostgreSQL cannot compare NUL)
    # Pages gzipped for slow mobile data (a chapter of law text shrinks ~5x). BREACH: the only secret in a
    # page is the CSRF token, and Django masks it with a fresh random salt on every response, so compressed
    # sizes leak nothing usable; pages echo no other secret next to user input (and Django pads each gzip
    # stream with up to 100 random bytes, the "Heal the BREACH" mitigation).
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "kenes.api.ApiEdgeMiddleware",  # JSON 404/405 under /api/ (inside gzip)
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kenes.accounts.middleware.SessionLifetimeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # turns a locked-out login into kenes.accounts.login.lockout_response
]

ROOT_URLCONF = "kenes.urls"
WSGI_APPLICATION = "kenes.wsgi.application"

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
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'kenes.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets web workers read while an import writes; the timeout rides out a writer's commit. IMMEDIATE
    # takes the write lock when a transaction begins: a deferred one that read first and then wrote failed at
    # once with "database is locked" when another writer had committed meanwhile (its snapshot was stale),
    # whatever the timeout; now the second import waits for the first.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": float(os.environ.get("KENES_SQLITE_TIMEOUT") or 20),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATA_DIR.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---- Login policy (kenes.accounts): Argon2, lockout on every login path, session lifetime.
# Argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane): Django's default asks 100 MiB and 8 lanes
# per login, which on a two-core server lets a handful of logins starve the pages. Older hashes still verify.
PASSWORD_HASHERS = [
    "kenes.accounts.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "kenes.accounts.login.LockoutBackend",  # refuses a locked account/address before any hash is computed
    "kenes.accounts.login.PasswordBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("KENES_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("KENES_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one reaching the limit locks it out
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a locked-out try writes nothing: cheap to refuse
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "kenes.accounts.login.lockout_response"
AXES_CLIENT_IP_CALLABLE = "kenes.accounts.client_ip.client_ip"
AXES_VERBOSE = False
#: Trusted reverse proxies in front of Kenes (nginx: 1), so lockout per address sees the client's address.
KENES_PROXY_COUNT = int(os.environ.get("KENES_PROXY_COUNT", "0"))
LOGIN_URL = "/accounts/login/"
# Idle timeout: the session cookie expires this long after the last request (renewed on each one).
SESSION_COOKIE_AGE = int(os.environ.get("KENES_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
#: And at the latest this long after the login, however busy (kenes.accounts.middleware).
KENES_SESSION_MAX_AGE = int(os.environ.get("KENES_SESSION_MAX_HOURS", "10")) * 3600
OTP_TOTP_ISSUER = "Kenes"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", _("Russian")),
    ("kk", _("Kazakh")),
    ("en", _("English")),
    ("ky", _("Kyrgyz")),
    ("uz", _("Uzbek")),
    ("tg", _("Tajik")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("KENES_STATIC_ROOT", DATA_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # whitenoise's hashed, compressed storage; a file missing from the manifest fails soft (see module)
        "BACKEND": "kenes.site.storage.ForgivingManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Production hardening, so `manage.py check --deploy` passes on the production settings.
if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off when KENES_ENV=production")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = _flag("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = _flag("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = _flag("CSRF_COOKIE_SECURE", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

KENES_EDITOR_GROUP = "editor"

# The search index: derived data, rebuilt from the database by `kenes reindex` (tests point it elsewhere).
KENES_SEARCH_INDEX = Path(os.environ.get("KENES_SEARCH_INDEX") or DATA_DIR / "search-index")
# Re-index a work after every import or edit commits (off for bulk loads: then run `kenes reindex`).
KENES_SEARCH_AUTOINDEX = _flag("KENES_SEARCH_AUTOINDEX", True)
# Meaning vectors beside the words (kenes/search/vectors.py): computed by `kenes import` and `kenes reindex`,
# read by every search of a few words or more. Off: a pure text search (tests turn it on where they test it).
KENES_SEARCH_VECTORS = _flag("KENES_SEARCH_VECTORS", True)
# Threads the encoder uses per process (OpenMP, passive waiting: under load 2 did no worse than 1, alone it
# embeds a question in two thirds of the time).
KENES_SEARCH_VECTOR_THREADS = int(os.environ.get("KENES_SEARCH_VECTOR_THREADS", "2"))

# The advisory desk: keys outside the database (see kenes/desk/keys.py), attachments outside static files.
KENES_DESK_KEY_FILE = Path(os.environ.get("KENES_DESK_KEY_FILE") or DATA_DIR / "desk.keys")
KENES_DESK_FILES = Path(os.environ.get("KENES_DESK_FILES") or DATA_DIR / "desk-files")
KENES_DESK_MAX_UPLOAD = int(os.environ.get("KENES_DESK_MAX_UPLOAD", str(10 * 1024 * 1024)))
#: The largest file an editor may upload (import page, POST /api/import); kenes/site/uploads.py enforces it
#: from the Content-Length header and while the body streams.
KENES_MAX_UPLOAD = int(os.environ.get("KENES_MAX_UPLOAD") or 50 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "kenes.site.uploads.CappedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
