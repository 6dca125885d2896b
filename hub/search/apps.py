from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "hub.search"
    label = "hubsearch"
    verbose_name = "Site search"
