from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "hub.assurance"
    verbose_name = "Section 11 self-assessment"
