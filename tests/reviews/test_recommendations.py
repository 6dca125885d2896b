"""A review's recommendations and the actions assigned on them, as the review panel keeps them:
numbered in turn, words checked for anything that identifies a child, themes and agencies of
the partnership only, and a recommendation closed only once the evidence of every one of its
actions is accepted. A refusal says why and changes nothing."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from hub.core import audit
from hub.reviews import tracker
from hub.reviews.models import ActionStatus, AgencyAction, Recommendation, ReviewStatus
from tests.reviews.conftest import make_action, make_review, make_theme, signed_in

pytestmark = pytest.mark.django_db


def page(response, status=200):
    assert response.status_code == status, response.status_code
    return response.content.decode()


def error_links(html):
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    return re.findall(r'<a href="([^"]+)"', summary.group(0)) if summary else []


def new_url(review):
    return reverse("reviews:new_recommendation", args=[review.reference])


def rec_url(recommendation):
    return reverse(
        "reviews:recommendation",
        args=[recommendation.review.reference, recommendation.number],
    )


def new_action_url(recommendation):
    return reverse(
        "reviews:new_action", args=[recommendation.review.reference, recommendation.number]
    )


def state():
    return (
        tuple(
            Recommendation.objects.order_by("pk").values_list(
                "pk", "number", "text", "theme_id", "closed_on"
            )
        ),
        tuple(AgencyAction.objects.order_by("pk").values_list("pk", "status", "text")),
        audit.entries().count(),
    )


def changes_logged(recommendation):
    return [
        entry.data["details"]["change"]
        for entry in audit.entries()
        .filter(object_id=str(recommendation.pk), action="hub.reviews.recommendation_changed")
        .order_by("pk")
    ]


@pytest.fixture
def review(westshire):
    return make_review(westshire)


@pytest.fixture
def recommendation(review, panel):
    return tracker.recommendation_add(
        by=panel, review=review, text="Agencies check every child protection plan (test)."
    )


def future(days=90):
    return timezone.localdate() + datetime.timedelta(days=days)


def action_data(agency, overrides=None):
    due = future()
    return {
        "agency": str(agency.pk),
        "owner_role": "Named nurse for safeguarding",
        "text": "Audit the plans of the last quarter.",
        "due_on_day": str(due.day),
        "due_on_month": str(due.month),
        "due_on_year": str(due.year),
    } | (overrides or {})


# --- Adding and changing recommendations ------------------------------------------------------


def test_the_panel_adds_recommendations_numbered_in_turn(review, panel, neglect):
    client = signed_in(panel)
    html = page(client.get(new_url(review)))
    assert "Add a recommendation" in html and 'name="text"' in html
    assert "Neglect (test)" in html
    response = client.post(
        new_url(review), {"text": "Share plans with schools (test).", "theme": str(neglect.pk)}
    )
    first = Recommendation.objects.get(review=review)
    assert (first.number, first.theme) == (1, neglect)
    assert response["Location"] == rec_url(first)
    client.post(new_url(review), {"text": "Train staff on neglect (test).", "theme": ""})
    second = Recommendation.objects.get(review=review, number=2)
    assert second.theme is None
    assert changes_logged(first) == ["added"]
    assert changes_logged(second) == ["added"]
    html = page(client.get(rec_url(second)))
    assert "Recommendation 2" in html and "Train staff on neglect (test)." in html


def test_the_partnership_admin_runs_recommendations_too(review, business_unit):
    response = signed_in(business_unit).post(new_url(review), {"text": "Review plans (test)."})
    assert response.status_code == 302
    assert Recommendation.objects.filter(review=review, number=1).exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter the recommendation"),
        ("   ", "Enter the recommendation"),
        ("Follow up the child with NHS number 943 476 5919.", "Remove an NHS number"),
        ("Visit the family home at BS1 4DJ.", "Remove a full postcode"),
        ("The child, born 3 April 2019, needs a plan.", "Remove a date of birth"),
        ("x" * 1001, "must be 1000 characters or fewer"),
    ],
)
def test_a_recommendation_that_is_empty_too_long_or_identifies_a_child_is_refused(
    review, panel, text, message
):
    before = state()
    html = page(signed_in(panel).post(new_url(review), {"text": text}))
    assert error_links(html) == ["#text"]
    assert message in html
    assert state() == before


def test_a_theme_of_another_partnership_is_refused(review, panel, northmoor):
    theirs = make_theme(northmoor, "Northmoor theme (test)")
    before = state()
    html = page(
        signed_in(panel).post(new_url(review), {"text": "Fine (test).", "theme": theirs.pk})
    )
    assert error_links(html) == ["#theme"]
    assert "Choose a theme from the list" in html
    assert state() == before
    # The service holds the line too, whatever a form lets through.
    with pytest.raises(ValidationError) as refused:
        tracker.recommendation_add(by=panel, review=review, text="Fine (test).", theme=theirs)
    assert refused.value.message_dict == {"theme": ["Choose one of the partnership's themes"]}


def test_sending_the_same_recommendation_twice_adds_it_once(review, panel):
    client = signed_in(panel)
    data = {"text": "Share plans with schools (test)."}
    assert client.post(new_url(review), data).status_code == 302
    html = page(client.post(new_url(review), data))
    assert "Recommendation 1 already says this. It was not added again." in html
    assert Recommendation.objects.filter(review=review).count() == 1


def test_editing_changes_the_words_and_theme_and_an_unchanged_save_logs_nothing(
    recommendation, panel, neglect
):
    client = signed_in(panel)
    html = page(client.get(rec_url(recommendation)))
    assert "Agencies check every child protection plan (test)." in html
    data = {"text": "Agencies check every plan within a month (test).", "theme": neglect.pk}
    assert client.post(rec_url(recommendation), data).status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.text == "Agencies check every plan within a month (test)."
    assert recommendation.theme == neglect
    assert client.post(rec_url(recommendation), data).status_code == 302
    assert changes_logged(recommendation) == ["added", "edited"]


def test_an_edit_that_identifies_a_child_is_refused(recommendation, panel):
    before = state()
    html = page(
        signed_in(panel).post(rec_url(recommendation), {"text": "Email mum at a@b.example"})
    )
    assert error_links(html) == ["#text"]
    assert "Remove an email address" in html
    assert state() == before


def test_only_the_panel_may_add_a_recommendation(review, westbury_lead, editor):
    for person in (westbury_lead, editor):
        with pytest.raises(PermissionDenied):
            tracker.recommendation_add(by=person, review=review, text="Anything (test).")


def test_a_closed_review_takes_no_new_recommendations(westshire, panel):
    closed = make_review(westshire, status=ReviewStatus.CLOSED, closed_on=timezone.localdate())
    before = state()
    html = page(signed_in(panel).post(new_url(closed), {"text": "Too late (test)."}))
    assert f"{closed.reference} is closed, so its recommendations and actions cannot change." in (
        html
    )
    assert state() == before


# --- Closing a recommendation -----------------------------------------------------------------


def test_closing_a_recommendation_with_no_actions_is_refused(recommendation, panel):
    before = state()
    html = page(signed_in(panel).post(rec_url(recommendation), {"close": "close"}))
    assert "<title>Error:" in html
    assert "has no actions, so there is no evidence that it was carried out" in html
    assert state() == before


def test_closing_a_recommendation_without_accepted_evidence_is_refused(
    review, recommendation, panel, westbury, police
):
    make_action(review, westbury, status=ActionStatus.EVIDENCE_ACCEPTED, signed_off_on=future(0))
    make_action(review, police, status=ActionStatus.COMPLETED)
    before = state()
    html = page(signed_in(panel).post(rec_url(recommendation), {"close": "close"}))
    assert (
        "Recommendation 1 cannot be closed until the review panel has accepted the evidence "
        "for every action. Still to accept: Westmoor Police (demo) (completed)."
    ) in html
    assert state() == before
    recommendation.refresh_from_db()
    assert recommendation.closed_on is None


def test_once_every_action_is_accepted_the_recommendation_closes_and_stops_changing(
    review, recommendation, panel, westbury
):
    make_action(review, westbury, status=ActionStatus.EVIDENCE_ACCEPTED, signed_off_on=future(0))
    client = signed_in(panel)
    html = page(client.get(rec_url(recommendation)))
    assert "has accepted the evidence for every action" in html
    assert client.post(rec_url(recommendation), {"close": "close"}).status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.closed_on == timezone.localdate()
    assert recommendation.closed_by == panel
    assert changes_logged(recommendation) == ["added", "closed"]
    html = page(client.get(rec_url(recommendation)))
    assert f"Closed {timezone.localdate().day}" in html
    assert 'name="close"' not in html and "Add an action" not in html

    before = state()
    # A second close, an edit and a new action are each refused, changing nothing.
    html = page(client.post(rec_url(recommendation), {"close": "close"}))
    assert "Recommendation 1 was closed on" in html
    html = page(client.post(rec_url(recommendation), {"text": "New words (test)."}))
    assert "so it cannot change" in html
    html = page(client.post(new_action_url(recommendation), action_data(westbury)))
    assert "so it cannot change" in html
    assert state() == before


# --- Adding actions ---------------------------------------------------------------------------


def test_the_panel_assigns_an_action_to_one_of_the_partnerships_agencies(
    recommendation, panel, westbury
):
    client = signed_in(panel)
    html = page(client.get(new_action_url(recommendation)))
    assert "Westbury Cross Academy Trust (demo)" in html
    # Northmoor's school is not one of Westshire's agencies.
    assert "Moorhampton High School (demo)" not in html
    response = client.post(new_action_url(recommendation), action_data(westbury))
    assert response["Location"] == rec_url(recommendation)
    action = AgencyAction.objects.get(recommendation=recommendation)
    assert action.agency == westbury
    assert action.owner_role == "Named nurse for safeguarding"
    assert action.due_on == future()
    assert action.status == ActionStatus.NOT_STARTED
    entry = audit.entries().get(object_id=str(action.pk), action="hub.reviews.action_changed")
    assert entry.data["details"] == {"change": "added"}
    assert entry.data["agency_id"] == westbury.pk
    html = page(client.get(rec_url(recommendation)))
    assert "Audit the plans of the last quarter." in html


@pytest.mark.parametrize(
    ("overrides", "target", "message"),
    [
        ({"agency": ""}, "#agency", "Choose the agency"),
        ({"agency": "not-a-number"}, "#agency", "Choose one of the partnership&#39;s agencies"),
        ({"owner_role": ""}, "#owner_role", "Enter the owner&#39;s role"),
        ({"owner_role": "Jo at jo@example.org"}, "#owner_role", "Remove an email address"),
        ({"text": "Call 943 476 5919's school."}, "#text", "Remove an NHS number"),
        ({"due_on_day": "31", "due_on_month": "2"}, "#due_on-day", "must be a real date"),
        ({"due_on_day": "", "due_on_month": "", "due_on_year": ""}, "#due_on-day", "Enter the"),
        (
            {"due_on_day": "1", "due_on_month": "1", "due_on_year": "2020"},
            "#due_on-day",
            "The due date must be on or after the date of the incident (27 February 2026)",
        ),
    ],
)
def test_a_bad_action_is_refused_with_a_message_on_its_field(
    recommendation, panel, westbury, overrides, target, message
):
    before = state()
    html = page(
        signed_in(panel).post(new_action_url(recommendation), action_data(westbury, overrides))
    )
    assert error_links(html) == [target]
    assert message in html
    assert state() == before


def test_an_agency_of_another_partnership_is_refused(recommendation, panel, moorhampton):
    before = state()
    html = page(signed_in(panel).post(new_action_url(recommendation), action_data(moorhampton)))
    assert error_links(html) == ["#agency"]
    assert state() == before
    with pytest.raises(ValidationError) as refused:
        tracker.action_add(
            by=panel,
            recommendation=recommendation,
            agency=moorhampton,
            owner_role="Head teacher",
            text="Anything (test).",
            due_on=future(),
        )
    assert refused.value.message_dict == {"agency": ["Choose one of the partnership's agencies"]}


def test_sending_the_same_action_twice_adds_it_once(recommendation, panel, westbury):
    client = signed_in(panel)
    assert client.post(new_action_url(recommendation), action_data(westbury)).status_code == 302
    html = page(client.post(new_action_url(recommendation), action_data(westbury)))
    assert "Westbury Cross Academy Trust (demo) already has this action." in html
    assert AgencyAction.objects.filter(recommendation=recommendation).count() == 1


def test_a_recommendation_number_that_does_not_exist_is_not_found(recommendation, panel):
    client = signed_in(panel)
    reference = recommendation.review.reference
    for url in (
        reverse("reviews:recommendation", args=[reference, 99]),
        reverse("reviews:new_action", args=[reference, 99]),
        reverse("reviews:new_recommendation", args=["RR-1999-1"]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {"text": "x", "close": "close"}).status_code == 404


def test_opening_a_recommendation_is_audited_as_a_view_of_the_case_record(
    recommendation, panel, westshire
):
    page(signed_in(panel).get(rec_url(recommendation)))
    entry = audit.entries().get(action="hub.reviews.viewed", user=panel)
    assert entry.object_id == str(recommendation.review.pk)
    assert entry.data["partnership_id"] == westshire.pk
    assert entry.data["details"] == {"recommendation": 1}
