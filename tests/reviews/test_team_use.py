""" "We used this in our team": a signed-in practitioner or lead of one of the partnership's
agencies records that their team discussed a briefing (their own confirmed agency, or the
agency they lead), with a team size band, the date and one optional line on what will
change. Every refusal is a clear message on the form (or a 404 for someone outside) and
records nothing: a date in the future, before the briefing was published or not a date at
all; a size that is not a band; identifiers or too much in the line; a form sent twice; an
agency that is not theirs. Each record is audited, counted on the page, and offered to the
agency's lead as section 11 evidence."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from hub.core import audit
from hub.reviews.learning import record_team_use
from hub.reviews.models import TeamUse
from hub.reviews.queries import team_use_evidence
from tests.conftest import demo_agency, make_person
from tests.reviews.conftest import signed_in
from tests.reviews.learning_data import days_ago, make_briefing, today

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_demo_team_uses(db):
    """Each test counts only its own records: the demo's go (inside the test's transaction)."""
    TeamUse.objects.all().delete()


def record_url(briefing):
    return reverse("reviews:record_use", args=[briefing.slug])


def briefing_url(briefing):
    return reverse("reviews:briefing", args=[briefing.slug])


def date_fields(day, prefix="discussed_on"):
    return {
        f"{prefix}_day": str(day.day),
        f"{prefix}_month": str(day.month),
        f"{prefix}_year": str(day.year),
    }


def answers(day=None, **changes):
    data = {"team_size": "6_10", **date_fields(day or days_ago(3)), "change": ""}
    data.update(changes)
    return data


def errors_of(response):
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    summary = soup.select_one(".govuk-error-summary")
    assert summary is not None, "no error summary"
    return " ".join(summary.get_text(" ").split())


@pytest.fixture
def briefing(westshire, neglect):
    return make_briefing(westshire, themes=[neglect], published_on=days_ago(30))


@pytest.fixture
def police_only_lead(westshire, police):
    """Leads Westmoor Police without being confirmed staff of any agency."""
    lead = make_person(
        "lead-only@police.example", partnership=westshire, agency=police, roles=["agency_lead"]
    )
    lead.agency = None
    lead.save()
    return lead


# -- recording ---------------------------------------------------------------------------------


def test_a_practitioner_records_their_teams_use_and_it_is_audited_and_counted(
    practitioner, briefing, westbury
):
    client = signed_in(practitioner)
    response = client.post(
        record_url(briefing), answers(change="We will add neglect to every supervision agenda.")
    )
    assert response.status_code == 302
    assert response["Location"] == briefing_url(briefing) + "#team-use"
    use = TeamUse.objects.get(briefing=briefing)
    assert (use.agency, use.team_size, use.discussed_on, use.recorded_by) == (
        westbury,
        "6_10",
        days_ago(3),
        practitioner,
    )
    assert use.change == "We will add neglect to every supervision agenda."
    entry = audit.entries().get(action="hub.reviews.team_use_recorded", object_id=str(use.pk))
    assert entry.user == practitioner
    assert entry.data["agency_id"] == westbury.pk
    assert entry.data["partnership_id"] == briefing.partnership_id
    html = client.get(response["Location"]).content.decode()
    text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    assert "Recorded: a team of 6 to 10 people at" in text
    assert "1 team from 1 agency has recorded discussing this briefing." in text
    assert (
        "We will add neglect to every supervision agenda." in text
    )  # under "What you have recorded"


def test_a_lead_records_for_the_agency_they_lead(police_only_lead, briefing, police):
    response = signed_in(police_only_lead).post(record_url(briefing), answers())
    assert response.status_code == 302
    assert TeamUse.objects.get(briefing=briefing).agency == police


def test_someone_who_is_staff_of_one_agency_and_leads_another_chooses(
    westshire, briefing, college, police
):
    person = make_person(
        "two@agencies.example", partnership=westshire, agency=police, roles=["agency_lead"]
    )
    person.agency = college
    person.save()
    client = signed_in(person)
    soup = BeautifulSoup(client.get(briefing_url(briefing)).content.decode(), "html.parser")
    offered = {radio["value"] for radio in soup.select('input[name="agency"]')}
    assert offered == {str(college.pk), str(police.pk)}
    assert "Choose which agency's team discussed it" in errors_of(
        client.post(record_url(briefing), answers())
    )
    moorhampton = demo_agency("moorhampton")  # Northmoor's: not theirs, not Westshire's
    assert "Choose one of the agencies you work for or lead" in errors_of(
        client.post(record_url(briefing), answers(agency=str(moorhampton.pk)))
    )
    assert not TeamUse.objects.exists()
    assert client.post(record_url(briefing), answers(agency=str(police.pk))).status_code == 302
    assert TeamUse.objects.get().agency == police


def test_nobody_outside_the_partnerships_agencies_records(client, staff, briefing):
    response = client.post(record_url(briefing), answers())
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    northmoor_staff = staff(None, partnership="northmoor")
    assert signed_in(northmoor_staff).post(record_url(briefing), answers()).status_code == 404
    editor = staff("editor", agency=None)
    editor.agency = None
    editor.save()
    assert signed_in(editor).post(record_url(briefing), answers()).status_code == 404
    assert not TeamUse.objects.exists()


def test_opening_the_form_address_leads_back_to_the_briefing(practitioner, briefing):
    response = signed_in(practitioner).get(record_url(briefing))
    assert response.status_code == 302
    assert response["Location"] == briefing_url(briefing) + "#team-use"


# -- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"discussed_on_day": "", "discussed_on_month": "", "discussed_on_year": ""},
            "Enter the date the team discussed it",
        ),
        (
            {"discussed_on_day": "31", "discussed_on_month": "2", "discussed_on_year": "2026"},
            "The date must be a real date",
        ),
        (
            {"discussed_on_day": "abc", "discussed_on_month": "3", "discussed_on_year": "2026"},
            "The date must be a real date",
        ),
        (
            {"discussed_on_day": "3", "discussed_on_month": "3", "discussed_on_year": ""},
            "The date must include a year",
        ),
        (
            {"discussed_on_day": "3", "discussed_on_month": "3", "discussed_on_year": "26"},
            "Year must include 4 numbers",
        ),
        (
            {"discussed_on_day": "1", "discussed_on_month": "1", "discussed_on_year": "99999"},
            "Year must include 4 numbers",
        ),
        ({"team_size": ""}, "Choose how many people were in the team"),
        ({"team_size": "1000_plus"}, "Choose how many people were in the team"),
        ({"change": "x" * 201}, "What will change must be 200 characters or fewer"),
    ],
)
def test_a_bad_answer_is_a_clear_error_and_records_nothing(practitioner, briefing, fields, message):
    response = signed_in(practitioner).post(record_url(briefing), answers(**fields))
    assert message in errors_of(response)
    assert not TeamUse.objects.exists()


def test_a_date_in_the_future_or_before_publication_is_refused(practitioner, briefing):
    client = signed_in(practitioner)
    tomorrow = days_ago(-1)
    assert "The date must be today or in the past" in errors_of(
        client.post(record_url(briefing), answers(tomorrow))
    )
    published = briefing.published_on
    assert (
        f"The date must be on or after {published.day} {published:%B %Y}, when the briefing "
        "was published"
    ) in errors_of(client.post(record_url(briefing), answers(days_ago(31))))
    assert not TeamUse.objects.exists()
    for day in (published, today()):
        assert client.post(record_url(briefing), answers(day)).status_code == 302
    assert TeamUse.objects.count() == 2


@pytest.mark.parametrize(
    ("change", "found"),
    [
        ("Discussed the case of NHS number 943 476 5919", "an NHS number"),
        ("The family at BS1 4DJ", "a full postcode"),
        ("Email mum@example.com next time", "an email address"),
        ("Child born 3/4/2019 was discussed", "a date of birth"),
    ],
)
def test_identifiers_in_the_line_are_refused(practitioner, briefing, change, found):
    response = signed_in(practitioner).post(record_url(briefing), answers(change=change))
    text = errors_of(response)
    assert f"Remove {found}" in text
    assert change not in text
    assert not TeamUse.objects.exists()


def test_a_form_sent_twice_records_once(practitioner, briefing):
    client = signed_in(practitioner)
    data = answers(change="Add to supervision.")
    assert client.post(record_url(briefing), data).status_code == 302
    second = client.post(record_url(briefing), data)
    assert "the form may have been sent twice. Nothing more was recorded." in errors_of(second)
    assert TeamUse.objects.count() == 1
    # Another team's discussion on another day is another record.
    assert client.post(record_url(briefing), answers(days_ago(2))).status_code == 302
    assert TeamUse.objects.count() == 2
    assert audit.entries().filter(action="hub.reviews.team_use_recorded").count() == 2


def test_the_service_refuses_a_briefing_not_in_the_library_and_an_agency_not_theirs(
    practitioner, briefing, college
):
    briefing.withdrawn = True
    briefing.save()
    with pytest.raises(PermissionDenied):
        record_team_use(
            by=practitioner,
            briefing=briefing,
            agency=practitioner.agency,
            team_size="1_5",
            discussed_on=days_ago(1),
        )
    briefing.withdrawn = False
    briefing.save()
    with pytest.raises(PermissionDenied):
        record_team_use(
            by=practitioner,
            briefing=briefing,
            agency=college,
            team_size="1_5",
            discussed_on=days_ago(1),
        )
    assert not TeamUse.objects.exists()


# -- for section 11 --------------------------------------------------------------------------


def test_the_agencys_records_are_offered_as_section_11_evidence(
    practitioner, briefing, westbury, westshire
):
    signed_in(practitioner).post(record_url(briefing), answers(change="Add to supervision."))
    found = team_use_evidence(westbury, westshire)
    assert len(found) == 1
    key, text, on = found[0]
    assert briefing.title in text and "What will change: Add to supervision." in text
    assert on == days_ago(3)
