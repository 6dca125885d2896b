from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "hub.demo"
    label = "demo"
    verbose_name = "Demo content"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
