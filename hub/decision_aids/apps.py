from django.apps import AppConfig


class DecisionAidsConfig(AppConfig):
    name = "hub.decision_aids"
    label = "decision_aids"
    verbose_name = "Decision aids and levels of need"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
