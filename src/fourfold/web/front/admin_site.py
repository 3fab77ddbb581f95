"""The Django admin behind the app's own sign-in: no second login form, no detour for anonymous users."""

from __future__ import annotations

from collections.abc import Callable
from functools import update_wrapper
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url


class FourfoldAdminSite(admin.AdminSite):
    site_header = "Fourfold administration"
    site_title = "Fourfold administration"
    index_title = "Users, roles and records"

    def admin_view(
        self, view: Callable[..., HttpResponse], cacheable: bool = False
    ) -> Callable[..., HttpResponse]:
        wrapped = super().admin_view(view, cacheable)

        def gate(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            from django.contrib.auth.views import redirect_to_login

            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))
            if not (user.is_active and user.is_staff):
                raise PermissionDenied("Your account does not have access to the administration pages.")
            return wrapped(request, *args, **kwargs)

        return update_wrapper(gate, wrapped)

    def get_urls(self) -> list[Any]:
        urls = super().get_urls()
        for pattern in urls:
            callback = getattr(pattern, "callback", None)
            if callback is not None and hasattr(callback, "login_url"):
                # LoginRequiredMiddleware sends anonymous users here: the app's sign-in, not the admin's.
                callback.login_url = settings.LOGIN_URL
        return urls
