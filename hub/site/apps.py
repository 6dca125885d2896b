from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "hub.site"
    label = "site"
    verbose_name = "Public site"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
