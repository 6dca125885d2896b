from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "hub.assurance"
    verbose_name = "Section 11 self-assessment"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
