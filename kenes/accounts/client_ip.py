"""The client's IP address as the lockout and the audit see it (its own module: the login backends and the
signal receivers both need it, and neither may import the other)."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or behind ``KENES_PROXY_COUNT`` trusted proxies the address the
    outermost of them saw (the N-th entry from the right of X-Forwarded-For).

    Behind a reverse proxy REMOTE_ADDR is the proxy itself, and one locked address would lock everyone out,
    so a deployment with nginx in front sets KENES_PROXY_COUNT=1. Entries further left are written by the
    client and are never trusted. None when there is no valid address (a request made in code).
    """
    count = getattr(settings, "KENES_PROXY_COUNT", 0)
    remote = _valid_ip(request.META.get("REMOTE_ADDR", ""))
    if count <= 0:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    return (_valid_ip(hops[-count]) if len(hops) >= count else None) or remote
