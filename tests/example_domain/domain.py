import contextlib
import datetime

from django.conf import settings
from django.urls import reverse

from hub.core.domains import (
    Domain,
    Figure,
    Job,
    Link,
    PersonalData,
    Retention,
    RoleDef,
    Searchable,
    StaffLink,
    Todo,
    register,
    unregister,
)

KEPT = datetime.timedelta(days=30)
RUNS = []


def _export(user):
    from tests.example_domain.models import Kudos

    return [{"note": k.note} for k in Kudos.objects.filter(person=user)]


def _prune(now):
    from tests.example_domain.models import Kudos

    return Kudos.objects.filter(given_at__lt=now - KEPT).delete()[0]


def _shown(request=None):
    return getattr(settings, "EXAMPLE_DOMAIN_SHOWN", False)


def _to_read(user):
    return [("Kudos to read", "/search/?q=kudos", 3)] if _shown() else []


def _chunks(ids):
    """Each kudos on its partnership's site (a test's example: real kudos would be private)."""
    from hub.search.models import SearchChunk
    from tests.example_domain.models import Kudos

    kudos = Kudos.objects.select_related("person")
    if ids is not None:
        kudos = kudos.filter(pk__in=ids)
    return {
        k.pk: [
            SearchChunk(
                partnership_id=k.person.partnership_id,
                kind="Kudos",
                title=k.note,
                text=f"Kudos: {k.note}",
                url="/",
            )
        ]
        for k in kudos
    }


def _count(partnership, start, end):
    from tests.example_domain.models import Kudos

    return Kudos.objects.filter(
        person__partnership=partnership, given_at__date__range=(start, end)
    ).count()


DOMAIN = Domain(
    label="example_domain",
    name="Kudos (an example)",
    audit_actions={"hub.example.kudos_given": "Gave kudos"},
    actions={
        "kudos.give": "Give kudos to a colleague",
        "kudos.moderate": "Hide kudos that should not have been given",
    },
    roles=(
        RoleDef(
            "kudos_moderator",
            "Kudos moderator",
            frozenset({"kudos.moderate", "kudos.give"}),
            scope="agency",
        ),
    ),
    grants={"practitioner": ("kudos.give",), "partnership_admin": ("kudos.moderate",)},
    personal_data=(PersonalData(key="kudos", models=("example_domain.Kudos",), export=_export),),
    retention=(Retention("Kudos", "30 days", ("example_domain.Kudos",), _prune),),
    jobs=(Job("example_tally", RUNS.append, every=datetime.timedelta(hours=1)),),
    cache_purge={"example_domain.kudos": ("content",)},
    navigation=(
        Link(
            "Kudos",
            lambda request: reverse("search:search") + "?q=kudos",
            order=35,
            shown=_shown,
        ),
    ),
    search=(
        Searchable("kudos", "Kudos", _chunks, changes={"example_domain.Kudos": lambda k: [k.pk]}),
    ),
    staff_links=(
        StaffLink(
            "content",
            "Kudos to moderate",
            lambda request: reverse("search:search") + "?q=kudos",
            _shown,
            description="Kudos people gave, to hide any that should not have been.",
        ),
    ),
    todos=(Todo("kudos to read", _to_read),),
    figures=(Figure("Kudos given", "kudos", _count, counts_people=True),),
)


@contextlib.contextmanager
def registered(domain, *, instead_of=None):
    if instead_of:
        unregister(instead_of.label)
    if domain is not None:
        register(domain)
    try:
        yield
    finally:
        if domain is not None:
            unregister(domain.label)
        register(instead_of or DOMAIN)
