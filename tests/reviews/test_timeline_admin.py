"""The rapid review timeline's admin screens: the partnership's review panel and its admin keep
their own partnership's steps (the defaults, until they change them) and reach no other
partnership's, whose ids answer 404 on every screen; days are checked; every change is
audited; a change never moves a running review's clock."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import querydict_from_html

from hub.reviews.cases import DEFAULT_STEPS
from hub.reviews.models import TimelineStep
from hub.reviews.timeline_admin import DAY_RULE
from tests.reviews.test_cases import open_one, signed_in, text_of

pytestmark = pytest.mark.django_db


def url(name, row=None):
    return reverse(f"reviews_timeline:{name}", args=[row.pk] if row is not None else [])


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def fresh(westshire, northmoor):
    """Neither partnership has steps of its own yet."""
    TimelineStep.objects.filter(partnership__in=[westshire, northmoor]).delete()


@pytest.fixture
def northmoor_step(northmoor):
    return TimelineStep.objects.create(partnership=northmoor, name="Northmoor's call (test)", day=3)


def westshire_steps(westshire):
    return list(TimelineStep.objects.filter(partnership=westshire).order_by("day", "position"))


def edit_form(client, step):
    return querydict_from_html(page(client.get(url("edit", step))), "w-editor-form")


def test_the_admin_sees_the_default_steps_the_first_time(
    business_unit, westshire, fresh, northmoor_step
):
    html = page(signed_in(business_unit).get(url("index")))
    steps = westshire_steps(westshire)
    assert [(s.first_day, s.day, s.name) for s in steps] == [
        (first, day, name) for first, day, name, _ in DEFAULT_STEPS
    ]
    text = text_of(html)
    assert "Agencies return information" in text and "Days 2 to 10" in text
    assert "Northmoor's call (test)" not in text
    assert url("edit", steps[0]) in html and url("edit", northmoor_step) not in html
    entry = ModelLogEntry.objects.get(action="hub.reviews.timeline_changed")
    assert entry.user == business_unit and entry.data["details"] == {"change": "defaults made"}
    # A second visit makes nothing more.
    signed_in(business_unit).get(url("index"))
    assert len(westshire_steps(westshire)) == len(DEFAULT_STEPS)


def test_the_partnership_admin_changes_a_step_and_it_is_audited(business_unit, westshire, fresh):
    client = signed_in(business_unit)
    client.get(url("index"))
    meeting = TimelineStep.objects.get(partnership=westshire, day=12)
    data = edit_form(client, meeting)
    data["name"] = "Rapid review panel meeting"
    data["day"] = "11"
    response = client.post(url("edit", meeting), data)
    assert response.status_code == 302, text_of(response.content.decode())[:2000]
    meeting.refresh_from_db()
    assert (meeting.name, meeting.day, meeting.partnership) == (
        "Rapid review panel meeting",
        11,
        westshire,
    )
    entry = ModelLogEntry.objects.get(
        action="hub.reviews.timeline_changed", object_id=str(meeting.pk)
    )
    assert entry.user == business_unit
    assert entry.data["details"] == {"change": "edited", "day": 11}
    assert entry.data["partnership_id"] == westshire.pk


def test_a_step_is_added_for_the_persons_own_partnership_and_deleted(
    business_unit, westshire, fresh
):
    client = signed_in(business_unit)
    form = page(client.get(url("add")))
    assert "Northmoor" not in text_of(form.split("<form", 1)[1])
    data = querydict_from_html(form, "w-editor-form")
    data["partnership"] = str(westshire.pk)
    data["name"] = "Learning shared with the partners"
    data["first_day"] = ""
    data["day"] = "20"
    response = client.post(url("add"), data)
    assert response.status_code == 302, text_of(response.content.decode())[:2000]
    added = TimelineStep.objects.get(
        partnership=westshire, name="Learning shared with the partners"
    )
    assert added.day == 20 and added.first_day is None and added.position == 0
    response = client.post(url("delete", added))
    assert response.status_code == 302
    assert not TimelineStep.objects.filter(pk=added.pk).exists()
    changes = list(
        ModelLogEntry.objects.filter(action="hub.reviews.timeline_changed", object_id=str(added.pk))
        .order_by("pk")
        .values_list("data__details__change", flat=True)
    )
    assert changes == ["created", "deleted"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"day": "0"}, DAY_RULE),
        ({"day": "61"}, DAY_RULE),
        ({"day": "two"}, DAY_RULE),
        ({"day": ""}, "Give the working day the step is due"),
        ({"first_day": "12", "day": "10"}, "must be on or before the day it is due"),
        ({"name": ""}, "Give the step's name"),
        ({"name": "Call about the child born 3 April 2019"}, "Remove a date of birth"),
    ],
)
def test_bad_steps_are_refused_with_the_reason_and_change_nothing(
    business_unit, westshire, fresh, changes, message
):
    client = signed_in(business_unit)
    client.get(url("index"))
    step = TimelineStep.objects.get(partnership=westshire, day=10)
    data = edit_form(client, step)
    for key, value in changes.items():
        data[key] = value
    response = client.post(url("edit", step), data)
    assert message in text_of(page(response))
    step.refresh_from_db()
    assert (step.name, step.first_day, step.day) == ("Agencies return information", 2, 10)


def test_a_forged_partnership_on_a_new_step_is_refused(business_unit, westshire, northmoor, fresh):
    client = signed_in(business_unit)
    data = querydict_from_html(page(client.get(url("add"))), "w-editor-form")
    data["partnership"] = str(northmoor.pk)
    data["name"] = "Taken over (test)"
    data["day"] = "5"
    response = client.post(url("add"), data)
    assert "Choose one of the partnerships whose case records you run" in text_of(page(response))
    assert not TimelineStep.objects.filter(name="Taken over (test)").exists()


def test_another_partnerships_step_answers_404_on_every_screen_and_changes_nothing(
    business_unit, northmoor_step
):
    client = signed_in(business_unit)
    for name in ("edit", "delete", "history", "usage"):
        assert client.get(url(name, northmoor_step)).status_code == 404, name
        response = client.post(url(name, northmoor_step), {"name": "Taken", "day": "4"})
        assert response.status_code == 404, name
    northmoor_step.refresh_from_db()
    assert (northmoor_step.name, northmoor_step.day) == ("Northmoor's call (test)", 3)


def test_people_who_do_not_run_case_records_are_kept_out(
    editor, westbury_lead, practitioner, westshire, fresh
):
    step = TimelineStep.objects.create(partnership=westshire, name="Call (test)", day=2)
    for person in (editor, westbury_lead, practitioner):
        client = signed_in(person)
        for address in (url("index"), url("add"), url("edit", step)):
            assert client.get(address).status_code in (302, 403, 404), (person, address)
        response = client.post(url("edit", step), {"name": "Taken", "day": "4"})
        assert response.status_code in (302, 403, 404), person
    step.refresh_from_db()
    assert step.name == "Call (test)"
    # And nobody kept out made the defaults.
    assert TimelineStep.objects.filter(partnership=westshire).count() == 1


def test_changing_the_timeline_never_moves_a_running_reviews_clock(business_unit, westshire, fresh):
    review = open_one(business_unit, westshire)
    before = [(s.name, s.due_on) for s in review.steps.order_by("day")]
    client = signed_in(business_unit)
    step = TimelineStep.objects.get(partnership=westshire, day=15)
    data = edit_form(client, step)
    data["day"] = "20"
    assert client.post(url("edit", step), data).status_code == 302
    assert [(s.name, s.due_on) for s in review.steps.order_by("day")] == before
    assert before[-1][1] == datetime.date(2026, 3, 25)
    # The next review is counted to the new day.
    later = open_one(business_unit, westshire, age_band="16_17")
    assert later.steps.get(name=step.name).day == 20


def test_the_review_panel_keeps_the_timeline_too(panel, westshire, fresh):
    html = page(signed_in(panel).get(url("index")))
    assert "Agencies return information" in html
