from django.apps import AppConfig


class YearlyConfig(AppConfig):
    name = "hub.yearly"
    label = "yearly"
    verbose_name = "Yearly report"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
