from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "hub.training"
    verbose_name = "Training programme"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
