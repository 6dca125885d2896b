"""What empties the anonymous page cache: any saved or deleted row of a model that public
pages show (training rows move only the training pages' generation), and Redis coming back
after an outage, which also drops every cached session."""

import logging

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from hub.core.domains import purge_sections
from hub.ops import fragments
from hub.ops.page_cache import CONTENT, TRAINING, purge, purge_after_outage
from hub.ops.resilient_cache import cache_recovered

logger = logging.getLogger(__name__)


def _section_for(model):
    """The page-cache sections showing this model's rows, as the domains declare them
    (`cache_purge` in hub/core/domains.py); every Wagtail page shows on every section."""
    if issubclass(model, Page):
        return (CONTENT, TRAINING)
    return purge_sections(model._meta.label_lower)


def _purge_after_commit(*sections):
    if CONTENT in sections:
        # This process's fragments go at once; every process's when the generation moves.
        fragments.forget()
    transaction.on_commit(lambda: purge(*sections))


def _on_change(sender, **kwargs):
    # For a many-to-many change the sender is the link table; the row changed is `instance`.
    model = type(kwargs["instance"]) if "action" in kwargs else sender
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    sections = _section_for(model)
    if sections:
        _purge_after_commit(*sections)


def _on_page_event(sender, **kwargs):
    _purge_after_commit(CONTENT, TRAINING)


def _drop_cached_sessions(sender, cache, **kwargs):
    """A sign-out during an outage deleted the session from the database but not from Redis;
    after it every session is read from the database once more."""
    from django.conf import settings
    from django.contrib.sessions.backends.cached_db import KEY_PREFIX
    from django.core.cache import caches

    sessions = caches[settings.SESSION_CACHE_ALIAS]
    if hasattr(sessions, "forget_matching"):
        sessions.forget_matching(KEY_PREFIX + "*")


def _write_outage_page(sender, instance, **kwargs):
    """The 503 page shows a site's numbers and name: rewritten when either is saved."""
    from hub.ops import outage

    site = instance if sender._meta.label_lower == "wagtailcore.site" else instance.site
    if site is not None:
        transaction.on_commit(lambda: outage.write_for_site(site))


def _write_outage_pages(sender, **kwargs):
    from hub.ops import outage

    if sender.label != "ops":  # sent once per app; once is enough
        return
    try:
        outage.write_all()
    except Exception:  # noqa: BLE001 - a migrate must not fail over a page written later
        logger.exception("Could not write the outage pages.")


def connect():
    post_save.connect(_on_change, dispatch_uid="hub.ops.page_cache.save")
    post_delete.connect(_on_change, dispatch_uid="hub.ops.page_cache.delete")
    m2m_changed.connect(_on_change, dispatch_uid="hub.ops.page_cache.m2m")
    page_published.connect(_on_page_event, dispatch_uid="hub.ops.page_cache.published")
    page_unpublished.connect(_on_page_event, dispatch_uid="hub.ops.page_cache.unpublished")
    cache_recovered.connect(purge_after_outage, dispatch_uid="hub.ops.page_cache.recovered")
    cache_recovered.connect(_drop_cached_sessions, dispatch_uid="hub.ops.sessions.recovered")
    for label in ("core.WorriedAboutAChild", "core.Partnership", "wagtailcore.Site"):
        post_save.connect(_write_outage_page, sender=label, dispatch_uid=f"hub.ops.outage.{label}")
    post_migrate.connect(_write_outage_pages, dispatch_uid="hub.ops.outage.migrate")
