from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from fourfold.web.accounts.forms import SignInForm


class SignInView(auth_views.LoginView):
    """The one sign-in page (the admin's own login redirects here). Open to anonymous users."""

    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """POST only (Django's LogoutView refuses GET), then back to the sign-in page."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.success(request, "You have signed out.")
        return response


def admin_login_redirect(request: HttpRequest) -> HttpResponse:
    """Send the admin's login to the single sign-in page; signed-in people without admin access get 403."""
    next_url = request.GET.get("next")
    if next_url and not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = None
    if request.user.is_authenticated:
        if request.user.is_active and request.user.is_staff:
            return HttpResponseRedirect(next_url or reverse("admin:index"))
        raise PermissionDenied("Your account does not have access to the administration pages.")
    target = resolve_url(settings.LOGIN_URL)
    return HttpResponseRedirect(f"{target}?{urlencode({'next': next_url})}" if next_url else target)
