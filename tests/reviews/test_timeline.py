"""A rapid review's timeline as the panel reads it: each step's working days and due date,
and whether it is done, overdue, due soon or not yet due as of a day; the case page shows it
with the key dates, the requests for information and the recommendations."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from hub.core.working_days import working_days_after, working_days_before
from hub.reviews import timeline
from hub.reviews.models import (
    Decision,
    InformationRequest,
    Recommendation,
    ReviewKind,
    ReviewStatus,
)
from tests.reviews.conftest import make_review, signed_in
from tests.reviews.test_cases import open_one, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(panel, westshire):
    from hub.reviews.models import TimelineStep

    TimelineStep.objects.filter(partnership=westshire).delete()
    return open_one(panel, westshire)


def states_on(review, day):
    rows = timeline.review_timeline(review, list(review.steps.order_by("day")), day)
    return [(row.days, row.state) for row in rows]


def test_the_days_of_a_step_are_said_in_words():
    assert timeline.days_label(None, 1) == "Day 1"
    assert timeline.days_label(2, 10) == "Days 2 to 10"
    assert timeline.days_label(4, 4) == "Day 4"


def test_each_steps_state_follows_the_working_day_clock(review):
    # Notified Wednesday 4 March 2026 (day 0).
    assert states_on(review, datetime.date(2026, 3, 4)) == [
        ("Day 1", "due_soon"),
        ("Days 2 to 10", "upcoming"),
        ("Day 12", "upcoming"),
        ("Day 14", "upcoming"),
        ("Day 15", "upcoming"),
    ]
    # On its due date a step is still due, not overdue; the day after, it is overdue.
    assert states_on(review, datetime.date(2026, 3, 5))[0] == ("Day 1", "due_soon")
    assert states_on(review, datetime.date(2026, 3, 6))[0] == ("Day 1", "overdue")
    # Two working days before the information is due (Wednesday 18 March): due soon.
    assert states_on(review, datetime.date(2026, 3, 16))[1] == ("Days 2 to 10", "due_soon")
    assert states_on(review, datetime.date(2026, 3, 13))[1] == ("Days 2 to 10", "upcoming")


def test_a_done_step_is_done_and_a_closed_reviews_steps_are_no_longer_overdue(review, panel):
    step = review.steps.get(day=1)
    step.done_on = datetime.date(2026, 3, 9)
    step.done_by = panel
    step.save()
    late = datetime.date(2026, 4, 30)
    assert [state for _, state in states_on(review, late)] == ["done"] + ["overdue"] * 4
    review.status = ReviewStatus.COMPLETED
    assert [state for _, state in states_on(review, late)] == ["done"] + ["not_done"] * 4


def test_what_is_overdue_counts_only_open_reviews(review, westshire, college):
    day = datetime.date(2026, 3, 6)
    assert set(timeline.overdue_steps(day).filter(review=review)) == {review.steps.get(day=1)}
    request = InformationRequest.objects.create(
        review=review, agency=college, asked_on=review.notified_on, due_on=datetime.date(2026, 3, 5)
    )
    assert list(timeline.overdue_requests(day).filter(review=review)) == [request]
    flagged = timeline.with_overdue_flags(type(review).objects.filter(pk=review.pk), day).get()
    assert flagged.has_overdue_step and flagged.has_overdue_request
    type(review).objects.filter(pk=review.pk).update(
        status=ReviewStatus.COMPLETED,
        rapid_review_sent_on=datetime.date(2026, 3, 20),
        decision=Decision.NO_FURTHER,
        decision_on=datetime.date(2026, 4, 1),
    )
    assert not timeline.overdue_steps(day).filter(review=review).exists()
    assert not timeline.overdue_requests(day).filter(review=review).exists()


# --- The case page ---------------------------------------------------------------------------


@pytest.fixture
def running(panel, westshire):
    """A rapid review notified three working days ago: day 1 is overdue, the rest to come."""
    from hub.reviews.models import TimelineStep

    TimelineStep.objects.filter(partnership=westshire).delete()
    today = timezone.localdate()
    notified_on = working_days_before(today, 3)
    return open_one(
        panel,
        westshire,
        notified_on=notified_on,
        incident_on=notified_on - datetime.timedelta(days=3),
        now=timezone.now(),
    )


def timeline_rows(html):
    soup = BeautifulSoup(html, "html.parser")
    table = soup.find(id="timeline").find_next("table")
    return [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["th", "td"])]
        for row in table.find("tbody").find_all("tr")
    ]


def govuk(day):
    return f"{day.day} {day:%B %Y}"


def test_the_case_page_shows_each_steps_working_days_due_date_and_state(panel, running):
    html = signed_in(panel).get(f"/reviews/{running.reference}/").content.decode()
    rows = timeline_rows(html)
    notified_on = running.notified_on
    assert rows[0][:4] == [
        "Notification shared with the safeguarding partners",
        "Day 1",
        govuk(working_days_after(notified_on, 1)),
        "Overdue",
    ]
    assert rows[1][:4] == [
        "Agencies return information",
        "Days 2 to 10",
        f"{govuk(working_days_after(notified_on, 2))} to "
        f"{govuk(working_days_after(notified_on, 10))}",
        "Not yet due",
    ]
    assert rows[0][4] == "Mark done : Notification shared with the safeguarding partners"
    page = text_of(html)
    assert "1 timeline step is overdue." in page
    assert f"Rapid review due {govuk(working_days_after(notified_on, 15))}" in page


def test_a_step_marked_done_shows_as_done_with_who_and_when(panel, running):
    client = signed_in(panel)
    step = running.steps.get(day=1)
    client.post(f"/reviews/{running.reference}/steps/{step.pk}/done/")
    rows = timeline_rows(client.get(f"/reviews/{running.reference}/").content.decode())
    assert rows[0][3] == f"Done {govuk(timezone.localdate())} by {panel.display_name}"
    assert len(rows[0]) == 5 and rows[0][4] == ""


def test_the_case_page_shows_key_dates_requests_and_recommendations(panel, westshire, college):
    review = make_review(
        westshire,
        summary="A toddler was seriously harmed (test).",
        rapid_review_sent_on=datetime.date(2026, 3, 24),
        decision=Decision.LCSPR,
        decision_on=datetime.date(2026, 4, 20),
    )
    InformationRequest.objects.create(
        review=review,
        agency=college,
        asked_on=datetime.date(2026, 3, 5),
        due_on=datetime.date(2026, 3, 18),
        returned_on=datetime.date(2026, 3, 17),
        returned_by=panel,
        chronology_sent=True,
        summary="The college knew the older sibling (test).",
    )
    Recommendation.objects.create(review=review, number=1, text="Share plans (test).")
    html = signed_in(panel).get(f"/reviews/{review.reference}/").content.decode()
    page = text_of(html)
    assert "Rapid review sent 24 March 2026" in page
    assert "What was decided Commission a local child safeguarding practice review" in page
    assert "Age band 5 to 10" in page
    assert "A toddler was seriously harmed (test)." in page
    assert "Westshire College (demo)" in page and "Returned" in page
    assert "The college knew the older sibling (test)." in page
    assert f'href="/reviews/{review.reference}/recommendations/1/"' in html
    assert f'href="/reviews/{review.reference}/recommendations/new/"' in html
    assert f'href="/reviews/{review.reference}/requests/new/"' in html
    # A review with no working-day clock says so.
    assert "only a rapid review runs on one" in page


def test_a_local_review_has_no_timeline(panel, westshire):
    local = make_review(westshire, kind=ReviewKind.LCSPR, notified_on=None)
    page = text_of(signed_in(panel).get(f"/reviews/{local.reference}/").content.decode())
    assert "This review has no working-day timeline" in page
    assert "Notification to the national panel Not yet" in page


def test_the_list_filters_by_type_and_status_and_flags_what_is_overdue(panel, westshire, running):
    local = make_review(westshire, kind=ReviewKind.LCSPR, notified_on=None)
    completed = make_review(
        westshire,
        status=ReviewStatus.COMPLETED,
        rapid_review_sent_on=datetime.date(2026, 3, 24),
        decision=Decision.NO_FURTHER,
        decision_on=datetime.date(2026, 4, 1),
    )
    client = signed_in(panel)

    def listed(query=""):
        html = client.get(f"/reviews/{query}").content.decode()
        soup = BeautifulSoup(html, "html.parser")
        table = soup.find("table")
        if table is None:
            return {}
        return {
            row.find("a").get_text(): " ".join(row.get_text(" ").split())
            for row in table.find("tbody").find_all("tr")
        }

    every = listed()
    assert {running.reference, local.reference, completed.reference} <= set(every)
    assert "Timeline step overdue" in every[running.reference]
    assert "Timeline step overdue" not in every[completed.reference]
    assert set(listed("?kind=lcspr")) >= {local.reference}
    assert running.reference not in listed("?kind=lcspr")
    assert completed.reference in listed("?status=completed")
    assert running.reference not in listed("?status=completed")
    overdue = listed("?overdue=on")
    assert running.reference in overdue and local.reference not in overdue
    # A filter value that is not one is ignored, not an error.
    assert running.reference in listed("?kind=nonsense&status=")
