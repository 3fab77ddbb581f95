"""Production settings: `DJANGO_SETTINGS_MODULE=fourfold.web.settings_production`.

Requires DJANGO_SECRET_KEY (strong) and DJANGO_ALLOWED_HOSTS from the environment; serves only over HTTPS.
Set FOURFOLD_BEHIND_PROXY=1 when a reverse proxy terminates TLS and sets X-Forwarded-Proto.
`python -m fourfold.web.manage check --deploy` reports no issues with these settings.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from fourfold.web.settings import *  # noqa: F403
from fourfold.web.settings import env_bool


def _strong_secret_key() -> str:
    key = os.environ.get("DJANGO_SECRET_KEY", "")
    # The same bar as Django's security check W009: long, varied, not a generated "insecure" key.
    if len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure"):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters in production "
            '(for example: python -c "import secrets; print(secrets.token_urlsafe(64))")'
        )
    return key


def _allowed_hosts() -> list[str]:
    hosts = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()]
    if not hosts:
        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must name the host(s) this service answers to")
    return hosts


SECRET_KEY = _strong_secret_key()
DEBUG = False
ALLOWED_HOSTS = _allowed_hosts()

SECURE_SSL_REDIRECT = True
if env_bool("FOURFOLD_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
