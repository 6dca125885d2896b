"""What empties the anonymous page cache: any saved or deleted row of a model that public
pages show. Training rows move only the training pages' generation."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from hub.ops.page_cache import CONTENT, TRAINING, purge

# Models whose rows appear on public pages, by the section whose pages show them.
CONTENT_MODELS = {
    "wagtailcore.site",
    "wagtailimages.image",
    "core.partnership",
    "core.agency",
    "core.worriedaboutachild",
    "core.footerlinks",
    "library.librarydocument",
    "library.documentversion",
    "library.topic",
    "procedures.release",
    "procedures.chapter",
    "procedures.glossaryterm",
}
TRAINING_MODELS = {
    "training.course",
    "training.tariff",
    "training.session",
    "training.booking",
    "training.waitinglistentry",
    "training.audience",
    "training.trainingpolicy",
}


def _section_for(model):
    label = model._meta.label_lower
    if label in TRAINING_MODELS:
        return (TRAINING,)
    if label in CONTENT_MODELS or issubclass(model, Page):
        return (CONTENT, TRAINING)
    return None


def _purge_after_commit(*sections):
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


def connect():
    post_save.connect(_on_change, dispatch_uid="hub.ops.page_cache.save")
    post_delete.connect(_on_change, dispatch_uid="hub.ops.page_cache.delete")
    m2m_changed.connect(_on_change, dispatch_uid="hub.ops.page_cache.m2m")
    page_published.connect(_on_page_event, dispatch_uid="hub.ops.page_cache.published")
    page_unpublished.connect(_on_page_event, dispatch_uid="hub.ops.page_cache.unpublished")
