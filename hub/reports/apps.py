from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "hub.reports"
    label = "reports"
    verbose_name = "Yearly report"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
