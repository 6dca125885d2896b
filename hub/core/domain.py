"""What the core itself contributes through the registry: the partnership's own records on
public pages, Wagtail's scheduled publishing, and the job that applies every domain's
retention rules (hub/core/domains.py)."""

import datetime
import logging

from django.urls import reverse

from hub.core import sign_off, site_settings
from hub.core.domains import Domain, Job, StaffLink, every
from hub.core.staff_menu import admin_only, admin_screen

logger = logging.getLogger(__name__)


def apply_retention(now):
    """Every domain's retention rules, each on its own: one failing never stops the rest."""
    done = {}
    for rule in every("retention"):
        if rule.prune is None:
            continue
        try:
            done[rule.what] = rule.prune(now)
        except Exception:  # noqa: BLE001 - logged; the job reports the failure below
            logger.exception("Retention rule failed: %s", rule.what)
            done[rule.what] = "failed"
    if "failed" in done.values():
        raise RuntimeError(f"Some retention rules failed: {done}")
    return done


def _publish_scheduled(now):
    from django.core.management import call_command

    call_command("publish_scheduled", verbosity=0)


def _images_shown(request):
    from wagtail.images import get_image_model

    return admin_screen(get_image_model()._meta.label)(request)


def _settings_link(kind, order):
    return StaffLink(
        "content",
        kind.title,
        lambda request: site_settings.settings_url(request, kind.key),
        admin_only(site_settings.may_configure),
        order=order,
        description=kind.description,
    )


DOMAIN = Domain(
    label="core",
    name="Partnerships, agencies and their sites",
    audit_actions={**site_settings.AUDIT_ACTIONS, **sign_off.AUDIT_ACTIONS},
    staff_links=(
        StaffLink(
            "content",
            "Images",
            lambda request: reverse("wagtailimages:index"),
            _images_shown,
            order=30,
            description="Pictures and logos for your partnership's pages.",
        ),
        *(
            _settings_link(kind, order)
            for order, kind in enumerate(site_settings.KINDS.values(), start=40)
        ),
    ),
    jobs=(
        Job(
            "publish_scheduled",
            _publish_scheduled,
            every=datetime.timedelta(minutes=5),
            description="publishes and unpublishes pages at their scheduled times (Wagtail)",
        ),
        Job(
            "retention",
            apply_retention,
            at=datetime.time(2, 30),
            description="deletes what every domain keeps only for a time (see the README)",
        ),
    ),
    cache_purge={
        label: ("content", "training")
        for label in (
            "wagtailcore.site",
            "wagtailcore.pageviewrestriction",
            "wagtailimages.image",
            "wagtaildocs.document",
            "core.partnership",
            "core.agency",
            "core.worriedaboutachild",
            "core.footerlinks",
        )
    },
)
