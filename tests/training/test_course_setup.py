"""Setting up a course in the admin without traps: the web address made from the title, a
new course led to its charges and its first session, the charges as one grid by type of
organisation, "Add session" remembering its course, sessions to come listed first with
those held marked so, and the booking rules in force shown even when none were set."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hub.core import audit
from hub.training.models import Course, Tariff, TrainingPolicy

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(training_team):
    client = Client()
    client.force_login(training_team)
    return client


def course_form(partnership, title, **extra):
    return {
        "partnership": partnership.pk,
        "title": title,
        "slug": "",
        "summary": "A course made in a test.",
        "level": "1",
        "format": "face_to_face",
        "who_for": "Everyone.",
        "outcomes": "Know what to do",
        "prerequisites": "",
        "hours": "2",
        "refresher_months": "36",
        "is_published": "on",
        **extra,
    }


def test_a_course_needs_no_typed_address_and_leads_on_to_its_charges(client, westshire):
    response = client.post(
        reverse("training_courses:add"), course_form(westshire, "Safer sleep: the basics")
    )
    course = Course.objects.get(partnership=westshire, title="Safer sleep: the basics")
    assert course.slug == "safer-sleep-the-basics"
    assert response.status_code == 302
    assert response["Location"] == reverse("training_courses:charges", args=[course.pk]) + "?new=1"
    html = client.get(response["Location"]).content.decode()
    assert "is saved. Next, set what a place costs" in html
    assert f'href="{reverse("training_sessions:add")}?course={course.pk}"' in html

    # The same title again gets an address of its own rather than an error.
    client.post(reverse("training_courses:add"), course_form(westshire, "Safer sleep: the basics"))
    slugs = set(
        Course.objects.filter(title="Safer sleep: the basics").values_list("slug", flat=True)
    )
    assert slugs == {"safer-sleep-the-basics", "safer-sleep-the-basics-2"}

    # The list says a course without charges has none, rather than looking free by design.
    html = client.get(reverse("training_courses:index"), {"q": "safer sleep"}).content.decode()
    assert "None set: free for everyone" in html


def test_the_charges_grid_sets_every_type_at_once_and_is_audited(client, course):
    address = reverse("training_courses:charges", args=[course.pk])
    html = client.get(address).content.decode()
    assert "Voluntary or community organisation" in html and "Did not attend (£)" in html
    form = {
        "voluntary-place_pence": "25",
        "voluntary-late_cancellation_pence": "£25.50",
        "voluntary-no_show_pence": "50",
        "school-place_pence": "1,200",
        "police-place_pence": "0",
    }
    response = client.post(address, form)
    assert response.status_code == 302
    voluntary = Tariff.objects.get(course=course, agency_type="voluntary")
    assert (voluntary.place_pence, voluntary.late_cancellation_pence) == (2500, 2550)
    assert Tariff.objects.get(course=course, agency_type="school").place_pence == 120000
    # A type charged nothing has no row: free, as before.
    assert not Tariff.objects.filter(course=course, agency_type="police").exists()
    entry = audit.entries().get(action="hub.training.charges_set")
    assert entry.data["details"]["types"] == ["school", "voluntary"]
    # The grid shows what is set; clearing a row removes its charges.
    html = client.get(address).content.decode()
    assert 'value="25.50"' in html and 'value="1200.00"' in html
    client.post(address, {**form, "school-place_pence": ""})
    assert not Tariff.objects.filter(course=course, agency_type="school").exists()
    listing = client.get(reverse("training_courses:index"), {"q": "recognising neglect"})
    assert "£25 a place" in listing.content.decode()


@pytest.mark.parametrize("amount", ["abc", "-1", "45.555", "20000", "1e3", "NaN", "Infinity"])
def test_an_amount_that_is_not_money_changes_nothing(client, course, amount):
    Tariff.objects.create(course=course, agency_type="school", place_pence=4000)
    address = reverse("training_courses:charges", args=[course.pk])
    response = client.post(address, {"school-place_pence": "30", "police-no_show_pence": amount})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and 'aria-invalid="true"' in html
    assert "did not attend charge for police" in html
    assert Tariff.objects.get(course=course, agency_type="school").place_pence == 4000
    assert not Tariff.objects.filter(course=course, agency_type="police").exists()


def test_another_partnerships_course_charges_answer_404(client, northmoor, staff):
    course = Course.objects.filter(partnership=northmoor).first()
    address = reverse("training_courses:charges", args=[course.pk])
    assert client.get(address).status_code == 404
    assert client.post(address, {"school-place_pence": "1"}).status_code == 404
    editor = Client()
    editor.force_login(staff("editor"))
    own = reverse(
        "training_courses:charges",
        args=[Course.objects.filter(partnership__slug="westshire").first().pk],
    )
    assert editor.post(own, {"school-place_pence": "1"}).status_code in (302, 404)
    assert not Tariff.objects.filter(place_pence=100).exists()


def test_add_session_starts_with_the_course_it_came_from(client, course, northmoor):
    html = client.get(reverse("training_sessions:index"), {"course": course.pk}).content.decode()
    assert f"{reverse('training_sessions:add')}?course={course.pk}" in html
    form = client.get(reverse("training_sessions:add"), {"course": course.pk}).content.decode()
    assert re.search(rf'<option value="{course.pk}"\s+selected>', form)
    # Another partnership's course is never chosen for you.
    other = Course.objects.filter(partnership=northmoor).first()
    form = client.get(reverse("training_sessions:add"), {"course": other.pk}).content.decode()
    choices = form.split('name="course"')[1].split("</select>")[0]
    assert not re.search(r'<option value="\d+"\s+selected>', choices)


def test_sessions_to_come_are_listed_first_and_those_held_say_so(client, course, session_factory):
    now = timezone.now()
    soon = session_factory(starts_at=now + datetime.timedelta(days=3))
    later = session_factory(starts_at=now + datetime.timedelta(days=60))
    held = session_factory(starts_at=now - datetime.timedelta(days=2))
    long_ago = session_factory(starts_at=now - datetime.timedelta(days=90))
    html = client.get(reverse("training_sessions:index"), {"course": course.pk}).content.decode()
    order = [
        html.index(reverse("training_sessions:edit", args=[s.pk]))
        for s in (soon, later, held, long_ago)
    ]
    assert order == sorted(order)
    row = html[order[2] :]
    assert "Held" in row[: row.index("</tr>")]
    row = html[order[0] :]
    assert "Scheduled" in row[: row.index("</tr>")]


def test_the_booking_rules_in_force_are_shown_when_none_were_set(client, westshire):
    TrainingPolicy.objects.filter(partnership=westshire).delete()
    html = client.get(reverse("training_policies:index")).content.decode()
    assert f"{westshire.name}: the default rules are in force" in html
    assert "A freed place is held for 48 hours" in html
    add = f"{reverse('training_policies:add')}?partnership={westshire.pk}"
    assert add in html
    form = client.get(add).content.decode()
    assert re.search(rf'<option value="{westshire.pk}"\s+selected>', form)
    assert "Tariff" not in client.get(reverse("training_tariffs:index")).content.decode()
