from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "hub.ops"
    verbose_name = "Operations"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
        from hub.ops.signals import connect

        connect()
