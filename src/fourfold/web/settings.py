"""Django settings, read from environment variables.

DATABASE_URL            database (default: SQLite at <repo>/var/fourfold.sqlite3)
DJANGO_SECRET_KEY       secret key (default here: a random key kept in var/secret_key; production requires it)
DJANGO_DEBUG            "1"/"true" for debug pages (default off)
DJANGO_ALLOWED_HOSTS    comma-separated host names (default: localhost names)
DJANGO_CSRF_TRUSTED_ORIGINS  comma-separated origins, when served behind a proxy on another origin
FOURFOLD_VAR_DIR        where the embedded database, static files and demo users live (default <repo>/var)
FOURFOLD_NODE_MODULES   where npm installed the front-end packages (default <repo>/node_modules)
FOURFOLD_PROXY_COUNT    trusted reverse proxies in front of the app (client IP for lockout and audit)

Production: DJANGO_SETTINGS_MODULE=fourfold.web.settings_production.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or default


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def _repo_root() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "src" / "fourfold").is_dir():
            return parent
    return Path.cwd()


BASE_DIR = Path(os.environ.get("FOURFOLD_HOME") or _repo_root())
VAR_DIR = Path(os.environ.get("FOURFOLD_VAR_DIR") or BASE_DIR / "var")
VAR_DIR.mkdir(parents=True, exist_ok=True)
NODE_MODULES = Path(os.environ.get("FOURFOLD_NODE_MODULES") or BASE_DIR / "node_modules")


def _local_secret_key() -> str:
    """A random key made once per machine and kept in var/ (never in the repository)."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        key = secrets.token_urlsafe(50)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or _local_secret_key()
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])


def database_from_env() -> dict[str, Any]:
    url = os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{VAR_DIR / 'fourfold.sqlite3'}"
    try:
        config: dict[str, Any] = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL is not a usable database URL: {error}") from None
    # Test databases are named per process so parallel test runs on one machine never share one.
    config["TEST"] = {"NAME": f"test_{config.get('NAME') or 'fourfold'}_{os.getpid()}"}
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            # Take the write lock at BEGIN so concurrent writers (waitress threads) queue instead of failing,
            # and the audit chain's append is serialised on SQLite as it is by row locks on PostgreSQL.
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
        # Tests use a file (one per process), not shared-cache memory, so threads lock as in production.
        config["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"fourfold-test-{os.getpid()}.sqlite3")}
    return config


DATABASES = {"default": database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "fourfold.web.front.admin_apps.FourfoldAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "fourfold.web.accounts",
    "fourfold.web.audit",
    "fourfold.web.front",
    "fourfold.web.review",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "fourfold.web.front.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every view needs a signed-in user unless marked @login_not_required (only the sign-in page is); Django's
    # middleware, except that the JSON API answers an anonymous caller with 401 rather than a redirect.
    "fourfold.web.front.security.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "fourfold.web.audit.context.CurrentRequestMiddleware",
    # django-axes asks for its middleware last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "fourfold.web.urls"
WSGI_APPLICATION = "fourfold.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fourfold.web.front.context_processors.navigation",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "front:home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions end when the browser closes and after a working shift at most.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # htmx sends the token from the page (hx-headers), not from the cookie

# Brute-force lockout (django-axes): 5 failures for one username from one address lock that pair for 15 min.
AXES_FAILURE_LIMIT = env_int("FOURFOLD_LOCKOUT_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("FOURFOLD_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
FOURFOLD_PROXY_COUNT = env_int("FOURFOLD_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "fourfold.web.client_ip.client_ip"
AXES_VERBOSE = False

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Front-end packages come from npm (node_modules) and are served by WhiteNoise; nothing third-party is
# committed. The GOV.UK and MoJ style sheets refer to /assets/fonts and /assets/images, hence the URL.
STATIC_URL = "/assets/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS: list[Any] = [
    NODE_MODULES / "govuk-frontend/dist/govuk/assets",  # /assets/fonts, /assets/images
    NODE_MODULES / "@ministryofjustice/frontend/moj/assets",  # /assets/images (MoJ icons)
    ("govuk", NODE_MODULES / "govuk-frontend/dist/govuk"),
    ("moj", NODE_MODULES / "@ministryofjustice/frontend/moj"),
    ("htmx", NODE_MODULES / "htmx.org/dist"),
]
# Source files the browser never needs; left out when collecting static files.
STATIC_IGNORE_PATTERNS = [
    "*.scss",
    "*.njk",
    "*.yaml",
    "*.md",
    "*.d.ts",
    "*.map",
    "*.gz",
    "*.cjs.js",
    "*.amd.js",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Content Security Policy: only this origin's scripts, styles, fonts and images; no inline script.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
