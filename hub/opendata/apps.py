from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "hub.opendata"
    label = "opendata"
    verbose_name = "Open data"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
