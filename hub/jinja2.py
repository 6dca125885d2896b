"""The Jinja2 environment for public pages.

Templates find the GOV.UK Frontend macros under `govuk_frontend_jinja/`, Wagtail's tags
(pageurl, image, richtext, settings) and the project's own helpers.
"""

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    PrefixLoader,
)

from hub.core import presenters
from hub.core.forms import govuk_error_summary, govuk_field, govuk_field_html
from hub.opendata.feeds import feed_links


def environment(**options):
    # Templates are compiled once per process and never checked for changes outside DEBUG;
    # the compiled code is also kept on disk, so a new worker starts without compiling.
    options["auto_reload"] = settings.DEBUG
    if not settings.DEBUG:
        folder = Path(settings.VAR_DIR) / "cache" / "jinja2"
        folder.mkdir(parents=True, exist_ok=True)
        options.setdefault("bytecode_cache", FileSystemBytecodeCache(str(folder)))
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    options.setdefault("extensions", [])
    options["extensions"] += [
        "jinja2.ext.do",
        "wagtail.jinja2tags.core",
        "wagtail.images.jinja2tags.images",
        "wagtail.contrib.settings.jinja2tags.settings",
    ]
    options["autoescape"] = True
    env = Environment(**options)  # noqa: S701 - autoescape is set just above
    env.globals.update(
        static=static,
        url=reverse,
        csrf_token=get_token,
        get_messages=messages.get_messages,
        partnership_for=presenters.partnership_for,
        partnership_logo=presenters.partnership_logo,
        safety_routes=presenters.safety_routes,
        footer_links=presenters.footer_links,
        page_body=presenters.page_body,
        site_chrome=presenters.site_chrome,
        breadcrumbs_for=presenters.breadcrumbs_for,
        main_navigation=presenters.main_navigation,
        feed_links=feed_links,
        govuk_field=govuk_field,
        govuk_field_html=govuk_field_html,
        govuk_error_summary=govuk_error_summary,
    )
    env.filters.update(
        tel_href=presenters.tel_href,
        govuk_date=presenters.govuk_date,
        govuk_datetime=presenters.govuk_datetime,
        file_size=presenters.file_size,
    )
    return env
