"""A round's dashboard and its spreadsheet: counts by state, the heat map of self and agreed
ratings with the change since the previous round, overdue actions, the filters, who sees
which rows, and a query count that does not grow with the number of agencies."""

import datetime
import io
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from hub.assurance import dashboard, services
from hub.assurance.models import ActionStatus, Answer, Round, Submission
from hub.core.models import Agency, AgencyType, Role, RoleAssignment
from tests.assurance.conftest import submission_of
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def signed_in(user, host=None):
    client = Client(HTTP_HOST=host) if host else Client()
    client.force_login(user)
    return client


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def heat_map_rows(html):
    """The agency named in each row of the heat map, in order."""
    table = html.split('id="heat-map-caption"', 1)[1].split("</table>", 1)[0]
    return [
        re.sub(r"\s+", " ", cell).strip()
        for cell in re.findall(r'<th scope="row" class="govuk-table__header">\s*([^<]+)', table)
    ]


def rate(submission, by, ratings):
    """Start `submission` and give each standard the rating in `ratings`, in order."""
    services.submission_start(by=by, submission=submission)
    for standard, rating in zip(
        submission.round.framework_version.standards.all(), ratings, strict=True
    ):
        services.answer_save(
            by=by, submission=submission, standard=standard, rating=rating, narrative="Evidence"
        )
    return submission


def agree(submission, reviewer, ratings):
    services.review_start(by=reviewer, submission=submission)
    for standard, rating in zip(
        submission.round.framework_version.standards.all(), ratings, strict=True
    ):
        services.agreed_rating_record(
            by=reviewer, submission=submission, standard=standard, rating=rating
        )


