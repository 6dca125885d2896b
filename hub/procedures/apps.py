from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "hub.procedures"
    label = "procedures"
    verbose_name = "Regional procedures"
