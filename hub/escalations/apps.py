from django.apps import AppConfig


class EscalationsConfig(AppConfig):
    name = "hub.escalations"
    label = "escalations"
    verbose_name = "Resolving professional differences"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
