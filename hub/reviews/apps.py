from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "hub.reviews"
    label = "reviews"
    verbose_name = "Practice reviews and learning"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
