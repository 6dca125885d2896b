"""A 7-minute briefing's page: its seven parts in order as headed sections (paragraphs at
blank lines, bullets from lines starting "- ", web addresses linked), a link to its one-page
PDF, how many teams recorded using it, and either the "We used this in our team" form (for
staff and leads of the partnership's agencies), a word on who may record, or a sign-in link;
a withdrawn, unpublished or other partnership's briefing answering 404 on every address."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from hub.core.models import Agency
from hub.reviews.models import BRIEFING_PARTS, TeamUse
from tests.reviews.conftest import signed_in
from tests.reviews.learning_data import ACCENTED_NAME, days_ago, make_briefing, make_review

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_demo_team_uses(db):
    """Each test counts only its own records: the demo's go (inside the test's transaction)."""
    TeamUse.objects.all().delete()


def briefing_url(briefing, name="briefing"):
    return reverse(f"reviews:{name}", args=[briefing.slug])


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def text_of(node):
    return " ".join(node.get_text(" ").split())


@pytest.fixture
def review(westshire, neglect):
    return make_review(westshire, themes=[neglect])


@pytest.fixture
def briefing(westshire, review, neglect):
    return make_briefing(westshire, review=review, themes=[neglect])


def test_the_seven_parts_show_in_order_as_headed_sections(client, briefing):
    soup = BeautifulSoup(page(client, briefing_url(briefing)), "html.parser")
    assert soup.h1.get_text(strip=True) == briefing.title
    sections = soup.select(".hub-briefing section")
    assert [text_of(section.h2) for section in sections] == [label for _, label in BRIEFING_PARTS]
    for section in sections:
        assert section["aria-labelledby"] == section.h2["id"]
    background = sections[0]
    assert [text_of(p) for p in background.find_all("p")] == [
        "A fictional review (test) of a family known to several agencies.",
        "The children moved school twice in a year.",
    ]
    findings = sections[2]
    assert [text_of(li) for li in findings.select("ul li")] == [
        "Concerns were not shared between health and school",
        "Nobody held the whole picture",
    ]
    assert text_of(findings.find("p")) == "The review found good practice too."
    reading = sections[6]
    link = reading.find("a", href="https://example.org/neglect-guide")
    assert link is not None and ACCENTED_NAME in text_of(reading)


def test_a_blank_further_reading_is_left_out(client, westshire):
    briefing = make_briefing(westshire, title="No reading (test)", further_reading="")
    soup = BeautifulSoup(page(client, briefing_url(briefing)), "html.parser")
    headings = [text_of(h) for h in soup.select(".hub-briefing section h2")]
    assert "Further reading" not in headings and len(headings) == 6


def test_the_page_links_its_pdf_its_review_and_its_themes(client, briefing, review, neglect):
    soup = BeautifulSoup(page(client, briefing_url(briefing)), "html.parser")
    assert soup.find("a", href=briefing_url(briefing, "briefing_pdf")) is not None
    assert soup.find("a", href=reverse("reviews:published_review", args=[review.slug]))
    assert soup.find("a", href=f"{reverse('reviews:library')}?theme={neglect.slug}")


def test_a_withdrawn_review_is_not_linked_from_its_briefing(client, briefing, review):
    review.withdrawn = True
    review.save()
    html = page(client, briefing_url(briefing))
    assert reverse("reviews:published_review", args=[review.slug]) not in html


def test_a_signed_out_visitor_is_offered_sign_in_not_the_form(client, briefing):
    soup = BeautifulSoup(page(client, briefing_url(briefing)), "html.parser")
    assert soup.find("form", method="post") is None
    sign_in = soup.find("a", string="sign in")
    assert sign_in["href"].startswith(reverse("account_login") + "?next=")
    assert "No team has recorded discussing this briefing yet." in text_of(soup)


def test_staff_of_an_agency_see_the_form_with_labelled_fields(practitioner, briefing, westbury):
    html = page(signed_in(practitioner), briefing_url(briefing))
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", method="post")
    assert form["action"] == briefing_url(briefing, "record_use")
    assert f"You are recording for {westbury.name}" in text_of(soup)
    legends = [text_of(legend) for legend in form.find_all("legend")]
    assert legends == ["How many people were in the team?", "When did the team discuss it?"]
    assert form.find("input", attrs={"name": "agency"}) is None  # one agency: nothing to ask
    change = form.find("input", attrs={"name": "change"})
    assert text_of(soup.find("label", attrs={"for": change["id"]})) == "What will change (optional)"


def test_someone_of_no_agency_of_the_partnership_is_told_who_may_record(staff, briefing):
    northmoor_staff = staff(None, partnership="northmoor")
    soup = BeautifulSoup(page(signed_in(northmoor_staff), briefing_url(briefing)), "html.parser")
    assert soup.find("form", method="post") is None
    assert "Only confirmed staff and safeguarding leads" in text_of(soup)


def test_the_page_counts_the_teams_and_agencies_that_used_it(client, briefing, staff):
    people = [staff(None, agency="westbury"), staff(None, agency="college")]
    for index, person in enumerate([*people, people[0]]):
        TeamUse.objects.create(
            briefing=briefing,
            agency=Agency.objects.get(pk=person.agency_id),
            team_size="6_10",
            discussed_on=days_ago(index + 1),
            recorded_by=person,
        )
    text = text_of(BeautifulSoup(page(client, briefing_url(briefing)), "html.parser"))
    assert "3 teams from 2 agencies have recorded discussing this briefing." in text


def test_withdrawn_unpublished_and_other_partnerships_briefings_answer_404_everywhere(
    client, northmoor_client, westshire, northmoor, briefing, practitioner
):
    withdrawn = make_briefing(westshire, title="Withdrawn (test)", withdrawn=True)
    draft = make_briefing(westshire, title="Draft (test)", published=False, published_on=None)
    northmoors = make_briefing(northmoor, title="Northmoor's briefing (test)")
    staff_client = signed_in(practitioner)
    for row in (withdrawn, draft, northmoors):
        for name in ("briefing", "briefing_pdf"):
            assert client.get(briefing_url(row, name)).status_code == 404, (row.title, name)
        assert staff_client.post(briefing_url(row, "record_use"), {}).status_code == 404
    for name in ("briefing", "briefing_pdf"):
        assert northmoor_client.get(briefing_url(briefing, name)).status_code == 404
    assert TeamUse.objects.count() == 0


def test_hostile_text_is_shown_as_text(client, westshire):
    hostile = make_briefing(
        westshire,
        title="<script>alert(1)</script> (test)",
        background="<img src=x onerror=alert(1)>\n\n- <b>bold?</b>",
        further_reading='javascript:alert(1) and https://example.org/"><script>',
    )
    html = page(client, briefing_url(hostile))
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html and "<b>bold?</b>" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; (test)" in html
