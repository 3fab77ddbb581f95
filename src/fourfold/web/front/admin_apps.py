"""The admin app configured with Fourfold's admin site (kept apart: app configs must not import models)."""

from django.contrib.admin.apps import AdminConfig


class FourfoldAdminConfig(AdminConfig):
    default_site = "fourfold.web.front.admin_site.FourfoldAdminSite"