def xlsx_of(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Disposition"].startswith("attachment;")
    return load_workbook(io.BytesIO(response.content))


def values(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def rated_round(
    joint_round, westbury, police, lead_westbury, lead_police, reviewer_westshire, admin_westshire
):
    """Westbury under review with agreed ratings for two standards, one overdue action and
    one done; the police a started draft (its answers and plan not yet shown); Moorhampton
    not started."""
    westbury_submission = rate(submission_of(joint_round, westbury), lead_westbury, [3, 2, 1])
    first, second, _ = joint_round.framework_version.standards.all()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    late = services.action_add(
        by=lead_westbury,
        submission=westbury_submission,
        standard=first,
        description="Update the vetting policy",
        owner_role="Head of vetting",
        due_on=yesterday,
    )
    done = services.action_add(
        by=lead_westbury,
        submission=westbury_submission,
        standard=None,
        description="Brief the site teams",
        owner_role="Site manager",
        due_on=yesterday,
    )
    services.action_update(
        by=lead_westbury, action=done, status=ActionStatus.COMPLETE, progress_note="Done"
    )
    services.submission_submit(by=lead_westbury, submission=westbury_submission)
    services.review_start(by=reviewer_westshire, submission=westbury_submission)
    services.agreed_rating_record(
        by=reviewer_westshire, submission=westbury_submission, standard=first, rating=2
    )
    services.agreed_rating_record(
        by=reviewer_westshire, submission=westbury_submission, standard=second, rating=2
    )
    police_submission = submission_of(joint_round, police)
    services.submission_start(by=lead_police, submission=police_submission)
    services.answer_save(
        by=lead_police, submission=police_submission, standard=first, rating=1, narrative=""
    )
    services.action_add(
        by=lead_police,
        submission=police_submission,
        standard=first,
        description="A draft action of the police",
        owner_role="Head of vetting",
        due_on=yesterday,
    )
    assert late.is_overdue()
    return joint_round


# --- Who sees which rows ---------------------------------------------------------------------


def test_a_reviewers_dashboard_and_spreadsheet_never_include_agencies_not_shared_with_them(
    rated_round, westbury, police, moorhampton, reviewer_westshire, reviewer_northmoor
):
    url = rated_round.get_absolute_url()
    xlsx = reverse("assurance:round_xlsx", args=[rated_round.pk])
    seen = {
        "westshire": (reviewer_westshire, None, [westbury.name, police.name]),
        "northmoor": (reviewer_northmoor, "northmoor.localhost", [moorhampton.name, police.name]),
    }
    for reviewer, host, names in seen.values():
        client = signed_in(reviewer, host)
        html = page(client.get(url))
        assert heat_map_rows(html) == names
        outsider = ({westbury.name, police.name, moorhampton.name} - set(names)).pop()
        assert outsider not in html
        workbook = xlsx_of(client.get(xlsx))
        for sheet in workbook.worksheets:
            assert outsider not in str(values(sheet))
        assert [row[0] for row in values(workbook["Ratings"])[1:]] == names
        assert [row.agency.name for row in dashboard.round_figures(reviewer, rated_round).rows] == (
            names
        )


def test_people_without_a_review_role_in_the_round_get_404(
    rated_round, lead_westbury, colleague_westbury
):
    for person in (lead_westbury, colleague_westbury):
        client = signed_in(person)
        assert client.get(rated_round.get_absolute_url()).status_code == 404
        xlsx = reverse("assurance:round_xlsx", args=[rated_round.pk])
        assert client.get(xlsx).status_code == 404


# --- The figures -----------------------------------------------------------------------------


def test_the_dashboard_counts_self_assessments_by_state(rated_round, northmoor):
    reviewer = make_person(
        "s11-both@example.example",
        partnership=rated_round.partnership,
        agency=None,
        roles=[Role.SECTION_11_REVIEWER],
    )
    RoleAssignment.objects.create(
        user=reviewer, role=Role.SECTION_11_REVIEWER, partnership=northmoor
    )
    figures = dashboard.round_figures(reviewer, rated_round)
    counts = dict(figures.counts)
    assert [state for state, _ in figures.counts] == dashboard.STATES
    assert counts == {
        "Not started": 1,
        "Draft": 1,
        "Returned for changes": 0,
        "Submitted": 0,
        "Under review": 1,
        "Agreed": 0,
        "Closed": 0,
    }
    words = text_of(page(signed_in(reviewer).get(rated_round.get_absolute_url())))
    assert "Not started 1 Draft 1 Returned for changes 0 Submitted 0 Under review 1" in words
    assert "All 3" in words


def test_each_cell_gives_self_and_agreed_ratings_in_words_coloured_by_the_agreed_band(
    rated_round, westbury, police, reviewer_westshire
):
    figures = dashboard.round_figures(reviewer_westshire, rated_round)
    by_agency = {row.agency.name: row for row in figures.rows}
    westbury_cells = by_agency[westbury.name].cells
    assert [cell.text for cell in westbury_cells] == [
        "Self: Green / Agreed: Amber",
        "Self: Amber / Agreed: Amber",
        "Self: Red / Agreed: –",
    ]
    assert [cell.band for cell in westbury_cells] == ["middle", "middle", "low"]
    # The police's self-assessment is a draft: its ratings and plan are not shown yet.
    assert [cell.band for cell in by_agency[police.name].cells] == ["none", "none", "none"]
    assert by_agency[police.name].overdue == 0
    assert by_agency[westbury.name].overdue == 1

    html = page(signed_in(reviewer_westshire).get(rated_round.get_absolute_url()))
    assert "hub-heat hub-heat--middle" in html
    words = text_of(html)
    assert "Self: Green Agreed: Amber" in words
    assert "Agreed: – none" in words
    review = reverse("assurance:review", args=[submission_of(rated_round, westbury).pk])
    assert f'href="{review}"' in html
    pdf = reverse("assurance:submission_pdf", args=[submission_of(rated_round, westbury).pk])
    assert f'href="{pdf}"' in html
    for standard in rated_round.framework_version.standards.all():
        assert f'Standard </span><abbr title="{standard.title}">{standard.number}</abbr>' in html


@pytest.fixture
def previous_round(framework_version, westshire, westbury, lead_westbury, reviewer_westshire):
    """A closed round in which Westbury's ratings were agreed as Red, Green and Amber."""
    admin = make_person(
        "s11-previous-admin@westshire.example",
        partnership=westshire,
        agency=None,
        roles=[Role.PARTNERSHIP_ADMIN],
    )
    today = timezone.localdate()
    round_ = Round.objects.create(
        partnership=westshire,
        title="Previous round",
        framework_version=framework_version,
        opens_on=today - datetime.timedelta(days=800),
        due_on=today - datetime.timedelta(days=700),
    )
    round_.partnerships.set([westshire])
    round_.agencies.set([westbury])
    services.round_open(by=admin, round_=round_)
    submission = rate(submission_of(round_, westbury), lead_westbury, [1, 3, 2])
    services.submission_submit(by=lead_westbury, submission=submission)
    agree(submission, reviewer_westshire, [1, 3, 2])
    services.submission_agree(by=reviewer_westshire, submission=submission)
    services.round_close(by=admin, round_=round_)
    return round_


def test_the_change_since_the_previous_rounds_agreed_rating_is_shown_in_words(
    previous_round, joint_round, westbury, lead_westbury, reviewer_westshire
):
    Round.objects.filter(pk=joint_round.pk).update(previous_round=previous_round)
    joint_round.refresh_from_db()
    submission = rate(submission_of(joint_round, westbury), lead_westbury, [3, 2, 2])
    services.submission_submit(by=lead_westbury, submission=submission)

    cells = {
        row.agency.name: row.cells
        for row in dashboard.round_figures(reviewer_westshire, joint_round).rows
    }[westbury.name]
    assert [cell.change.words for cell in cells] == [
        "Up from Red",
        "Down from Green",
        "No change from Amber",
    ]
    assert [cell.change.arrow for cell in cells] == ["↑", "↓", "→"]

    html = page(signed_in(reviewer_westshire).get(joint_round.get_absolute_url()))
    assert '<span aria-hidden="true">↑ </span>Up from Red' in html
    assert "Down from Green" in html
    assert f'href="{previous_round.get_absolute_url()}"' in html

    review = page(
        signed_in(reviewer_westshire).get(reverse("assurance:review", args=[submission.pk]))
    )
    words = text_of(review)
    assert "Agreed rating in Previous round Red" in words
    assert "Agreed rating in Previous round Green" in words


def test_the_change_since_a_round_on_another_scale_compares_places_on_each_scale():
    assert dashboard.change_since("0-3", 3, "rag", 1).words == "Up from Red"
    assert dashboard.change_since("rag", 1, "0-3", 3).words == "Down from 3"
    assert dashboard.change_since("rag", 2, "rag", 2).words == "No change from Amber"
    assert dashboard.change_since("rag", None, "rag", 2) is None
    assert dashboard.change_since("rag", 2, "rag", None) is None


# --- The spreadsheet -------------------------------------------------------------------------


def test_the_spreadsheet_holds_the_dashboards_figures_cell_by_cell(
    previous_round, rated_round, westbury, police, reviewer_westshire
):
    Round.objects.filter(pk=rated_round.pk).update(previous_round=previous_round)
    rated_round.refresh_from_db()
    client = signed_in(reviewer_westshire)
    workbook = xlsx_of(client.get(reverse("assurance:round_xlsx", args=[rated_round.pk])))
    assert workbook.sheetnames == ["Ratings", "Actions", "Submissions"]
    standards = list(rated_round.framework_version.standards.all())

    ratings = values(workbook["Ratings"])
    header = ["Agency", "Agency type", "Status"]
    for standard in standards:
        name = f"{standard.number} {standard.title}"
        header += [f"{name}: self", f"{name}: agreed", f"{name}: change since previous round"]
    assert ratings[0] == [*header, "Actions overdue"]
    assert ratings[1:] == [
        [
            westbury.name,
            "School or college",
            "Under review",
            *["Green", "Amber", "Up from Red"],
            *["Amber", "Amber", "Down from Green"],
            *["Red", None, "Down from Amber"],
            1,
        ],
        # A draft shows its state only: its answers and plan are the agency's working copy.
        [
            police.name,
            "Police",
            "Draft",
            *[None, None, None],
            *[None, None, None],
            *[None, None, None],
            0,
        ],
    ]
    # The same figures as the page shows.
    figures = dashboard.round_figures(reviewer_westshire, rated_round)
    for row, sheet_row in zip(figures.rows, ratings[1:], strict=True):
        assert sheet_row[2] == row.status["text"]
        for index, cell in enumerate(row.cells):
            self_text, agreed_text, change = sheet_row[3 + 3 * index : 6 + 3 * index]
            assert (self_text or "–") == cell.self_rating["text"]
            assert (agreed_text or "–") == cell.agreed_rating["text"]
            assert (change or None) == (cell.change.words if cell.change else None)
    html = text_of(page(client.get(rated_round.get_absolute_url())))
    assert "Self: Green Agreed: Amber ↑ Up from Red" in html

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    actions = values(workbook["Actions"])
    assert actions[0] == ["Agency", "Standard", "Action", "Owner role", "Due", "Status", "Overdue"]
    assert [row[:4] + row[5:] for row in actions[1:]] == [
        [
            westbury.name,
            f"1 {standards[0].title}",
            "Update the vetting policy",
            "Head of vetting",
            "Not started",
            "Yes",
        ],
        [westbury.name, None, "Brief the site teams", "Site manager", "Complete", "No"],
    ]
    assert {row[4].date() for row in actions[1:]} == {yesterday}

    submissions = values(workbook["Submissions"])
    assert submissions[0] == ["Agency", "Status", "Submitted at", "Agreed at", "Shared with"]
    westbury_submission = Submission.objects.get(round=rated_round, agency=westbury)
    submitted_at = timezone.localtime(westbury_submission.submitted_at).replace(tzinfo=None)
    assert submissions[1][:2] == [westbury.name, "Under review"]
    assert abs(submissions[1][2] - submitted_at) < datetime.timedelta(seconds=1)
    assert submissions[1][3:] == [None, "Westshire Safeguarding Children Partnership (demo)"]
    assert submissions[2][0] == police.name
    assert "Northmoor" in submissions[2][4] and "Westshire" in submissions[2][4]


def test_spreadsheet_cells_that_look_like_formulas_are_written_as_text(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    submission = submission_of(joint_round, westbury)
    services.action_add(
        by=lead_westbury,
        submission=submission,
        standard=None,
        description='=HYPERLINK("http://example.com")',
        owner_role="+Lead",
        due_on=timezone.localdate(),
    )
    rate(submission, lead_westbury, [3, 3, 3])
    services.submission_submit(by=lead_westbury, submission=submission)
    response = signed_in(reviewer_westshire).get(
        reverse("assurance:round_xlsx", args=[joint_round.pk])
    )
    row = values(xlsx_of(response)["Actions"])[1]
    assert row[2] == '\'=HYPERLINK("http://example.com")'
    assert row[3] == "'+Lead"


# --- Filters ---------------------------------------------------------------------------------


def test_the_agency_type_filter_shows_only_that_type_and_a_bad_value_shows_an_error(
    rated_round, westbury, police, reviewer_westshire
):
    client = signed_in(reviewer_westshire)
    url = rated_round.get_absolute_url()
    html = page(client.get(url, {"agency_type": AgencyType.POLICE}))
    assert heat_map_rows(html) == [police.name]
    assert "All 1" in text_of(html)
    xlsx = xlsx_of(
        client.get(
            reverse("assurance:round_xlsx", args=[rated_round.pk]),
            {"agency_type": AgencyType.POLICE},
        )
    )
    assert [row[0] for row in values(xlsx["Ratings"])[1:]] == [police.name]
    assert "agency_type=police" in html

    html = page(client.get(url, {"agency_type": "submarine"}))
    assert "<title>Error: " in html
    assert 'href="#agency_type"' in html
    assert "Choose a type of organisation from the list" in html
    assert heat_map_rows(html) == [westbury.name, police.name]

    html = page(client.get(url, {"agency_type": AgencyType.FAITH}))
    assert "No agencies match these filters." in html


def test_someone_reviewing_for_several_partnerships_may_filter_by_partnership(
    rated_round, westbury, police, moorhampton, westshire, northmoor, reviewer_westshire
):
    single = page(signed_in(reviewer_westshire).get(rated_round.get_absolute_url()))
    assert 'name="partnership"' not in single
    both = make_person(
        "s11-both-partnerships@example.example",
        partnership=westshire,
        agency=None,
        roles=[Role.SECTION_11_REVIEWER],
    )
    RoleAssignment.objects.create(user=both, role=Role.SECTION_11_REVIEWER, partnership=northmoor)
    client = signed_in(both)
    url = rated_round.get_absolute_url()
    html = page(client.get(url))
    assert 'name="partnership"' in html
    assert heat_map_rows(html) == [moorhampton.name, westbury.name, police.name]
    html = page(client.get(url, {"partnership": northmoor.pk}))
    assert heat_map_rows(html) == [moorhampton.name, police.name]
    html = page(client.get(url, {"partnership": "999999"}))
    assert "Choose a partnership from the list" in html
    assert heat_map_rows(html) == [moorhampton.name, westbury.name, police.name]


# --- Query count -----------------------------------------------------------------------------


def _add_agencies(round_, partnership, count, lead_factory):
    """`count` more agencies in the round, each with a started submission, ratings and an
    overdue action, as the dashboard would meet them."""
    start = round_.agencies.count()
    for index in range(start, start + count):
        agency = Agency.objects.create(
            name=f"Query count agency {index}",
            agency_type=AgencyType.VOLUNTARY,
        )
        agency.partnerships.add(partnership)
        round_.agencies.add(agency)
    services.round_open(by=lead_factory["admin"], round_=round_)
    for submission in round_.submissions.filter(started_at__isnull=True):
        for standard in round_.framework_version.standards.all():
            Answer.objects.create(
                submission=submission, standard=standard, rating=2, agreed_rating=3
            )
        submission.actions.create(
            description="Late action",
            owner_role="Lead",
            due_on=timezone.localdate() - datetime.timedelta(days=2),
        )
        Submission.objects.filter(pk=submission.pk).update(started_at=timezone.now())


def test_the_dashboard_makes_the_same_number_of_queries_however_many_agencies(
    previous_round, framework_version, westshire, reviewer_westshire, django_assert_max_num_queries
):
    admin = make_person(
        "s11-count-admin@westshire.example",
        partnership=westshire,
        agency=None,
        roles=[Role.PARTNERSHIP_ADMIN],
    )
    today = timezone.localdate()
    round_ = Round.objects.create(
        partnership=westshire,
        title="Counted round",
        framework_version=framework_version,
        opens_on=today,
        due_on=today + datetime.timedelta(days=30),
        previous_round=previous_round,
    )
    round_.partnerships.set([westshire])
    _add_agencies(round_, westshire, 2, {"admin": admin})
    client = signed_in(reviewer_westshire)
    url = round_.get_absolute_url()
    client.get(url)  # the session and site caches warm up
    with CaptureQueriesContext(connection) as few:
        assert len(heat_map_rows(page(client.get(url)))) == 2

    budget = len(few.captured_queries)  # read now: the next request empties the log

    _add_agencies(round_, westshire, 6, {"admin": admin})
    client.get(url)  # new agencies are a content change: the shared layout is made again
    with django_assert_max_num_queries(budget):
        assert len(heat_map_rows(page(client.get(url)))) == 8
    with django_assert_max_num_queries(budget):
        xlsx_of(client.get(reverse("assurance:round_xlsx", args=[round_.pk])))


def test_a_drafts_answers_stay_with_the_agency_until_it_submits(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    from django.test import Client
    from django.urls import reverse

    from hub.assurance import services
    from tests.assurance.conftest import complete, submission_of

    submission = complete(submission_of(joint_round, westbury), lead_westbury, rating=1)
    services.action_add(
        by=lead_westbury,
        submission=submission,
        standard=None,
        description="A private draft action",
        owner_role="Head",
        due_on=joint_round.opens_on,
    )
    client = Client()
    client.force_login(reviewer_westshire)
    dashboard_page = client.get(reverse("assurance:round", args=[joint_round.pk])).content.decode()
    assert "Self: Red" not in dashboard_page
    review_page = client.get(reverse("assurance:review", args=[submission.pk])).content.decode()
    assert "Our evidence for" not in review_page
    assert "A private draft action" not in review_page
    standard = joint_round.framework_version.standards.first()
    for url in (
        reverse("assurance:submission_pdf", args=[submission.pk]),
        reverse("assurance:standard", args=[submission.pk, standard.pk]),
        reverse("assurance:local_questions", args=[submission.pk]),
    ):
        assert client.get(url).status_code == 404, url
    services.submission_submit(by=lead_westbury, submission=submission)
    dashboard_page = client.get(reverse("assurance:round", args=[joint_round.pk])).content.decode()
    assert "Self: Red" in dashboard_page
    review_page = client.get(reverse("assurance:review", args=[submission.pk])).content.decode()
    assert "Our evidence for" in review_page
    assert "A private draft action" in review_page
    assert client.get(reverse("assurance:submission_pdf", args=[submission.pk])).status_code == 200


def test_a_reviewer_is_told_how_many_self_assessments_await_review(
    joint_round, westbury, lead_westbury, reviewer_westshire, reviewer_northmoor
):
    import re

    from django.test import Client

    from tests.assurance.conftest import complete, submission_of

    def waiting(reviewer):
        client = Client()
        client.force_login(reviewer)
        home = client.get("/accounts/").content.decode()
        found = re.search(
            r"Self-assessments to review \(section 11\)</a>\s*<strong[^>]*>(\d+)<", home
        )
        return int(found.group(1)) if found else 0

    before = {reviewer: waiting(reviewer) for reviewer in (reviewer_westshire, reviewer_northmoor)}
    submission = complete(submission_of(joint_round, westbury), lead_westbury)
    services.submission_submit(by=lead_westbury, submission=submission)
    # Westbury works in Westshire only: Northmoor's reviewer has nothing more to review.
    assert waiting(reviewer_westshire) == before[reviewer_westshire] + 1
    assert waiting(reviewer_northmoor) == before[reviewer_northmoor]
