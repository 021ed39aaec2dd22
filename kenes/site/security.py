"""The Content-Security-Policy every response carries: our own origin only, and inline CSS by hash.

Pages inline their stylesheets (one round trip less on slow 3G), which a strict policy would block. Rather
than allow every inline style (``'unsafe-inline'``, which would let an injected ``<style>`` restyle a page)
the ``inline_css`` template tag records the SHA-256 of each stylesheet it inlines on the request, and this
middleware lists exactly those hashes. Scripts, images, fonts and connections come from our origin alone, so a
page can load no third-party asset; nothing may frame a page, and forms post only to us.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

#: Request attribute where ``inline_css`` leaves the hashes of the stylesheets a page inlined.
STYLE_HASHES = "_kenes_csp_style_hashes"

#: Swagger UI (/api/docs, served from django-ninja's own static files) sets inline styles of its own.
_UNSAFE_INLINE_STYLE_PATHS = ("/api/docs",)


def style_hash(css: str) -> str:
    """The CSP source expression allowing exactly this inline stylesheet."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def allow_inline_style(request: HttpRequest | None, css: str) -> None:
    """Let ``css`` (inlined in this request's page) through the policy."""
    if request is not None:
        request.__dict__.setdefault(STYLE_HASHES, set()).add(style_hash(css))


def policy(request: HttpRequest) -> str:
    if request.path_info.startswith(_UNSAFE_INLINE_STYLE_PATHS):
        styles = "'self' 'unsafe-inline'"
    else:
        styles = " ".join(["'self'", *sorted(request.__dict__.get(STYLE_HASHES, ()))])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            f"style-src {styles}",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class ContentSecurityPolicyMiddleware:
    """Adds the policy to every response that has none (after the page was rendered, so its hashes count)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy(request)
        return response
