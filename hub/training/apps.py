from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "hub.training"
    verbose_name = "Training programme"
