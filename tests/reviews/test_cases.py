"""Review case records: opening one from its notification (numbered per partnership and year,
its timeline copied in working days), changing its key dates, status and decision, and
marking a step done; every bad input the issue names refused with a clear message and
nothing changed; every change audited."""

import datetime
import threading

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.models import Max
from wagtail.models import ModelLogEntry

from hub.reviews import cases
from hub.reviews.models import (
    AgeBand,
    Decision,
    Recommendation,
    Review,
    ReviewKind,
    ReviewStatus,
    ReviewStep,
    TimelineStep,
)
from tests.reviews.conftest import (
    INCIDENT_ON,
    NOTIFIED_ON,
    NOW,
    make_review,
    make_theme,
    signed_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_demo_reviews(db):
    """Each test sees only its own case records: the demo's go (inside the test's
    transaction)."""
    Review.objects.all().delete()


# Three valid-looking identifiers the guard must refuse.
NHS_NUMBER = "The child's NHS number is 943 476 5919."
POSTCODE = "The family lived at WS1 4AB until the incident."
BIRTH_DATE = "The child was born 3 April 2019."


# --- Helpers the other case-record tests share ---------------------------------------------


def text_of(html):
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def error_summary(response):
    """The error summary's text (fails if the page has none)."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    summary = soup.find(class_="govuk-error-summary")
    assert summary is not None, "no error summary"
    return " ".join(summary.get_text(" ").split())


def date_fields(name, day):
    if day is None:
        return {f"{name}_day": "", f"{name}_month": "", f"{name}_year": ""}
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def audit_actions(instance):
    return list(
        ModelLogEntry.objects.filter(
            content_type__model=instance._meta.model_name, object_id=str(instance.pk)
        )
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def next_number(partnership, year):
    last = Review.objects.filter(partnership=partnership, year=year).aggregate(last=Max("number"))
    return (last["last"] or 0) + 1


def open_one(by, partnership, *, now=NOW, **extra):
    fields = {
        "kind": ReviewKind.RAPID,
        "incident_on": INCIDENT_ON,
        "notified_on": NOTIFIED_ON,
        "age_band": AgeBand.AGE_5_10,
        "themes": [],
        "summary": "A child was seriously harmed; neglect is suspected (test).",
    } | extra
    return cases.open_review(by=by, partnership=partnership, now=now, **fields)


@pytest.fixture
def default_timeline(westshire):
    """Westshire with no timeline steps of its own: opening a review makes the defaults."""
    TimelineStep.objects.filter(partnership=westshire).delete()
    return westshire


def form_data(**overrides):
    data = {
        "kind": ReviewKind.RAPID,
        "age_band": AgeBand.UNDER_1,
        "summary": "A baby was seriously injured (test).",
        **date_fields("incident_on", INCIDENT_ON),
        **date_fields("notified_on", NOTIFIED_ON),
    }
    return data | overrides


def edit_data(review, **overrides):
    """The edit form as the page fills it in, with `overrides` (dates as date objects)."""
    data = {
        "status": review.status,
        "decision": review.decision,
        "age_band": review.age_band,
        "summary": review.summary,
        "themes": [str(pk) for pk in review.themes.values_list("pk", flat=True)],
    }
    for field in (
        "incident_on",
        "notified_on",
        "rapid_review_sent_on",
        "decision_on",
        "reviewer_commissioned_on",
        "draft_on",
        "final_on",
        "published_on",
        "removal_on",
    ):
        data |= date_fields(field, overrides.pop(field, getattr(review, field)))
    return data | overrides


# --- Opening a review ------------------------------------------------------------------------


def test_opening_a_rapid_review_numbers_it_and_copies_the_default_timeline_in_working_days(
    panel, default_timeline
):
    number = next_number(default_timeline, 2026)
    review = open_one(panel, default_timeline)
    assert review.reference == f"RR-2026-{number:02d}"
    assert (review.year, review.number, review.status) == (2026, number, ReviewStatus.OPEN)
    assert review.opened_by == panel
    # Day 0 is Wednesday 4 March 2026; working days skip weekends.
    assert review.rapid_review_due_on == datetime.date(2026, 3, 25)
    steps = [
        (step.name, step.first_day, step.day, step.starts_on, step.due_on)
        for step in review.steps.order_by("day", "position")
    ]
    assert steps == [
        (
            "Notification shared with the safeguarding partners",
            None,
            1,
            None,
            datetime.date(2026, 3, 5),
        ),
        (
            "Agencies return information",
            2,
            10,
            datetime.date(2026, 3, 6),
            datetime.date(2026, 3, 18),
        ),
        ("Rapid review meeting", None, 12, None, datetime.date(2026, 3, 20)),
        ("Partners sign off the rapid review", None, 14, None, datetime.date(2026, 3, 24)),
        ("Rapid review sent to the national panel", None, 15, None, datetime.date(2026, 3, 25)),
    ]
    # The partnership now has the defaults as its own steps, to change.
    assert TimelineStep.objects.filter(partnership=default_timeline).count() == 5
    assert TimelineStep.objects.get(partnership=default_timeline, day=10).requests_information
    assert audit_actions(review) == ["hub.reviews.opened"]


def test_bank_holidays_are_not_working_days(panel, default_timeline):
    # Notified on Wednesday 1 April 2026: Good Friday (3 April) and Easter Monday (6 April)
    # are bank holidays, so day 1 is Thursday 2 April and day 2 Tuesday 7 April.
    review = open_one(
        panel,
        default_timeline,
        notified_on=datetime.date(2026, 4, 1),
        incident_on=datetime.date(2026, 3, 30),
        now=datetime.datetime(2026, 4, 1, 12, tzinfo=datetime.UTC),
    )
    first, information = review.steps.order_by("day")[:2]
    assert first.due_on == datetime.date(2026, 4, 2)
    assert information.starts_on == datetime.date(2026, 4, 7)
    assert review.rapid_review_due_on == datetime.date(2026, 4, 24)


def test_references_count_up_within_the_partnership_and_year_whatever_the_kind(
    panel, northmoor_panel, default_timeline, northmoor
):
    number = next_number(default_timeline, 2026)
    number_2027 = next_number(default_timeline, 2027)
    first = open_one(panel, default_timeline)
    second = open_one(
        panel, default_timeline, kind=ReviewKind.LCSPR, notified_on=None, age_band="11_15"
    )
    next_year = open_one(
        panel,
        default_timeline,
        incident_on=datetime.date(2027, 1, 4),
        notified_on=datetime.date(2027, 1, 6),
        now=datetime.datetime(2027, 1, 6, 9, tzinfo=datetime.UTC),
    )
    theirs = open_one(northmoor_panel, northmoor)
    assert first.reference == f"RR-2026-{number:02d}"
    assert second.reference == f"CSPR-2026-{number + 1:02d}"
    assert next_year.reference == f"RR-2027-{number_2027:02d}"
    assert theirs.partnership == northmoor and theirs.reference.startswith("RR-2026-")
    # Only a rapid review runs on the working-day clock.
    assert not second.steps.exists() and second.rapid_review_due_on is None


def test_a_partnerships_own_steps_are_copied_and_changing_them_later_moves_no_running_clock(
    panel, westshire
):
    TimelineStep.objects.filter(partnership=westshire).delete()
    TimelineStep.objects.create(partnership=westshire, name="Strategy call (test)", day=2)
    TimelineStep.objects.create(
        partnership=westshire,
        name="Chronologies in (test)",
        first_day=3,
        day=8,
        requests_information=True,
    )
    review = open_one(panel, westshire)
    assert [(s.name, s.due_on) for s in review.steps.order_by("day")] == [
        ("Strategy call (test)", datetime.date(2026, 3, 6)),
        ("Chronologies in (test)", datetime.date(2026, 3, 16)),
    ]
    TimelineStep.objects.filter(partnership=westshire, day=8).update(day=20)
    TimelineStep.objects.create(partnership=westshire, name="Added later (test)", day=5)
    assert [(s.name, s.due_on) for s in review.steps.order_by("day")] == [
        ("Strategy call (test)", datetime.date(2026, 3, 6)),
        ("Chronologies in (test)", datetime.date(2026, 3, 16)),
    ]
    assert cases.information_due_on(review) == datetime.date(2026, 3, 16)


def test_the_business_unit_opens_a_review_through_the_page(business_unit, default_timeline):
    theme = make_theme(default_timeline, "Neglect (test)")
    client = signed_in(business_unit)
    form = client.get("/reviews/new/")
    assert form.status_code == 200
    html = form.content.decode()
    assert "Date the national panel was notified" in html and "Neglect (test)" in html
    number = next_number(default_timeline, 2026)
    response = client.post("/reviews/new/", form_data(themes=[str(theme.pk)]))
    reference = f"RR-2026-{number:02d}"
    assert response.status_code == 302
    assert response.url == f"/reviews/{reference}/"
    review = Review.objects.get(partnership=default_timeline, reference=reference)
    assert list(review.themes.all()) == [theme]
    assert review.age_band == AgeBand.UNDER_1
    assert review.steps.count() == 5
    page = text_of(client.get(response.url).content.decode())
    assert f"{reference}" in page and "Rapid review opened" in page


def test_sending_the_open_form_twice_opens_one_review(panel, default_timeline):
    client = signed_in(panel)
    before = Review.objects.filter(partnership=default_timeline).count()
    first = client.post("/reviews/new/", form_data())
    second = client.post("/reviews/new/", form_data())
    assert first.status_code == second.status_code == 302
    assert second.url == first.url
    assert Review.objects.filter(partnership=default_timeline).count() == before + 1
    page = text_of(client.get(second.url).content.decode())
    assert "the form was sent twice. Nothing more was opened." in page


def test_the_same_notification_opened_again_by_the_service_is_refused_naming_the_first(
    panel, business_unit, default_timeline
):
    first = open_one(panel, default_timeline)
    with pytest.raises(ValidationError) as error:
        open_one(business_unit, default_timeline)
    assert error.value.error_list[0].code == "double_submit"
    assert first.reference in " ".join(error.value.messages)
    assert Review.objects.filter(pk__gt=first.pk).count() == 0


@pytest.mark.django_db(transaction=True)
def test_two_opens_at_the_same_moment_get_different_numbers(racing_database):
    """Two panel members open reviews of two notifications at the same moment, each on their
    own connection: the partnership's lock numbers them one after the other. Made on a
    partnership of its own: a transactional test may run on an emptied database."""
    from hub.core.models import Consortium, Partnership
    from hub.reviews.actions import PANEL_ROLE
    from tests.conftest import make_person

    consortium = Consortium.objects.create(name="Review race", slug="review-race")
    partnership = Partnership.objects.create(
        name="Review race partnership", short_name="Race", slug="review-race", consortium=consortium
    )
    people = [
        make_person(
            f"panel{number}@race.example",
            partnership=partnership,
            agency=None,
            roles=[PANEL_ROLE],
            second_factor=False,
        )
        for number in range(2)
    ]
    barrier = threading.Barrier(2)
    made, errors = [], []

    def open_from(person, band):
        try:
            connection.ensure_connection()
            barrier.wait()
            made.append(open_one(person, partnership, age_band=band).reference)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=open_from, args=(person, band))
        for person, band in zip(people, ("under_1", "11_15"), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(made) == ["RR-2026-01", "RR-2026-02"]
    # The default timeline was made once, and each review has its own copy.
    assert TimelineStep.objects.filter(partnership=partnership).count() == 5
    assert ReviewStep.objects.filter(review__partnership=partnership).count() == 10


# --- Bad input when opening ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            date_fields("notified_on", datetime.date(2026, 2, 20)),
            "The date of the notification must be on or after the incident (27 February 2026)",
        ),
        (
            date_fields("incident_on", datetime.date(2099, 1, 1)),
            "The date of the incident must be in the past",
        ),
        (
            date_fields("notified_on", datetime.date(2099, 1, 1)),
            "The date of the notification must be today or in the past",
        ),
        (date_fields("notified_on", None), "Enter the date the national panel was notified"),
        (date_fields("incident_on", None), "Enter the date of the incident"),
        ({"notified_on_day": "31", "notified_on_month": "2"}, "The date must be a real date"),
        ({"age_band": "4 May 2019"}, "Choose the child's age band"),
        ({"summary": NHS_NUMBER}, "Remove an NHS number"),
        ({"summary": POSTCODE}, "Remove a full postcode"),
        ({"summary": BIRTH_DATE}, "Remove a date of birth"),
        ({"summary": "x" * 1001}, "must be 1000 characters or fewer"),
    ],
)
def test_bad_input_when_opening_is_refused_with_a_clear_message_and_opens_nothing(
    panel, default_timeline, overrides, message
):
    before = Review.objects.count()
    response = signed_in(panel).post("/reviews/new/", form_data(**overrides))
    assert response.status_code == 200
    assert message in error_summary(response)
    assert "<title>Error: " in response.content.decode()
    assert Review.objects.count() == before
    assert not TimelineStep.objects.filter(partnership=default_timeline).exists()


def test_another_partnerships_theme_cannot_be_chosen(panel, westshire, northmoor):
    theirs = make_theme(northmoor, "Northmoor theme (test)")
    before = Review.objects.count()
    response = signed_in(panel).post("/reviews/new/", form_data(themes=[str(theirs.pk)]))
    assert "Choose from the partnership's themes" in error_summary(response)
    assert Review.objects.count() == before
    with pytest.raises(ValidationError, match="Choose from the partnership's themes"):
        open_one(panel, westshire, themes=[theirs])


def test_only_the_panel_and_admin_open_reviews_through_the_service(
    editor, westbury_lead, northmoor_panel, westshire
):
    for person in (editor, westbury_lead, northmoor_panel):
        with pytest.raises(PermissionDenied):
            open_one(person, westshire)
    assert not Review.objects.filter(partnership=westshire, opened_by__isnull=False).exists()


# --- Changing a review -----------------------------------------------------------------------


@pytest.fixture
def review(panel, default_timeline):
    return open_one(panel, default_timeline)


def edit(client, review, **overrides):
    return client.post(f"/reviews/{review.reference}/edit/", edit_data(review, **overrides))


def test_the_edit_form_is_filled_in_with_the_review_as_it_is(panel, review):
    html = signed_in(panel).get(f"/reviews/{review.reference}/edit/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("input", {"name": "notified_on_day"})["value"] == "4"
    assert soup.find("input", {"name": "notified_on_year"})["value"] == "2026"
    assert soup.find("input", {"name": "status", "value": "open"}).has_attr("checked")


def test_completing_a_rapid_review_records_its_dates_and_decision(panel, review):
    client = signed_in(panel)
    response = edit(
        client,
        review,
        rapid_review_sent_on=datetime.date(2026, 3, 24),
        decision=Decision.LCSPR,
        decision_on=datetime.date(2026, 4, 20),
        status=ReviewStatus.COMPLETED,
    )
    assert response.status_code == 302, error_summary(response)
    review.refresh_from_db()
    assert review.status == ReviewStatus.COMPLETED and review.closed_on is None
    assert review.rapid_review_sent_on == datetime.date(2026, 3, 24)
    assert (review.decision, review.decision_on) == (Decision.LCSPR, datetime.date(2026, 4, 20))
    entry = ModelLogEntry.objects.get(action="hub.reviews.changed", object_id=str(review.pk))
    assert entry.user == panel
    assert set(entry.data["details"]["changed"]) == {
        "date the rapid review was sent",
        "decision",
        "date of the decision",
        "status",
    }


def test_a_rapid_review_is_completed_only_once_sent_and_decided(panel, review):
    client = signed_in(panel)
    response = edit(client, review, status=ReviewStatus.COMPLETED)
    assert "A rapid review is completed once it is sent to the national panel" in (
        error_summary(response)
    )
    response = edit(
        client,
        review,
        status=ReviewStatus.COMPLETED,
        rapid_review_sent_on=datetime.date(2026, 3, 24),
    )
    assert "A rapid review is completed once the decision is made" in error_summary(response)
    review.refresh_from_db()
    assert review.status == ReviewStatus.OPEN and review.rapid_review_sent_on is None


def test_closing_sets_the_date_it_closed_and_reopening_clears_it(panel, review):
    client = signed_in(panel)
    done = {
        "rapid_review_sent_on": datetime.date(2026, 3, 24),
        "decision": Decision.NO_FURTHER,
        "decision_on": datetime.date(2026, 4, 20),
    }
    assert edit(client, review, status=ReviewStatus.CLOSED, **done).status_code == 302
    review.refresh_from_db()
    assert review.status == ReviewStatus.CLOSED
    assert review.closed_on is not None and review.closed_on >= datetime.date(2026, 4, 20)
    assert edit(client, review, status=ReviewStatus.OPEN).status_code == 302
    review.refresh_from_db()
    assert (review.status, review.closed_on) == (ReviewStatus.OPEN, None)


def test_a_review_with_an_open_recommendation_is_not_closed(panel, review):
    Recommendation.objects.create(review=review, number=1, text="Agencies check plans (test).")
    response = edit(
        signed_in(panel),
        review,
        status=ReviewStatus.CLOSED,
        rapid_review_sent_on=datetime.date(2026, 3, 24),
        decision=Decision.NO_FURTHER,
        decision_on=datetime.date(2026, 4, 20),
    )
    assert "The review has 1 recommendation not yet closed" in error_summary(response)
    review.refresh_from_db()
    assert review.status == ReviewStatus.OPEN and review.closed_on is None
    assert review.rapid_review_sent_on is None


def test_a_local_review_is_completed_once_its_final_report_is_in(panel, westshire):
    local = open_one(panel, westshire, kind=ReviewKind.LCSPR, notified_on=None)
    response = edit(signed_in(panel), local, status=ReviewStatus.COMPLETED)
    assert "enter the date of the final report" in error_summary(response)
    response = edit(
        signed_in(panel),
        local,
        status=ReviewStatus.COMPLETED,
        draft_on=datetime.date(2026, 8, 3),
        final_on=datetime.date(2026, 9, 1),
    )
    assert response.status_code == 302
    local.refresh_from_db()
    assert local.status == ReviewStatus.COMPLETED


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"incident_on": datetime.date(2026, 3, 10)},
            "The date of the notification must be on or after the incident (10 March 2026)",
        ),
        (
            {"notified_on": datetime.date(2099, 3, 4)},
            "The date of the notification must be today or in the past",
        ),
        (
            {"rapid_review_sent_on": datetime.date(2026, 3, 2)},
            "The date the rapid review was sent must be on or after the notification "
            "(4 March 2026)",
        ),
        (
            {"decision_on": datetime.date(2026, 2, 1), "decision": Decision.LCSPR},
            "The date of the decision must be on or after the incident (27 February 2026)",
        ),
        (
            {"decision": Decision.LCSPR},
            "Enter the date of the decision",
        ),
        (
            {"decision_on": datetime.date(2026, 4, 1)},
            "Choose the decision made on that date",
        ),
        (
            {"draft_on": datetime.date(2026, 9, 1), "final_on": datetime.date(2026, 8, 1)},
            "The date of the final report must be on or after the draft report (1 September 2026)",
        ),
        (
            {"final_on": datetime.date(2099, 1, 1)},
            "The date of the final report must be today or in the past",
        ),
        (
            {"removal_on": datetime.date(2028, 1, 1)},
            "Enter the date of publication first",
        ),
        (
            {
                "final_on": datetime.date(2026, 9, 1),
                "published_on": datetime.date(2026, 10, 1),
                "removal_on": datetime.date(2027, 9, 30),
            },
            "the date of removal must be on or after 1 October 2027",
        ),
        ({"summary": POSTCODE}, "Remove a full postcode"),
        ({"age_band": "born 2019"}, "Choose the child's age band"),
        ({"status": "archived"}, "Choose the status"),
    ],
)
def test_bad_changes_are_refused_with_a_clear_message_and_change_nothing(
    panel, review, overrides, message
):
    before = {field: getattr(review, field) for field in cases.EDITABLE if field != "themes"}
    response = edit(signed_in(panel), review, **overrides)
    assert response.status_code == 200
    assert message in error_summary(response)
    review.refresh_from_db()
    assert {field: getattr(review, field) for field in before} == before
    assert not ModelLogEntry.objects.filter(action="hub.reviews.changed").exists()


def test_a_removal_a_year_after_publication_is_accepted(panel, review):
    response = edit(
        signed_in(panel),
        review,
        final_on=datetime.date(2026, 9, 1),
        published_on=datetime.date(2026, 10, 1),
        removal_on=datetime.date(2027, 10, 1),
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.removal_on == datetime.date(2027, 10, 1)


def test_correcting_the_notification_moves_the_timeline_and_the_due_date(panel, review):
    step = review.steps.get(day=1)
    ReviewStep.objects.filter(pk=step.pk).update(reminded_at=NOW)
    response = edit(signed_in(panel), review, notified_on=datetime.date(2026, 3, 2))
    assert response.status_code == 302
    review.refresh_from_db()
    step.refresh_from_db()
    # Monday 2 March: day 1 is Tuesday 3 March, day 15 is Monday 23 March.
    assert step.due_on == datetime.date(2026, 3, 3) and step.reminded_at is None
    assert review.rapid_review_due_on == datetime.date(2026, 3, 23)


def test_saving_the_form_unchanged_changes_nothing_and_says_so(panel, review):
    client = signed_in(panel)
    response = edit(client, review)
    assert response.status_code == 302
    page = text_of(client.get(response.url).content.decode())
    assert "Nothing was changed" in page
    assert not ModelLogEntry.objects.filter(action="hub.reviews.changed").exists()


def test_themes_change_with_the_review(panel, review, westshire):
    neglect = make_theme(westshire, "Neglect (test)")
    response = edit(signed_in(panel), review, themes=[str(neglect.pk)])
    assert response.status_code == 302
    assert list(review.themes.all()) == [neglect]


# --- Marking a step done ---------------------------------------------------------------------


def test_marking_a_step_done_records_who_and_when_once(panel, business_unit, review):
    step = review.steps.get(day=1)
    client = signed_in(panel)
    url = f"/reviews/{review.reference}/steps/{step.pk}/done/"
    response = client.post(url)
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.done_by == panel and step.done_on is not None
    first_done_on = step.done_on
    assert audit_actions(step) == ["hub.reviews.step_done"]
    # Sent again (or by someone else): refused, the first stays.
    again = signed_in(business_unit).post(url, follow=True)
    assert "was already marked done" in text_of(again.content.decode())
    step.refresh_from_db()
    assert (step.done_by, step.done_on) == (panel, first_done_on)
    assert audit_actions(step) == ["hub.reviews.step_done"]


def test_a_step_is_marked_done_only_by_post_and_only_on_its_own_review(panel, review, westshire):
    other = open_one(panel, westshire, age_band=AgeBand.AGE_16_17)
    theirs = other.steps.get(day=1)
    client = signed_in(panel)
    assert client.get(f"/reviews/{review.reference}/steps/{theirs.pk}/done/").status_code == 404
    assert client.post(f"/reviews/{review.reference}/steps/{theirs.pk}/done/").status_code == 404
    assert client.post(f"/reviews/{review.reference}/steps/999999/done/").status_code == 404
    own = review.steps.get(day=1)
    assert client.get(f"/reviews/{review.reference}/steps/{own.pk}/done/").status_code == 405
    assert not ReviewStep.objects.filter(done_on__isnull=False).exists()


def test_a_completed_reviews_timeline_no_longer_changes(panel, westshire):
    review = make_review(
        westshire,
        status=ReviewStatus.COMPLETED,
        rapid_review_sent_on=datetime.date(2026, 3, 20),
        decision=Decision.NO_FURTHER,
        decision_on=datetime.date(2026, 4, 1),
    )
    step = ReviewStep.objects.create(
        review=review, name="Meeting (test)", day=12, due_on=datetime.date(2026, 3, 20)
    )
    with pytest.raises(ValidationError, match="its timeline no longer changes"):
        cases.step_mark_done(by=panel, review=review, step=step, now=NOW)
    step.refresh_from_db()
    assert step.done_on is None
