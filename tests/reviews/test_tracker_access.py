"""Who reaches the recommendations tracker's pages. The review panel reaches every action and
recommendation of its partnership; an agency's lead only their agency's actions. Anyone else
(the lead of another agency, a practitioner, an editor, the panel of another partnership, any
of them on another partnership's site, a guessed id) gets a 404, whether they GET or POST, and
nothing changes: no row, no file, no audit entry. Someone signed out is asked to sign in.
No page is kept by a cache."""

import datetime
import os

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from hub.core import audit
from hub.reviews import tracker
from hub.reviews.models import ActionEvidence, ActionStatus, AgencyAction, Recommendation
from tests.core.uploads.hostile_files import as_upload, pdf_document
from tests.reviews.conftest import make_action, make_review, signed_in

pytestmark = pytest.mark.django_db


def pdf(name="evidence.pdf"):
    return as_upload(*pdf_document(pages=1, name=name))


@pytest.fixture
def records(westshire, westbury, westbury_lead):
    """A Westshire review with a recommendation and Westbury's completed action, evidenced
    with two files: every page below would change something if it let the wrong person in."""
    review = make_review(westshire)
    action = make_action(
        review, westbury, due_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    first = tracker.evidence_add(by=westbury_lead, action=action, uploaded_file=pdf())
    tracker.evidence_add(by=westbury_lead, action=action, uploaded_file=pdf("second.pdf"))
    tracker.action_update(by=westbury_lead, action=action, status=ActionStatus.COMPLETED)
    recommendation = Recommendation.objects.get(review=review, number=1)
    return {"review": review, "recommendation": recommendation, "action": action, "evidence": first}


def due():
    day = timezone.localdate() + datetime.timedelta(days=40)
    return {"due_on_day": day.day, "due_on_month": day.month, "due_on_year": day.year}


def endpoints(records, westbury):
    """(url, data a POST would send) for every page of the tracker about these records."""
    review, action, evidence = records["review"], records["action"], records["evidence"]
    number = records["recommendation"].number
    return [
        (reverse("reviews:action", args=[action.pk]), {"status": "in_progress"}),
        (reverse("reviews:evidence_upload", args=[action.pk]), {"file": pdf("new.pdf")}),
        (reverse("reviews:evidence_download", args=[action.pk, evidence.pk]), {}),
        (reverse("reviews:evidence_remove", args=[action.pk, evidence.pk]), {}),
        (reverse("reviews:sign_off", args=[action.pk]), {"decision": "accept"}),
        (reverse("reviews:new_recommendation", args=[review.reference]), {"text": "New (t)."}),
        (reverse("reviews:recommendation", args=[review.reference, number]), {"text": "Ed."}),
        (
            reverse("reviews:new_action", args=[review.reference, number]),
            {"agency": westbury.pk, "owner_role": "Lead", "text": "More (test)."} | due(),
        ),
    ]


def state():
    # Evidence files only: a page's first rendering may add an image rendition (the logo).
    folder = os.path.join(settings.MEDIA_ROOT, "reviews", "evidence")
    files = sum(len(names) for _, _, names in os.walk(folder))
    return (
        tuple(Recommendation.objects.order_by("pk").values_list("pk", "text", "closed_on")),
        tuple(
            AgencyAction.objects.order_by("pk").values_list(
                "pk", "status", "progress_note", "signed_off_on"
            )
        ),
        tuple(ActionEvidence.objects.order_by("pk").values_list("pk", "file")),
        files,
        audit.entries().count(),
    )


def refresh(data):
    """A fresh copy of POST data (an upload can be read only once)."""
    return {key: pdf("new.pdf") if key == "file" else value for key, value in data.items()}


# People with no part in these records, and the site each asks from.
OUTSIDERS = [
    ("college_lead", None),
    ("practitioner", None),
    ("editor", None),
    ("northmoor_panel", None),
    ("northmoor_panel", "northmoor.localhost"),
    ("panel", "northmoor.localhost"),
    ("business_unit", "northmoor.localhost"),
    ("westbury_lead", "northmoor.localhost"),
    ("police_lead", None),
]


@pytest.mark.parametrize(("person", "host"), OUTSIDERS, ids=lambda value: str(value))
def test_outsiders_get_404_from_every_page_whatever_the_method_and_nothing_changes(
    request, records, westbury, person, host
):
    client = signed_in(request.getfixturevalue(person), host)
    before = state()
    for url, data in endpoints(records, westbury):
        assert client.get(url).status_code == 404, url
        assert client.post(url, refresh(data)).status_code == 404, url
    assert state() == before


def test_the_agency_lead_gets_404_from_the_panels_pages(records, westbury, westbury_lead):
    client = signed_in(westbury_lead)
    before = state()
    for url, data in endpoints(records, westbury)[4:]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, refresh(data)).status_code == 404, url
    assert state() == before


