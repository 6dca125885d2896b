from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hub.core"
    label = "core"
    verbose_name = "Partnerships and agencies"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
        from hub.core import checks  # noqa: F401 - registers the domain checks
        from hub.core.csp import nonce_chooser_scripts

        nonce_chooser_scripts()
