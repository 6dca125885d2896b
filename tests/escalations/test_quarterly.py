"""The business unit's quarterly picture of escalations (hub/escalations/quarterly.py and
quarterly_views.py): who may see it, the quarter chooser, the figures with small counts
suppressed on the page, in the XLSX and in the PDF, days per stage against target, and the
page's query budget.

Escalations are made directly with the models here (`the_quarter`), the same for
test_figures.py. The quarter used is Q1 of 2025 to 2026: 1 April to 30 June 2025. In it, in
Westshire:

- the council raises 12 with the police: 6 move to stage 2 after 3 working days (within
  stage 1's target of 5) and close on 30 April; 6 move after 7 working days (past target)
  and are still open at stage 2 (target 10) at the quarter's end;
- the college raises 3 with the council, still open at stage 1 since 1 May;
- the police raise 6 with the council, closed at stage 1 the next working day;
- 2 good practice entries;
- the academy trust (Westbury) raises none.
"""

import datetime
import io
from html import unescape

import pytest
from django.test import Client
from openpyxl import load_workbook

from hub.decision_aids.queries import guide_for
from hub.escalations.models import EntryType, Escalation, Protocol, Step
from hub.escalations.quarterly import Quarter, QuarterError, parse_quarter
from tests.budgets import TEN_TIMES, signed_in, within_budget
from tests.pdfs import assert_accessible_pdf, same_text

pytestmark = pytest.mark.django_db

QUARTER = "2025-Q1"
START = datetime.date(2025, 4, 1)
END = datetime.date(2025, 6, 30)


def fresh_protocol(partnership):
    """`partnership`'s protocol made anew (whatever the demo made is removed first): three
    stages with targets of 5, 10 and 15 working days, two themes, two outcomes."""
    Escalation.objects.filter(partnership=partnership).delete()
    Protocol.objects.filter(partnership=partnership).delete()
    protocol = Protocol.objects.create(partnership=partnership, reference_prefix="T-RPD")
    protocol.stages.create(
        name="Practitioners talk", who="The practitioners", target_working_days=5
    )
    protocol.stages.create(name="Managers meet", who="Their managers", target_working_days=10)
    protocol.stages.create(name="Partnership panel", who="The panel", target_working_days=15)
    protocol.themes.create(name="Referral decision (test)")
    protocol.themes.create(name="Information sharing (test)")
    protocol.outcomes.create(name="Resolved (test)")
    protocol.save()
    return protocol


class Maker:
    def __init__(self, partnership, protocol):
        self.partnership = partnership
        self.protocol = protocol
        self.stages = list(protocol.stages.order_by("sort_order", "pk"))
        self.theme = protocol.themes.order_by("sort_order", "pk").first()
        self.outcome = protocol.outcomes.first()
        guide = guide_for(partnership)
        self.level = guide.levels.order_by("sort_order", "pk").first() if guide else None
        self.number = Escalation.objects.filter(partnership=partnership).count()

    def _escalation(self, raising, receiving, raised_on, **fields):
        self.number += 1
        return Escalation.objects.create(
            partnership=self.partnership,
            protocol=self.protocol,
            reference=f"T-RPD-{raised_on.year}-{self.number:04d}-{self.partnership.pk}",
            year=raised_on.year,
            number=self.number,
            raising_agency=raising,
            receiving_agency=receiving,
            level=self.level,
            theme=self.theme,
            summary="A fictional test escalation.",
            raised_on=raised_on,
            **fields,
        )

    def escalation(self, raising, receiving, raised_on, *, moves=(), closed_on=None):
        """An escalation raised at stage 1 on `raised_on`, moved to stage n on each date of
        `moves` [(stage number from 1, date)], closed on `closed_on` if given."""
        stage, started = self.stages[0], raised_on
        for number, on in moves:
            stage, started = self.stages[number - 1], on
        escalation = self._escalation(
            raising,
            receiving,
            raised_on,
            stage=stage,
            stage_started_on=started,
            closed_on=closed_on,
            outcome=self.outcome if closed_on else None,
        )
        steps = [Step(kind=Step.Kind.RAISED, side="raising", on=raised_on, stage=self.stages[0])]
        steps += [
            Step(kind=Step.Kind.MOVED, side="raising", on=on, stage=self.stages[number - 1])
            for number, on in moves
        ]
        if closed_on:
            steps.append(Step(kind=Step.Kind.CLOSED, side="raising", on=closed_on))
        for step in steps:
            step.escalation = escalation
        Step.objects.bulk_create(steps)
        return escalation

    def good_practice(self, raising, receiving, raised_on):
        return self._escalation(raising, receiving, raised_on, entry_type=EntryType.GOOD_PRACTICE)


