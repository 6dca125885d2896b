from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "hub.reports"
    label = "reports"
    verbose_name = "Yearly report"

    def ready(self):
        from wagtail.signals import page_published

        from hub.core.domains import register_app
        from hub.reports.models import YearlyReportPage

        register_app(self)
        page_published.connect(
            _freeze_on_publish, sender=YearlyReportPage, dispatch_uid="hub.reports.freeze"
        )


def _freeze_on_publish(sender, instance, revision=None, **kwargs):
    """Publishing a yearly report keeps its figures as they are (hub/reports/services.py)."""
    from hub.reports.services import freeze_published

    freeze_published(instance, revision)
