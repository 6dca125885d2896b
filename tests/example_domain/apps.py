from django.apps import AppConfig


class ExampleDomainConfig(AppConfig):
    """A minimal domain, installed only for the tests (tests/settings.py): one declaration
    and nothing else, to prove a new domain takes part everywhere without another file
    changing."""

    name = "tests.example_domain"
    label = "example_domain"
    hub_domain = True

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
