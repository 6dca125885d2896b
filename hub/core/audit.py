"""The audit log: who did what to which record, when, and from where. Never the content.

Entries are Wagtail log entries (so page history and our records share one log and one
admin report) with the client address and the record's partnership and agency in `data`,
which is how a partnership admin's view is filtered.
"""

import datetime
import ipaddress

from django.conf import settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

AUDIT_PREFIX = "hub."


def actions():
    """action -> label shown in the log: every domain's `audit_actions` (hub/core/domains.py)."""
    from hub.core.domains import every

    return dict(every("audit_actions"))


def client_address(request):
    if request is None:
        return ""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except Exception:  # noqa: BLE001 - a malformed forwarding header must not stop logging
        return request.META.get("REMOTE_ADDR", "")


IPV6_PREFIX = 64  # one household or office is one client, as for sign-in throttling


def client_key(group, request):
    """Who is asking, for a rate limit (django-ratelimit's `key`): the client address as the
    audit log and sign-in throttling read it (allauth, honouring TRUSTED_PROXY_COUNT), an
    IPv6 address by its /64."""
    address = client_address(request) or "unknown"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/{IPV6_PREFIX}", strict=False).network_address)
    return str(ip)


def record(
    *, actor, action, instance, request=None, partnership_id=None, agency_id=None, details=None
):
    """Write one audit entry. `details` may name roles or reasons, never record content."""
    if action not in actions():
        raise ValueError(f"Unknown audit action {action!r}")
    data = {
        "client_address": client_address(request),
        "partnership_id": partnership_id
        if partnership_id is not None
        else getattr(instance, "partnership_id", None),
        "agency_id": agency_id if agency_id is not None else getattr(instance, "agency_id", None),
    }
    if details:
        data["details"] = details
    return ModelLogEntry.objects.log_action(
        instance,
        action,
        user=actor if actor is not None and actor.is_authenticated else None,
        title=f"{instance._meta.verbose_name.capitalize()} {instance.pk}",
        data=data,
    )


def entries():
    return ModelLogEntry.objects.filter(action__startswith=AUDIT_PREFIX)


def prune(*, now=None):
    """Delete the Hub's audit entries older than the retention period; return how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.AUDIT_LOG_RETENTION_DAYS)
    deleted, _ = entries().filter(timestamp__lt=cutoff).delete()
    return deleted


def describe(entries, viewer):
    """Name each entry's record as it is now, and link it where `viewer` may open it: a
    person to their page on the people screens, anything else to its admin edit screen (if
    their roles allow it). One query per kind of record on the page; a record since deleted
    keeps the entry's own label ("User 162")."""
    from collections import defaultdict

    from django.contrib.contenttypes.models import ContentType
    from django.urls import reverse
    from wagtail.admin.admin_url_finder import AdminURLFinder

    from hub.core.models import User
    from hub.core.permissions import Action, scope_queryset

    wanted = defaultdict(set)
    for entry in entries:
        wanted[entry.content_type_id].add(entry.object_id)
    found = {}
    for content_type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        keys = [int(key) for key in ids if str(key).isdigit()]
        for record in model._base_manager.filter(pk__in=keys):
            found[(content_type_id, str(record.pk))] = record
    people = [record.pk for record in found.values() if isinstance(record, User)]
    # Whom the viewer may open, in one query (not a permission check per row).
    openable = set(
        scope_queryset(viewer, Action.VIEW_PEOPLE, User.objects.filter(pk__in=people)).values_list(
            "pk", flat=True
        )
    )
    finder = AdminURLFinder(viewer)
    for entry in entries:
        record = found.get((entry.content_type_id, str(entry.object_id)))
        entry.record_name = str(record) if record is not None else f"{entry.label} (deleted)"
        entry.record_url = ""
        if isinstance(record, User):
            if record.pk in openable:
                entry.record_url = reverse("accounts:person", args=[record.pk])
        elif record is not None:
            entry.record_url = finder.get_edit_url(record) or ""
    return entries
