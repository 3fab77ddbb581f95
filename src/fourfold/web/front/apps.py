from django.apps import AppConfig


class FrontConfig(AppConfig):
    name = "fourfold.web.front"
    label = "front"
    verbose_name = "Layout and home page"
