"""Security middleware: response headers not covered by Django's SecurityMiddleware (Content-Security-Policy),
and the sign-in requirement, which the JSON API answers with 401 instead of a redirect."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import resolve_url

# The URL namespace of the JSON API (NinjaAPI(urls_namespace=...) in fourfold.web.api.api); its Swagger page
# is for people in a browser, so it keeps the redirect to the sign-in page.
API_NAMESPACE = "api"
API_HTML_PAGES = {"openapi-view"}


def policy_header(policy: dict[str, list[str]]) -> str:
    return "; ".join(f"{directive} {' '.join(sources)}".strip() for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """Adds the CONTENT_SECURITY_POLICY setting as a header to every response that has none."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = policy_header(getattr(settings, "CONTENT_SECURITY_POLICY", {}))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.header
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        return response


def is_api_request(request: HttpRequest) -> bool:
    """True for a view of the JSON API, the OpenAPI schema included (not its HTML documentation page)."""
    match = getattr(request, "resolver_match", None)
    return bool(match and API_NAMESPACE in match.namespaces and match.url_name not in API_HTML_PAGES)


class LoginRequiredMiddleware(DjangoLoginRequiredMiddleware):
    """Django's LoginRequiredMiddleware (every view needs a signed-in user unless @login_not_required), except
    that an anonymous call to the JSON API gets 401 JSON: a program cannot follow a redirect to a form."""

    def handle_no_permission(self, request: HttpRequest, view_func: Any) -> HttpResponse:
        if not is_api_request(request):
            return super().handle_no_permission(request, view_func)
        response = JsonResponse({"detail": "Authentication required"}, status=401)
        # RFC 9110 s.15.5.2: a 401 carries a WWW-Authenticate challenge. Sessions have no registered scheme:
        # this is the "Cookie" challenge of draft-broyer-http-cookie-auth (where to sign in, which cookie).
        sign_in = resolve_url(self.get_login_url(view_func))
        response["WWW-Authenticate"] = (
            f'Cookie realm="Fourfold", form-action="{sign_in}", cookie-name="{settings.SESSION_COOKIE_NAME}"'
        )
        return response
