from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "hub.procedures"
    label = "procedures"
    verbose_name = "Regional procedures"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