def the_quarter(partnership, council, police, college, *, times=1):
    """The quarter the module describes (`times` copies of every escalation)."""
    maker = Maker(partnership, fresh_protocol(partnership))
    for _ in range(times):
        for _ in range(6):
            maker.escalation(
                council,
                police,
                START,
                moves=[(2, datetime.date(2025, 4, 4))],
                closed_on=datetime.date(2025, 4, 30),
            )
            maker.escalation(council, police, START, moves=[(2, datetime.date(2025, 4, 10))])
            maker.escalation(
                police, council, datetime.date(2025, 6, 2), closed_on=datetime.date(2025, 6, 3)
            )
        for _ in range(3):
            maker.escalation(college, council, datetime.date(2025, 5, 1))
        for _ in range(2):
            maker.good_practice(police, college, datetime.date(2025, 5, 20))
    return maker


# --- Fixtures ---------------------------------------------------------------------------------

PAGE = f"/escalations/quarterly/?quarter={QUARTER}"
XLSX_URL = f"/escalations/quarterly.xlsx?quarter={QUARTER}"
PDF_URL = f"/escalations/quarterly.pdf?quarter={QUARTER}"


@pytest.fixture
def quarter(westshire, council, police, college):
    return the_quarter(westshire, council, police, college)


@pytest.fixture
def admin(staff):
    return signed_in(staff("partnership_admin"))


def text_of(html):
    """The page's text with whitespace runs made single spaces."""
    return " ".join(html.split())


def row(html, label):
    """The cells after the row heading `label` in the page's tables (the first such row)."""
    import re

    found = re.search(
        r'<th scope="row" class="govuk-table__header">' + re.escape(label) + r"</th>(.*?)</tr>",
        html,
        re.S,
    )
    assert found, f"no row {label!r}"
    return [
        " ".join(re.sub(r"<[^>]+>", "", cell).split())
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", found[1], re.S)
    ]


def section(html, heading):
    """The page's section under `heading`, its entities read as characters."""
    html = unescape(html)
    start = html.index(f">{heading}</h3>")
    end = html.find("</section>", start)
    return html[start:end]


# --- Who may see it ------------------------------------------------------------------------------


def test_the_partnership_admin_sees_the_quarterly_picture(quarter, admin):
    response = admin.get(PAGE)
    assert response.status_code == 200
    assert "Escalations: quarterly picture" in response.content.decode()


@pytest.mark.parametrize("role", ["agency_lead", "editor", None])
def test_no_one_else_of_the_partnership_sees_it_or_its_downloads(quarter, staff, role):
    client = signed_in(staff(role))
    for url in (PAGE, XLSX_URL, PDF_URL):
        assert client.get(url).status_code == 404


def test_another_partnerships_admin_gets_404_on_this_partnerships_site(quarter, staff):
    client = signed_in(staff("partnership_admin", partnership="northmoor"))
    for url in (PAGE, XLSX_URL, PDF_URL):
        assert client.get(url).status_code == 404


def test_someone_signed_out_is_asked_to_sign_in(quarter):
    response = Client().get(PAGE)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_partnership_admin_sees_only_their_own_partnerships_escalations(
    quarter, staff, northmoor
):
    client = signed_in(staff("partnership_admin", partnership="northmoor"))
    client.defaults["HTTP_HOST"] = "northmoor.localhost"
    html = text_of(client.get(PAGE).content.decode())
    assert "Westshire County Council (demo)" not in html
    assert "Escalations raised: 0" in html


