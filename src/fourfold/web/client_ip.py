"""The client's IP address, for the sign-in lockout and the audit trail (one rule for both)."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, unless FOURFOLD_PROXY_COUNT trusted proxies sit in front of the app.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so the
    client is the N-th entry from the right; anything further left was sent by the client and is ignored.
    """
    remote = str(request.META.get("REMOTE_ADDR", "") or "")
    proxies = int(getattr(settings, "FOURFOLD_PROXY_COUNT", 0) or 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
