"""What the yearly report's tests share: each partnership's yearly reports page, a report made
and published as an editor publishes one, and a test domain offering figures (a count of
people with a breakdown, a stacked breakdown, a rate, a count of things) and search topics,
all counted from the example domain's kudos (tests/example_domain), so a test adds data and
watches the figures move."""

import datetime

import pytest
from django.utils import timezone

from hub.core.domains import Domain, Figure, TopicSource, register, unregister

YEAR = (datetime.date(2012, 4, 1), datetime.date(2013, 3, 31))  # far from the demo's years
LABEL = "reportstest"
PEOPLE = f"{LABEL}.kudos-given"
PARTS = f"{LABEL}.kudos-by-note"
STACKED = f"{LABEL}.kudos-by-note-and-half"
RATE = f"{LABEL}.kudos-with-a-long-note"
THINGS = f"{LABEL}.notes-written"
UNICODE_NAME = "Kudos to Zoë Ŧ"


def _kudos(partnership, start, end):
    from tests.example_domain.models import Kudos

    return Kudos.objects.filter(person__partnership=partnership, given_at__date__range=(start, end))


def _count(partnership, start, end):
    return _kudos(partnership, start, end).count()


def _by_note(partnership, start, end):
    counts = {}
    for note in _kudos(partnership, start, end).values_list("note", flat=True):
        counts[note] = counts.get(note, 0) + 1
    return sorted(counts.items())


def _by_note_and_half(partnership, start, end):
    middle = start + (end - start) / 2
    rows = {}
    for note, given in _kudos(partnership, start, end).values_list("note", "given_at"):
        row = rows.setdefault(note, [0, 0])
        row[0 if given.date() <= middle else 1] += 1
    return sorted(rows.items())


def _rate(partnership, start, end):
    total = _count(partnership, start, end)
    if not total:
        return None
    long = sum(
        len(note) > 10 for note in _kudos(partnership, start, end).values_list("note", flat=True)
    )
    return 100 * long / total


def _topics(partnership, start, end):
    return [(note, count) for note, count in _by_note(partnership, start, end)]


def _topic_count(partnership, start, end, topic):
    return _kudos(partnership, start, end).filter(note=topic).count()


TEST_DOMAIN = Domain(
    label=LABEL,
    name="Kudos for reports (a test)",
    figures=(
        Figure("Kudos given", "kudos", _count, counts_people=True),
        Figure(
            UNICODE_NAME,
            "kudos",
            _count,
            counts_people=True,
            breakdown=_by_note,
            key="kudos-by-note",
        ),
        Figure(
            "Kudos by note and half year",
            "kudos",
            _count,
            counts_people=True,
            breakdown=_by_note_and_half,
            columns=("First half", "Second half"),
            key="kudos-by-note-and-half",
        ),
        Figure("Kudos with a long note", "%", _rate, key="kudos-with-a-long-note"),
        Figure("Notes written", "notes", _count, key="notes-written", breakdown=_by_note),
    ),
    topic_sources=(TopicSource("kudos-notes", "Kudos notes (a test)", _topics, _topic_count),),
)


@pytest.fixture
def figures_domain():
    register(TEST_DOMAIN)
    yield TEST_DOMAIN
    unregister(LABEL)


def give_kudos(partnership, count, *, note="Thank you", on=datetime.date(2012, 6, 1)):
    """`count` kudos to one person of `partnership`, given on `on`."""
    from hub.core.models import User
    from tests.example_domain.models import Kudos

    person = User.objects.filter(partnership=partnership).order_by("pk").first()
    when = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12)))
    Kudos.objects.bulk_create(Kudos(person=person, note=note, given_at=when) for _ in range(count))


def reports_index(partnership):
    """The partnership's yearly reports page (made if the demo has none)."""
    from hub.reports.models import YearlyReportIndexPage
    from hub.site.models import HomePage

    home = HomePage.objects.get(pk=partnership.site.root_page_id)
    found = YearlyReportIndexPage.objects.child_of(home).first()
    if found is None:
        found = YearlyReportIndexPage(title="Yearly reports", slug="yearly-reports")
        home.add_child(instance=found)
        found.save_revision().publish()
    return found


@pytest.fixture
def westshire_index(westshire):
    return reports_index(westshire)


@pytest.fixture
def northmoor_index(northmoor):
    return reports_index(northmoor)


def make_report(
    index, body, *, year=YEAR, title="Our year (test)", slug=None, publish=True, **fields
):
    """A report under `index`, saved as a draft and (unless told) published, as the admin does."""
    from hub.reports.models import YearlyReportPage

    page = YearlyReportPage(
        title=title,
        slug=slug or f"report-{year[0].year}-{year[1].year}",
        starts_on=year[0],
        ends_on=year[1],
        body=body,
        live=False,
        **fields,
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def figure(key, chart="", *, caption="", show_breakdown=True):
    return (
        "figure",
        {"figure": key, "chart": chart, "show_breakdown": show_breakdown, "caption": caption},
    )


def headline(*keys, heading="At a glance"):
    return ("headline_figures", {"heading": heading, "figures": list(keys)})


def topics(source, *picked, caption=""):
    return ("search_topics", {"source": source, "topics": list(picked), "caption": caption})
