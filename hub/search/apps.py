from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "hub.search"
    label = "hubsearch"
    verbose_name = "Site search"

    def ready(self):
        from hub.core.domains import register_app
        from hub.search import indexing

        register_app(self)
        indexing.connect()