def test_viewing_and_downloading_are_audited(quarter, admin, westshire):
    from wagtail.models import ModelLogEntry

    admin.get(PAGE)
    admin.get(XLSX_URL)
    entries = ModelLogEntry.objects.filter(action__startswith="hub.escalations.").order_by("pk")
    actions = [(entry.action, entry.data["details"]["format"]) for entry in entries]
    assert actions == [
        ("hub.escalations.quarterly_viewed", "page"),
        ("hub.escalations.quarterly_downloaded", "xlsx"),
    ]
    assert all(entry.data["partnership_id"] == westshire.pk for entry in entries)


# --- The quarter chooser -------------------------------------------------------------------------


def test_quarters_are_financial_quarters():
    quarter = Quarter(2025, 1)
    assert (quarter.start, quarter.end) == (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30))
    q4 = Quarter(2025, 4)
    assert (q4.start, q4.end) == (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))


def test_without_a_quarter_the_last_complete_quarter_is_shown(settings):
    assert parse_quarter("", datetime.date(2026, 5, 12)) == Quarter(2025, 4)
    assert parse_quarter(None, datetime.date(2026, 7, 1)) == Quarter(2026, 1)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-Q5", "Choose a quarter from the list"),
        ("Q1", "Choose a quarter from the list"),
        ("2025-Q1' OR 1=1", "Choose a quarter from the list"),
        ("2027-Q3", "has not started yet"),
        ("1999-Q1", "Escalations are kept for 6 years"),
    ],
)
def test_a_quarter_that_cannot_be_shown_says_why(value, message):
    with pytest.raises(QuarterError, match=message):
        parse_quarter(value, datetime.date(2026, 12, 4))


@pytest.mark.parametrize("value", ["2025-Q9", "next", "9999-Q1", "1990-Q2", "２０２５-Q1"])
def test_a_bad_quarter_in_the_address_gives_a_clear_error_not_a_failure(quarter, admin, value):
    for url in ("/escalations/quarterly/", "/escalations/quarterly.xlsx"):
        response = admin.get(url, {"quarter": value})
        assert response.status_code == 400
        html = response.content.decode()
        assert "There is a problem" in html
        assert 'href="#quarter"' in html
        assert "<title>Error:" in html


def test_the_default_page_is_the_last_complete_quarter(quarter, admin):
    from django.utils import timezone

    expected = Quarter.containing(timezone.localdate()).previous()
    html = admin.get("/escalations/quarterly/").content.decode()
    assert f'value="{expected.key}" selected' in html


# --- The figures on the page ---------------------------------------------------------------------


def test_counts_under_five_and_a_complementary_count_are_hidden_on_the_page(quarter, admin):
    html = section(admin.get(PAGE).content.decode(), "Escalations raised and received by agency")
    # Raised: council 12, police 6, college 3. The college's 3 is hidden, and so is the
    # police's 6 (the smallest other), or 3 could be worked out from the total of 21.
    assert row(html, "Westshire College (demo)")[0] == "fewer than 5"
    assert row(html, "Westmoor Police (demo)")[0] == "fewer than 5"
    assert row(html, "Westshire County Council (demo)")[0] == "12"
    assert row(html, "All agencies") == ["21", "21"]
    # Received: police 12, council 9: nothing to hide.
    assert row(html, "Westmoor Police (demo)")[1] == "12"
    assert row(html, "Westshire County Council (demo)")[1] == "9"
    assert "3" not in row(html, "Westshire College (demo)")


def test_an_agency_that_raised_none_is_shown_with_zero(quarter, admin):
    html = section(admin.get(PAGE).content.decode(), "Escalations raised and received by agency")
    assert row(html, "Westbury Cross Academy Trust (demo)") == ["0", "0"]


def test_a_hidden_bar_is_not_drawn_and_says_so(quarter, admin):
    html = section(admin.get(PAGE).content.decode(), "Escalations raised and received by agency")
    raised = html[html.index("<svg") : html.index("</svg>")]
    assert "Escalations raised by agency" in raised
    # The text alternative says it is not shown; no bar is drawn for it.
    assert "Westshire College (demo): not shown (fewer than 5);" in raised
    assert "Westshire County Council (demo): 12;" in raised
    assert raised.count('class="hub-chart__bar"') == 1  # the council's 12 only


