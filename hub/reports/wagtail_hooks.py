from wagtail import hooks


@hooks.register("register_admin_urls")
def register_reports_admin_urls():
    from django.urls import path

    from hub.reports import admin_views

    return [path("yearly-reports/", admin_views.yearly_reports, name="reports_yearly_reports")]
