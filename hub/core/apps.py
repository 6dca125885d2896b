from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hub.core"
    label = "core"
    verbose_name = "Partnerships and agencies"

    def ready(self):
        from hub.core.csp import nonce_chooser_scripts

        nonce_chooser_scripts()
