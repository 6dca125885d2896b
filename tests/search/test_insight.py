"""Query insight (hub/search/insight.py): searches are logged only when the identifier guard
passes them, normalised, with no user, address or session; a click on a result goes through
a signed token that cannot be forged or lead off the site; completed months fold into
monthly figures that name a query only when it was typed at least 5 times; the raw log goes
after 30 days without losing a month's first day; and the business unit's report shows its
own partnership's figures only, never a query seen fewer than 5 times."""

import datetime
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from hub.core.domain import apply_retention
from hub.core.domains import jobs
from hub.core.models import Role
from hub.search import insight
from hub.search.models import QueryLog, QueryMonth

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _without_the_demos_figures(db):
    """These tests count every monthly figure: the demo's (hub/demo/search.py) go first."""
    QueryMonth.objects.all().delete()


MARCH = datetime.date(2026, 3, 1)
REPORT = "/admin/search-insight/"


def at(day, hour=2, minute=15):
    """A moment in the partnership's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def searched(partnership, query, times, *, day, results=3, clicked=0):
    """`times` logged searches for `query` on `day`, the first `clicked` of them clicked."""
    ids = [insight.record(query, partnership, results, today=day) for _ in range(times)]
    for log_id in ids[:clicked]:
        insight.record_click(log_id, 1)
    return ids


def months(partnership):
    return {
        (row.month, row.query): (row.searches, row.without_results, row.clicked)
        for row in QueryMonth.objects.filter(partnership=partnership)
    }


def token_of(url):
    return parse_qs(urlsplit(url).query)["t"][0]


# -- logging ------------------------------------------------------------------------------------


def test_a_search_is_logged_normalised_with_its_result_count_and_day_and_nothing_else(westshire):
    day = datetime.date(2026, 3, 4)
    log_id = insight.record("  Child   Protection: CONFERENCE?? ", westshire, 7, today=day)
    log = QueryLog.objects.get(pk=log_id)
    assert (log.partnership, log.query, log.results, log.clicked_rank, log.day) == (
        westshire,
        "child protection conference",
        7,
        None,
        day,
    )
    # No user, address or session is ever a column of the log.
    assert {field.name for field in QueryLog._meta.get_fields()} == {
        "id",
        "partnership",
        "query",
        "results",
        "clicked_rank",
        "day",
    }


@pytest.mark.parametrize(
    "query",
    [
        "943 476 5919",  # an NHS number with a valid check digit
        "9434765919 referral",
        "family at SW1A 1AA",  # a full postcode
        "jo.bloggs@example.org",  # an email address, whose punctuation normalising removes
        "Jayden born 03/04/2019",  # dates near born / DOB / aged
        "DOB 3rd April 2019 bruising",
        "aged 4, 2021-06-12",
    ],
)
def test_the_identifier_guard_keeps_a_query_that_identifies_a_child_out_of_the_log(
    westshire, query
):
    before = QueryLog.objects.count()
    assert insight.record(query, westshire, 0, today=MARCH) is None
    assert QueryLog.objects.count() == before


@pytest.mark.parametrize("query", ["", "   ", "?!* ^:", '""', "\x00\x07"])
def test_a_query_empty_once_normalised_is_not_logged(westshire, query):
    assert insight.record(query, westshire, 0, today=MARCH) is None
    assert not QueryLog.objects.exists()


def test_a_search_on_a_site_without_a_partnership_is_not_logged(db):
    assert insight.record("neglect", None, 2) is None
    assert not QueryLog.objects.exists()


# -- clicks ---------------------------------------------------------------------------------------


def test_a_click_records_its_rank_once_and_goes_on_to_the_result(westshire):
    log_id = insight.record("neglect toolkit", westshire, 12)
    url = insight.click_url(log_id, 3, "/library/neglect-toolkit/?version=2")
    assert url.startswith("/search/go/?t=")

    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"] == "/library/neglect-toolkit/?version=2"
    assert QueryLog.objects.get(pk=log_id).clicked_rank == 3

    # A second click (another result, or the same again) leaves the first click as it was.
    again = Client().get(insight.click_url(log_id, 1, "/procedures/neglect/"))
    assert again.status_code == 302 and again["Location"] == "/procedures/neglect/"
    assert QueryLog.objects.get(pk=log_id).clicked_rank == 3


def _signed(value, *, salt=insight.CLICK_SALT):
    return signing.dumps(value, salt=salt, compress=True)


class _DaysAgo(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 2 * 24 * 60 * 60)


def _bad_tokens(log_id):
    good = token_of(insight.click_url(log_id, 2, "/library/"))
    head, tail = good[:-3], good[-3:]
    return {
        "none": "",
        "nonsense": "not-a-token",
        "forged with another salt": _signed([log_id, 2, "/library/"], salt="another.salt"),
        "tampered": head + ("A" if tail[0] != "A" else "B") + tail[1:],
        "another log id spliced in": _signed([log_id + 1, 2, "/library/"]).split(":")[0]
        + ":"
        + good.split(":", 1)[1],
        "expired": _DaysAgo(salt=insight.CLICK_SALT).sign_object(
            [log_id, 2, "/library/"], compress=True
        ),
        "another site": _signed([log_id, 2, "https://evil.example/library/"]),
        "protocol-relative": _signed([log_id, 2, "//evil.example"]),
        "backslash": _signed([log_id, 2, "/\\evil.example"]),
        "tab": _signed([log_id, 2, "/\t/evil.example"]),
        "script": _signed([log_id, 2, "javascript:alert(1)"]),
        "rank zero": _signed([log_id, 0, "/library/"]),
        "not a list": _signed({"l": log_id, "r": 2, "u": "/library/"}),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "none",
        "nonsense",
        "forged with another salt",
        "tampered",
        "another log id spliced in",
        "expired",
        "another site",
        "protocol-relative",
        "backslash",
        "tab",
        "script",
        "rank zero",
        "not a list",
    ],
)
def test_a_bad_click_token_is_a_clear_400_page_and_changes_nothing(westshire, kind):
    log_id = insight.record("escalation", westshire, 4)
    token = _bad_tokens(log_id)[kind]

    response = Client().get("/search/go/", {"t": token} if token else {})
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1" in html and "Nothing has been recorded" in html
    heading = "This search link has expired" if kind == "expired" else "This search link is not"
    assert heading in html
    assert QueryLog.objects.get(pk=log_id).clicked_rank is None
    assert "Location" not in response


def test_the_click_address_answers_get_only(westshire):
    log_id = insight.record("escalation", westshire, 4)
    url = insight.click_url(log_id, 1, "/library/")
    assert Client().post(url).status_code == 405
    assert QueryLog.objects.get(pk=log_id).clicked_rank is None


def test_a_click_address_is_made_only_for_a_path_on_this_site(westshire):
    log_id = insight.record("escalation", westshire, 4)
    for url in ("https://evil.example/", "//evil.example", "library/", "/\\evil.example"):
        with pytest.raises(ValueError):
            insight.click_url(log_id, 1, url)
    # A search that was not logged links straight to its results.
    assert insight.click_url(None, 1, "/library/") == "/library/"


def test_a_click_on_a_pruned_search_still_goes_on_to_the_result(westshire):
    log_id = insight.record("escalation", westshire, 4)
    url = insight.click_url(log_id, 1, "/library/")
    QueryLog.objects.filter(pk=log_id).delete()
    response = Client().get(url)
    assert response.status_code == 302 and response["Location"] == "/library/"


# -- monthly figures ---------------------------------------------------------------------------


def test_a_month_names_only_queries_typed_five_times_and_counts_the_rest_as_other(westshire):
    searched(westshire, "neglect", 3, day=datetime.date(2026, 3, 2), clicked=1)
    searched(westshire, "Neglect!", 2, day=datetime.date(2026, 3, 20), results=0)
    searched(westshire, "lado", 4, day=datetime.date(2026, 3, 5), clicked=2)
    searched(westshire, "jo smith", 1, day=datetime.date(2026, 3, 9), results=0)
    # This month's searches are not a completed month.
    searched(westshire, "neglect", 6, day=datetime.date(2026, 4, 1))

    assert insight.roll_up(at(datetime.date(2026, 4, 1))) == 1
    assert months(westshire) == {
        (MARCH, "neglect"): (5, 2, 1),
        (MARCH, ""): (5, 1, 2),  # lado (4) and jo smith (1)
    }


def test_rolling_up_twice_changes_nothing_even_once_the_raw_log_is_pruned(westshire):
    searched(westshire, "neglect", 5, day=datetime.date(2026, 3, 2))
    searched(westshire, "lado", 2, day=datetime.date(2026, 3, 25))
    insight.roll_up(at(datetime.date(2026, 4, 1)))
    first = months(westshire)

    assert insight.roll_up(at(datetime.date(2026, 4, 1))) == 0
    assert months(westshire) == first
    # Later, some of March's searches are pruned: March's figures stay as they were.
    insight.prune(at(datetime.date(2026, 4, 10)))
    assert not QueryLog.objects.filter(day__lt=datetime.date(2026, 3, 11)).exists()
    insight.roll_up(at(datetime.date(2026, 4, 10)))
    assert months(westshire) == first


def test_the_first_day_of_a_31_day_month_is_counted_before_it_is_deleted(westshire):
    first = searched(westshire, "neglect", 5, day=datetime.date(2026, 3, 1))
    last = searched(westshire, "neglect", 1, day=datetime.date(2026, 3, 31))
    searched(westshire, "lado", 1, day=datetime.date(2026, 3, 1))

    # On the month's last day its first day is 30 days old: still kept.
    insight.prune(at(datetime.date(2026, 3, 31)))
    assert QueryLog.objects.filter(pk__in=first).count() == 5

    # On 1 April it is 31 days old: the daily job counts March, then deletes 1 March.
    jobs()["search_insight"].run(at(datetime.date(2026, 4, 1)))
    assert months(westshire) == {(MARCH, "neglect"): (6, 0, 0), (MARCH, ""): (1, 0, 0)}
    assert not QueryLog.objects.filter(day=datetime.date(2026, 3, 1)).exists()
    assert QueryLog.objects.filter(pk__in=last).exists()


def test_the_nightly_retention_job_alone_never_deletes_a_search_before_it_is_counted(westshire):
    searched(westshire, "neglect", 5, day=datetime.date(2026, 3, 1))
    # The core's retention job may run before search's own job: it rolls up all the same.
    apply_retention(at(datetime.date(2026, 4, 1), hour=2, minute=30))
    assert months(westshire) == {(MARCH, "neglect"): (5, 0, 0), (MARCH, ""): (0, 0, 0)}
    assert not QueryLog.objects.filter(partnership=westshire).exists()


def test_a_click_after_its_month_is_rolled_up_is_counted_in_that_month(westshire):
    ids = searched(westshire, "neglect", 5, day=datetime.date(2026, 3, 31))
    rare = insight.record("lado", westshire, 2, today=datetime.date(2026, 3, 31))
    insight.roll_up(at(datetime.date(2026, 4, 1), hour=0, minute=5))

    insight.record_click(ids[0], 2)
    insight.record_click(ids[0], 1)  # not a first click: not counted again
    insight.record_click(rare, 1)
    assert months(westshire) == {(MARCH, "neglect"): (5, 0, 1), (MARCH, ""): (1, 0, 1)}


def test_monthly_figures_are_kept_three_years(westshire):
    for month in (datetime.date(2023, 3, 1), datetime.date(2023, 4, 1)):
        QueryMonth.objects.create(partnership=westshire, month=month, query="", searches=9)
    assert insight.prune_months(at(datetime.date(2026, 4, 15))) == 1
    assert list(QueryMonth.objects.values_list("month", flat=True)) == [datetime.date(2023, 4, 1)]


# -- the report -------------------------------------------------------------------------------


def test_the_report_never_names_a_query_typed_fewer_than_five_times(westshire):
    today = datetime.date(2026, 4, 20)
    searched(westshire, "neglect", 5, day=datetime.date(2026, 3, 3), clicked=2)
    searched(westshire, "s47", 6, day=datetime.date(2026, 3, 3), results=0)
    searched(westshire, "strategy meeting", 5, day=datetime.date(2026, 3, 3))
    searched(westshire, "jo smith", 4, day=datetime.date(2026, 3, 3), results=0)
    insight.roll_up(at(datetime.date(2026, 4, 1)))
    # The month in progress, from the raw log, by the same rule.
    searched(westshire, "lado", 5, day=datetime.date(2026, 4, 2), clicked=1)
    searched(westshire, "ayesha khan", 4, day=datetime.date(2026, 4, 3), results=0)

    april, march = insight.report(westshire, months=3, today=today)

    assert (april.month, april.in_progress) == (datetime.date(2026, 4, 1), True)
    assert [q.query for q in april.top] == ["lado"]
    assert (april.searches, april.without_results, april.clicked, april.other) == (9, 4, 1, 4)
    assert april.no_results == [] and april.never_clicked == []

    assert (march.month, march.in_progress) == (MARCH, False)
    assert [q.query for q in march.top] == ["s47", "neglect", "strategy meeting"]
    assert [q.query for q in march.no_results] == ["s47"]
    assert [q.query for q in march.never_clicked] == ["strategy meeting"]
    assert (march.searches, march.other) == (20, 4)
    named = {q.query for month in (april, march) for q in month.queries}
    assert not named & {"jo smith", "ayesha khan"}


def test_the_report_shows_one_partnerships_figures_only(westshire, northmoor):
    today = datetime.date(2026, 4, 20)
    searched(northmoor, "moorland escalation", 8, day=datetime.date(2026, 4, 2))
    searched(westshire, "neglect", 5, day=datetime.date(2026, 4, 2))
    (april,) = insight.report(westshire, today=today)
    assert [q.query for q in april.queries] == ["neglect"] and april.searches == 5


# -- the staff screen ----------------------------------------------------------------------------


@pytest.fixture
def figures(westshire, northmoor):
    """This month's searches on both sites: one Westshire query shown, one too rare."""
    today = timezone.localdate()
    searched(westshire, "thresholds quillwort", 5, day=today, results=0)
    searched(westshire, "rarely typed quillwort", 4, day=today, results=0)
    searched(northmoor, "northmoor only quillwort", 9, day=today)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_report_screen_asks_an_anonymous_visitor_to_sign_in(figures):
    response = Client().get(REPORT)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("role", [None, Role.TRAINING_COORDINATOR, Role.CONSORTIUM_EDITOR])
