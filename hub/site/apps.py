from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "hub.site"
    label = "site"
    verbose_name = "Public site"
