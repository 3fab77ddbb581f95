from django.contrib import admin
from django.urls import include, path

from fourfold.web.accounts.views import admin_login_redirect
from fourfold.web.api.api import api

urlpatterns = [
    path("", include("fourfold.web.front.urls")),
    path("", include("fourfold.web.accounts.urls")),
    path("audit/", include("fourfold.web.audit.urls")),
    path("review/", include("fourfold.web.review.urls")),
    path("api/", api.urls),
    # One sign-in page for everything, with lockout and audit: the admin's own login form is not used.
    path("admin/login/", admin_login_redirect, name="admin-login-redirect"),
    path("admin/", admin.site.urls),
]
