"""Who reaches a review case record: only the partnership's review panel and its partnership
admin. An editor, a practitioner, an agency lead, another partnership's panel or admin, and
the panel on another partnership's site get a 404 for every case page, GET and POST, and
nothing changes; someone signed out is sent to sign in. Case pages are private, never stored
by a cache nor indexed, and every view of a case record is audited."""

import datetime

import pytest
from wagtail.models import ModelLogEntry

from hub.reviews import queries
from hub.reviews.models import InformationRequest, Review, ReviewStep, TimelineStep
from tests.reviews.test_cases import date_fields, form_data, open_one, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(panel, westshire):
    TimelineStep.objects.filter(partnership=westshire).delete()
    return open_one(panel, westshire)


@pytest.fixture
def pages(review):
    step = review.steps.get(day=1)
    base = f"/reviews/{review.reference}/"
    return {
        "list": "/reviews/",
        "open": "/reviews/new/",
        "case": base,
        "edit": f"{base}edit/",
        "step done": f"{base}steps/{step.pk}/done/",
        "request information": f"{base}requests/new/",
    }


@pytest.fixture
def outsiders(editor, practitioner, westbury_lead, police_lead, northmoor_panel, staff):
    return {
        "editor": (editor, None),
        "practitioner": (practitioner, None),
        "agency lead": (westbury_lead, None),
        "police lead (an agency of both partnerships)": (police_lead, None),
        "Northmoor's panel on Westshire's site": (northmoor_panel, None),
        "Northmoor's admin on Westshire's site": (
            staff("partnership_admin", partnership="northmoor"),
            None,
        ),
        "trainer": (staff("trainer"), None),
    }


def posted(name, review, college):
    """What each page's form would send, filled in so that it would change something."""
    return {
        "open": form_data(),
        "edit": {
            "status": "open",
            "age_band": "under_1",
            "summary": "Taken over (test).",
            **date_fields("incident_on", review.incident_on),
            **date_fields("notified_on", review.notified_on),
        },
        "request information": {"agencies": [str(college.pk)]},
    }.get(name, {})


def snapshot(review):
    review.refresh_from_db()
    return (
        Review.objects.count(),
        review.summary,
        review.age_band,
        review.status,
        ReviewStep.objects.filter(done_on__isnull=False).count(),
        InformationRequest.objects.count(),
    )


@pytest.mark.parametrize("who", ["panel", "business_unit"])
def test_the_panel_and_the_partnership_admin_open_every_case_page(who, request, pages):
    client = signed_in(request.getfixturevalue(who))
    for name, url in pages.items():
        expected = 405 if name == "step done" else 200
        assert client.get(url).status_code == expected, name


def test_everyone_else_gets_a_404_for_every_case_page_get_and_post_and_nothing_changes(
    outsiders, pages, review, college
):
    before = snapshot(review)
    for who, (person, host) in outsiders.items():
        client = signed_in(person, host=host)
        for name, url in pages.items():
            assert client.get(url).status_code == 404, (who, name, "GET")
            response = client.post(url, posted(name, review, college))
            assert response.status_code == 404, (who, name, "POST")
    assert snapshot(review) == before
    assert not ModelLogEntry.objects.filter(
        action="hub.reviews.viewed", object_id=str(review.pk)
    ).exists()


def test_the_panel_on_another_partnerships_site_does_not_reach_its_own_review(
    panel, pages, review, college
):
    client = signed_in(panel, host="northmoor.localhost")
    before = snapshot(review)
    for name, url in pages.items():
        assert client.get(url).status_code == 404, name
        assert client.post(url, posted(name, review, college)).status_code == 404, name
    assert snapshot(review) == before


def test_northmoors_panel_sees_northmoors_reviews_and_westshires_panel_does_not(
    northmoor_panel, panel, northmoor, westshire, review
):
    theirs = open_one(northmoor_panel, northmoor)
    own = signed_in(northmoor_panel, host="northmoor.localhost")
    assert own.get(f"/reviews/{theirs.reference}/").status_code == 200
    listed = own.get("/reviews/").content.decode()
    assert f'href="/reviews/{theirs.reference}/"' in listed
    assert (
        signed_in(panel, host="northmoor.localhost")
        .get(f"/reviews/{theirs.reference}/")
        .status_code
        == 404
    )
    assert set(queries.visible_reviews(northmoor_panel, westshire)) == set()
    assert theirs not in set(queries.visible_reviews(panel, westshire))


def test_someone_signed_out_is_sent_to_sign_in_and_nothing_changes(client, pages, review, college):
    before = snapshot(review)
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 302 and "login" in response.url, name
        response = client.post(url, posted(name, review, college))
        assert response.status_code == 302 and "login" in response.url, name
    assert snapshot(review) == before


def test_guessed_references_answer_404_to_the_panel_too(panel, review):
    client = signed_in(panel)
    for reference in ("RR-2099-99", review.reference.lower(), "../admin", "x" * 60):
        assert client.get(f"/reviews/{reference}/").status_code == 404, reference
        assert client.get(f"/reviews/{reference}/edit/").status_code == 404, reference


def test_case_pages_are_private_never_stored_and_never_indexed(panel, pages):
    client = signed_in(panel)
    for name, url in pages.items():
        if name == "step done":
            continue
        response = client.get(url)
        assert response["Cache-Control"] == "private, no-store", name
        assert response["X-Robots-Tag"] == "noindex, nofollow", name
        assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_each_view_of_a_case_record_is_audited(panel, business_unit, review):
    signed_in(panel).get(f"/reviews/{review.reference}/")
    signed_in(business_unit).get(f"/reviews/{review.reference}/")
    entries = ModelLogEntry.objects.filter(
        action="hub.reviews.viewed", object_id=str(review.pk)
    ).order_by("pk")
    assert [entry.user for entry in entries] == [panel, business_unit]
    assert entries[0].data["partnership_id"] == review.partnership_id
    assert entries[0].data["details"] == {"page": "record"}
    # The edit form shows the record's details too.
    signed_in(panel).get(f"/reviews/{review.reference}/edit/")
    assert entries.last().data["details"] == {"page": "edit"}


def test_an_agency_lead_sees_no_case_record_only_their_request(
    panel, review, college, college_lead
):
    from hub.reviews import cases

    [asked] = cases.request_information(
        by=panel, review=review, agencies=[college], due_on=datetime.date(2099, 1, 1)
    )
    client = signed_in(college_lead)
    assert client.get(f"/reviews/{review.reference}/").status_code == 404
    assert client.get(f"/reviews/agency/requests/{asked.pk}/").status_code == 200
    entry = ModelLogEntry.objects.get(
        action="hub.reviews.information_request_viewed", object_id=str(asked.pk)
    )
    assert entry.user == college_lead and entry.data["agency_id"] == college.pk
    response = client.get("/reviews/agency/")
    assert response["Cache-Control"] == "private, no-store"


def test_the_agency_page_is_for_agency_leads(practitioner, editor, client):
    for person in (practitioner, editor):
        assert signed_in(person).get("/reviews/agency/").status_code == 404
    response = client.get("/reviews/agency/")
    assert response.status_code == 302 and "login" in response.url