def test_the_report_screen_is_refused_to_anyone_who_does_not_edit_the_partnerships_pages(
    staff, figures, role
):
    response = signed_in(staff(role)).get(REPORT)
    assert response.status_code in (302, 404)
    assert "quillwort" not in response.content.decode()


@pytest.mark.parametrize("role", [Role.EDITOR, Role.PARTNERSHIP_ADMIN])
def test_the_business_unit_sees_its_own_partnerships_figures_only(staff, figures, role):
    html = signed_in(staff(role)).get(REPORT).content.decode()
    assert "thresholds quillwort" in html
    assert "rarely typed quillwort" not in html
    assert "northmoor only quillwort" not in html
    # Accessible tables: a caption and headers with their scope.
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html


def test_another_partnerships_id_in_the_address_is_not_found(staff, figures, northmoor):
    client = signed_in(staff(Role.EDITOR))
    for forged in (str(northmoor.pk), "0", "westshire", "1 OR 1=1", ""):
        response = client.get(REPORT, {"partnership": forged})
        assert response.status_code == 404, forged
        assert "northmoor only quillwort" not in response.content.decode()


def test_northmoors_editor_sees_northmoors_figures(staff, figures, northmoor):
    client = signed_in(staff(Role.EDITOR, partnership="northmoor"))
    html = client.get(REPORT).content.decode()
    assert "northmoor only quillwort" in html and "thresholds quillwort" not in html
    assert client.get(REPORT, {"partnership": northmoor.pk}).status_code == 200


def test_the_report_is_in_the_business_units_admin_menu(staff):
    html = signed_in(staff(Role.EDITOR)).get("/admin/").content.decode()
    assert REPORT in html
    html = signed_in(staff(Role.CONSORTIUM_EDITOR)).get("/admin/").content.decode()
    assert REPORT not in html
