"""The recommendations tracker across every review of the partnership: the panel sees every
action, an agency's lead only their agency's; filters by review, agency, theme, status and
overdue (a value not offered is reported and ignored, never a crash); the same actions as an
XLSX spreadsheet that reads back row for row, with nothing a spreadsheet program would run as
a formula. Viewing and downloading are audited."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from hub.core import audit
from hub.reviews import tracker
from hub.reviews.models import ActionStatus, Recommendation, Review
from tests.core.uploads.hostile_files import as_upload, pdf_document
from tests.reviews.conftest import make_action, make_review, make_theme, signed_in

pytestmark = pytest.mark.django_db

TRACKER = reverse("reviews:tracker")
XLSX_URL = reverse("reviews:tracker_xlsx")


def page(response, status=200):
    assert response.status_code == status, response.status_code
    return response.content.decode()


def shown(html):
    """The ids of the actions the tracker lists, in order."""
    return [int(pk) for pk in re.findall(r'href="/reviews/actions/(\d+)/"', html)]


def ids(*actions):
    return [action.pk for action in actions]


def read_xlsx(response):
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    return [list(row) for row in book["Actions"].iter_rows(values_only=True)]


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def at_midnight(day):
    return datetime.datetime.combine(day, datetime.time()) if day else None


class Data:
    """Two of Westshire's reviews with actions in every status, and one of Northmoor's."""


@pytest.fixture
def data(westshire, northmoor, westbury, police, college, westbury_lead, panel, neglect):
    # The demo's own reviews are put aside, so the tracker holds exactly these.
    Review.objects.all().delete()
    d = Data()
    d.first = make_review(westshire)
    d.second = make_review(westshire)
    d.northmoor_review = make_review(northmoor)
    d.late = make_action(
        d.first,
        westbury,
        status=ActionStatus.IN_PROGRESS,
        due_on=days(-3),
        progress_note="Half done.",
    )
    Recommendation.objects.filter(review=d.first, number=1).update(theme=neglect)
    d.accepted = make_action(
        d.first,
        police,
        status=ActionStatus.EVIDENCE_ACCEPTED,
        due_on=days(-10),
        signed_off_on=days(-2),
        text="Brief every response officer (test).",
    )
    d.not_started = make_action(
        d.first,
        college,
        number=2,
        due_on=days(30),
        owner_role="@Head of student services",
        text='=HYPERLINK("http://example.invalid","Click")',
    )
    Recommendation.objects.filter(review=d.first, number=2).update(text="-1 plans left (test)")
    d.completed = make_action(d.second, westbury, due_on=days(-1), text="+Audit plans (test).")
    for name in ("first.pdf", "second.pdf"):
        tracker.evidence_add(
            by=westbury_lead,
            action=d.completed,
            uploaded_file=as_upload(*pdf_document(pages=1, name=name)),
        )
    tracker.action_update(by=westbury_lead, action=d.completed, status=ActionStatus.COMPLETED)
    d.northmoor_action = make_action(d.northmoor_review, police, due_on=days(-5))
    d.westshire = [d.late, d.accepted, d.not_started, d.completed]
    return d


def in_tracker_order(actions):
    return sorted(
        actions,
        key=lambda a: (
            -a.recommendation.review.year,
            -a.recommendation.review.number,
            a.recommendation.number,
            a.due_on,
            a.pk,
        ),
    )


# --- Who sees what -----------------------------------------------------------------------------


def test_the_panel_sees_every_action_of_the_partnership_and_no_other(data, panel):
    html = page(signed_in(panel).get(TRACKER))
    assert shown(html) == ids(*in_tracker_order(data.westshire))
    assert data.northmoor_action.pk not in shown(html)
    assert "Every action (4, 1 overdue)" in html
    assert data.first.reference in html and data.northmoor_review.reference not in html


def test_the_northmoor_panel_sees_only_northmoors(data, northmoor_panel):
    html = page(signed_in(northmoor_panel, "northmoor.localhost").get(TRACKER))
    assert shown(html) == ids(data.northmoor_action)


def test_an_agency_lead_sees_only_their_agencys_actions(data, westbury_lead):
    html = page(signed_in(westbury_lead).get(TRACKER))
    assert shown(html) == ids(*in_tracker_order([data.late, data.completed]))
    # Only their reviews and their agency are offered as filters.
    assert f'value="{data.first.reference}"' in html
    assert "Westmoor Police (demo)" not in html and "Westshire College (demo)" not in html


def test_a_lead_of_an_agency_working_in_both_partnerships_sees_each_sites_own(data, police_lead):
    assert shown(page(signed_in(police_lead).get(TRACKER))) == ids(data.accepted)
    northmoor = signed_in(police_lead, "northmoor.localhost")
    assert shown(page(northmoor.get(TRACKER))) == ids(data.northmoor_action)


def test_viewing_the_tracker_is_audited_with_its_filters(data, panel, westshire):
    signed_in(panel).get(TRACKER, {"status": "completed", "overdue": "on"})
    entry = audit.entries().filter(action="hub.reviews.tracker_viewed").get()
    assert entry.user_id == panel.pk
    assert entry.data["partnership_id"] == westshire.pk
    assert entry.data["details"] == {"filters": {"status": "completed", "overdue": "True"}}


# --- Filters -----------------------------------------------------------------------------------


def test_each_filter_narrows_the_tracker(data, panel, westbury, neglect):
    client = signed_in(panel)
    cases = [
        ({"review": data.second.reference}, [data.completed]),
        ({"agency": str(westbury.pk)}, [data.late, data.completed]),
        ({"theme": neglect.slug}, [data.late, data.accepted]),
        ({"status": "evidence_accepted"}, [data.accepted]),
        ({"status": "not_started"}, [data.not_started]),
        ({"overdue": "on"}, [data.late]),
        ({"review": data.first.reference, "agency": str(westbury.pk)}, [data.late]),
        ({"status": "completed", "agency": str(westbury.pk)}, [data.completed]),
    ]
    for filters, expected in cases:
        html = page(client.get(TRACKER, filters))
        assert shown(html) == ids(*in_tracker_order(expected)), filters
        assert "Actions matching the filters" in html


def test_filters_that_match_nothing_say_so(data, panel, college):
    html = page(signed_in(panel).get(TRACKER, {"agency": str(college.pk), "overdue": "on"}))
    assert shown(html) == []
    assert "No actions match these filters." in html


@pytest.mark.parametrize(
    ("forged", "target", "message"),
    [
        ({"review": "RR-1999-1"}, "#filter-review", "Choose a review from the list"),
        ({"review": "<script>alert(1)</script>"}, "#filter-review", "Choose a review"),
        ({"agency": "not-a-number"}, "#filter-agency", "Choose an agency from the list"),
        ({"agency": "99999999999999999999999"}, "#filter-agency", "Choose an agency"),
        ({"theme": "../../etc/passwd"}, "#filter-theme", "Choose a theme from the list"),
        ({"status": "signed"}, "#filter-status", "Choose a status from the list"),
    ],
)
def test_a_filter_value_not_offered_is_reported_and_ignored(data, panel, forged, target, message):
    html = page(signed_in(panel).get(TRACKER, forged), status=400)
    assert "<title>Error:" in html
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S).group(0)
    assert f'href="{target}"' in summary and message in summary
    assert shown(html) == ids(*in_tracker_order(data.westshire))


def test_another_agencys_id_and_another_partnerships_theme_are_not_offered(
    data, westbury_lead, police, northmoor
):
    theirs = make_theme(northmoor, "Northmoor only (test)")
    client = signed_in(westbury_lead)
    for forged in ({"agency": str(police.pk)}, {"theme": theirs.slug}):
        html = page(client.get(TRACKER, forged), status=400)
        assert shown(html) == ids(*in_tracker_order([data.late, data.completed]))


def test_an_agency_lead_filtering_for_another_review_is_refused(data, westbury_lead):
    # Police's review action is in the first review; the second holds only Westbury's. A
    # Northmoor review is not offered at all.
    html = page(
        signed_in(westbury_lead).get(TRACKER, {"review": data.northmoor_review.reference}),
        status=400,
    )
    assert "Choose a review from the list" in html


# --- The spreadsheet ---------------------------------------------------------------------------


def expected_row(action, today):
    recommendation = Recommendation.objects.select_related("theme", "review").get(
        pk=action.recommendation_id
    )
    overdue = action.status in ("not_started", "in_progress") and action.due_on < today
    return [
        recommendation.review.reference,
        recommendation.number,
        recommendation.text,
        recommendation.theme.name if recommendation.theme else None,
        action.agency.name,
        action.owner_role,
        action.text,
        at_midnight(action.due_on),
        action.get_status_display(),
        "Yes" if overdue else "No",
        action.evidence.count(),
        at_midnight(action.signed_off_on),
    ]


def neutralised(row):
    return [
        "'" + value if isinstance(value, str) and value[:1] in "=+-@" else value for value in row
    ]


def test_the_spreadsheet_reads_back_one_row_per_action(data, panel, westshire):
    response = signed_in(panel).get(XLSX_URL)
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    today = timezone.localdate()
    assert response["Content-Disposition"] == (
        f'attachment; filename="recommendations-tracker-westshire-{today:%Y-%m-%d}.xlsx"'
    )
    assert response["Cache-Control"] == "private, no-store"
    rows = read_xlsx(response)
    assert rows[0] == list(tracker.TRACKER_COLUMNS)
    assert rows[0][:3] == ["Review", "Recommendation number", "Recommendation"]
    refreshed = [type(a).objects.get(pk=a.pk) for a in in_tracker_order(data.westshire)]
    assert rows[1:] == [neutralised(expected_row(action, today)) for action in refreshed]
    entry = audit.entries().filter(action="hub.reviews.tracker_downloaded").get()
    assert entry.data["details"] == {"filters": {}, "format": "xlsx"}
    assert entry.data["partnership_id"] == westshire.pk


def test_nothing_in_the_spreadsheet_runs_as_a_formula(data, panel):
    rows = read_xlsx(signed_in(panel).get(XLSX_URL))
    cells = [value for row in rows for value in row if isinstance(value, str)]
    assert not [value for value in cells if value[:1] in "=+-@"]
    assert '\'=HYPERLINK("http://example.invalid","Click")' in cells
    assert "'-1 plans left (test)" in cells
    assert "'@Head of student services" in cells
    assert "'+Audit plans (test)." in cells
    book = load_workbook(io.BytesIO(signed_in(panel).get(XLSX_URL).content))
    assert not any(cell.data_type == "f" for row in book["Actions"].iter_rows() for cell in row)


def test_the_spreadsheet_follows_the_filters(data, panel, westbury):
    client = signed_in(panel)
    html = page(client.get(TRACKER, {"agency": str(westbury.pk), "overdue": "on"}))
    link = re.search(r'href="(/reviews/tracker\.xlsx\?[^"]+)"', html).group(1)
    rows = read_xlsx(client.get(link.replace("&amp;", "&")))
    assert [row[6] for row in rows[1:]] == [data.late.text]


def test_an_agency_leads_spreadsheet_holds_only_their_agency(data, westbury_lead):
    rows = read_xlsx(signed_in(westbury_lead).get(XLSX_URL))
    assert {row[4] for row in rows[1:]} == {"Westbury Cross Academy Trust (demo)"}
    assert len(rows) == 3


def test_a_spreadsheet_asked_for_with_a_bad_filter_is_the_page_saying_why(data, panel):
    response = signed_in(panel).get(XLSX_URL, {"status": "lost"})
    html = page(response, status=400)
    assert response["Content-Type"].startswith("text/html")
    assert "Choose a status from the list" in html
    assert not audit.entries().filter(action="hub.reviews.tracker_downloaded").exists()


def test_an_empty_tracker_downloads_a_header_row(westshire, panel):
    rows = read_xlsx(signed_in(panel).get(XLSX_URL, {"status": "completed"}))
    assert rows[0] == list(tracker.TRACKER_COLUMNS)