def test_days_per_stage_are_against_the_stage_target(quarter, admin):
    html = section(admin.get(PAGE).content.decode(), "Working days per stage against its target")
    # Stage 1 (target 5): 6 took 3 working days and 6 took 1 (within), 6 took 7 (past).
    assert row(html, "Practitioners talk") == ["12", "6", "18", "5", "3.7"]
    # Stage 2 (target 10): 6 took 16 working days (Easter in between), all past target;
    # the 0 within is shown and so nothing is hidden.
    assert row(html, "Managers meet") == ["0", "6", "6", "10", "16.0"]


def test_still_open_past_target_hides_a_small_count_and_its_complement(quarter, admin):
    html = section(admin.get(PAGE).content.decode(), "Still open past the stage's target")
    assert row(html, "Practitioners talk") == ["fewer than 5"]
    assert row(html, "Managers meet") == ["fewer than 5"]
    assert row(html, "All stages") == ["9"]


def test_good_practice_is_a_lone_count_suppressed_when_small(quarter, admin):
    html = text_of(admin.get(PAGE).content.decode())
    assert "Good practice entries recorded: fewer than 5" in html
    assert "Escalations raised: 21" in html


def test_themes_are_counted_by_level_of_need(quarter, admin, westshire):
    level = guide_for(westshire).levels.order_by("sort_order", "pk").first()
    html = section(admin.get(PAGE).content.decode(), "Themes by level of need")
    assert f">{level.name}</th>" in html
    assert row(html, "Referral decision (test)")[0] == "21"


# --- Downloads -----------------------------------------------------------------------------------


def test_the_spreadsheet_has_a_sheet_per_table_with_the_suppressed_figures(quarter, admin):
    response = admin.get(XLSX_URL)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Summary",
        "By agency",
        "Stage reached",
        "Days per stage",
        "Themes by level of need",
        "Open past target",
    ]
    rows = {r[0]: list(r[1:]) for r in book["By agency"].iter_rows(values_only=True) if r[0]}
    assert rows["Agency"] == ["Raised", "Received"]
    assert rows["Westshire College (demo)"] == ["fewer than 5", 0]
    assert rows["Westmoor Police (demo)"] == ["fewer than 5", 12]
    assert rows["Westshire County Council (demo)"] == [12, 9]
    assert rows["Westbury Cross Academy Trust (demo)"] == [0, 0]
    assert rows["All agencies"] == [21, 21]
    overdue = {r[0]: r[1] for r in book["Open past target"].iter_rows(values_only=True)}
    assert overdue["Practitioners talk"] == overdue["Managers meet"] == "fewer than 5"
    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(values_only=True)}
    assert summary["Good practice entries"] == "fewer than 5"
    # No sheet anywhere holds the hidden 3.
    for sheet in book:
        for values in sheet.iter_rows(values_only=True):
            assert 3 not in values


def test_the_pdf_is_accessible_and_reads_back_with_the_suppressed_figures(quarter, admin):
    response = admin.get(PDF_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = assert_accessible_pdf(
        response.content,
        title="Escalations: quarterly picture, Q1 2025 to 2026: April to June 2025",
        first_heading="Escalations: quarterly picture",
    )
    assert "/Table" in pdf.roles
    text = pdf.text
    assert same_text("Westshire College (demo) fewer than 5 0") in text
    assert same_text("Westmoor Police (demo) fewer than 5 12") in text
    assert same_text("Westbury Cross Academy Trust (demo) 0 0") in text
    assert same_text("All agencies 21") in text
    assert same_text("Good practice entries recorded: fewer than 5") in text


# --- Query budget --------------------------------------------------------------------------------

# Counted when set (the same on SQLite and PostgreSQL, with 21 escalations and with 210): the
# session, the user, their roles and second factor (4); the protocol, its stages and themes,
# the partnership's agencies, the levels guide and its levels (6); the escalations, the good
# practice count and the escalations' steps in one query (3); the audit entry (3). The shared
# layout's queries are cached by the first request.
QUARTERLY_BUDGET = 16


def test_the_quarterly_page_stays_within_its_query_budget(
    westshire, council, police, college, admin, django_assert_max_num_queries
):
    the_quarter(westshire, council, police, college)
    within_budget(django_assert_max_num_queries, admin, PAGE, QUARTERLY_BUDGET)
    the_quarter(westshire, council, police, college, times=TEN_TIMES)
    within_budget(django_assert_max_num_queries, admin, PAGE, QUARTERLY_BUDGET)