def test_the_panel_gets_404_from_the_agencys_pages(records, westbury, panel):
    client = signed_in(panel)
    before = state()
    upload, remove = endpoints(records, westbury)[1], endpoints(records, westbury)[3]
    for url, data in (upload, remove):
        assert client.get(url).status_code == 404, url
        assert client.post(url, refresh(data)).status_code == 404, url
    assert state() == before


def test_guessed_ids_are_not_found(records, panel, westbury_lead):
    action, evidence = records["action"], records["evidence"]
    guessed = [
        reverse("reviews:action", args=[999_999]),
        reverse("reviews:evidence_upload", args=[999_999]),
        reverse("reviews:sign_off", args=[999_999]),
        reverse("reviews:evidence_download", args=[action.pk, 999_999]),
        reverse("reviews:evidence_remove", args=[action.pk, 999_999]),
        reverse("reviews:evidence_download", args=[999_999, evidence.pk]),
        reverse("reviews:new_recommendation", args=["RR-2026-999"]),
        reverse("reviews:recommendation", args=[records["review"].reference, 999]),
        reverse("reviews:new_action", args=["RR-2026-999", 1]),
    ]
    before = state()
    for person in (panel, westbury_lead):
        client = signed_in(person)
        for url in guessed:
            assert client.get(url).status_code == 404, url
            assert client.post(url, {"decision": "accept", "text": "x"}).status_code == 404, url
    assert state() == before


def test_signed_out_visitors_are_asked_to_sign_in(client, records, westbury):
    before = state()
    urls = [reverse("reviews:tracker"), reverse("reviews:tracker_xlsx")] + [
        url for url, _ in endpoints(records, westbury)
    ]
    for url in urls:
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("account_login") + "?next="), url
    assert state() == before


@pytest.mark.parametrize(
    ("person", "host"),
    [
        ("practitioner", None),
        ("editor", None),
        ("northmoor_panel", None),
        ("panel", "northmoor.localhost"),
        ("westbury_lead", "northmoor.localhost"),
    ],
    ids=lambda value: str(value),
)
def test_the_tracker_is_not_found_by_people_with_no_part_in_it(request, records, person, host):
    client = signed_in(request.getfixturevalue(person), host)
    before = state()
    assert client.get(reverse("reviews:tracker")).status_code == 404
    assert client.get(reverse("reviews:tracker_xlsx")).status_code == 404
    assert client.post(reverse("reviews:tracker")).status_code == 404
    assert state() == before


def test_the_lead_of_another_agency_sees_the_tracker_without_this_action(records, college_lead):
    html = signed_in(college_lead).get(reverse("reviews:tracker")).content.decode()
    assert reverse("reviews:action", args=[records["action"].pk]) not in html


def test_the_tracker_takes_no_post(records, panel):
    before = state()
    assert signed_in(panel).post(reverse("reviews:tracker")).status_code == 405
    assert signed_in(panel).post(reverse("reviews:tracker_xlsx")).status_code == 405
    assert state() == before


def test_no_page_is_kept_by_a_cache(records, westbury, panel, westbury_lead):
    action, evidence, review = records["action"], records["evidence"], records["review"]
    pages = {
        panel: [
            reverse("reviews:tracker"),
            reverse("reviews:tracker_xlsx"),
            reverse("reviews:action", args=[action.pk]),
            reverse("reviews:evidence_download", args=[action.pk, evidence.pk]),
            reverse("reviews:new_recommendation", args=[review.reference]),
            reverse("reviews:recommendation", args=[review.reference, 1]),
            reverse("reviews:new_action", args=[review.reference, 1]),
        ],
        westbury_lead: [
            reverse("reviews:tracker"),
            reverse("reviews:action", args=[action.pk]),
            reverse("reviews:evidence_download", args=[action.pk, evidence.pk]),
        ],
    }
    for person, urls in pages.items():
        client = signed_in(person)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["Cache-Control"] == "private, no-store", url


def test_the_partnership_admin_works_as_the_panel(records, business_unit):
    client = signed_in(business_unit)
    action = records["action"]
    assert client.get(reverse("reviews:tracker")).status_code == 200
    response = client.post(reverse("reviews:sign_off", args=[action.pk]), {"decision": "accept"})
    assert response.status_code == 302
    assert AgencyAction.objects.get(pk=action.pk).signed_off_by == business_unit
