from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hub.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
        from hub.accounts import signals  # noqa: F401 - connects the audit log to allauth
