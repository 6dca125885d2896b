import datetime

from django.conf import settings
from django.urls import reverse

from hub.core.domains import Domain, Figure, Job, Link, PersonalData, Retention, Todo

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


def _count(partnership, start, end):
    from tests.example_domain.models import Kudos

    return Kudos.objects.filter(
        person__partnership=partnership, given_at__date__range=(start, end)
    ).count()


DOMAIN = Domain(
    label="example_domain",
    name="Kudos (an example)",
    audit_actions={"hub.example.kudos_given": "Gave kudos"},
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
    todos=(Todo("kudos to read", _to_read),),
    figures=(Figure("Kudos given", "kudos", _count, counts_people=True),),
)
