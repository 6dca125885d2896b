"""An agency's section 11 self-assessment as a PDF, read back as a screen reader and a search
would (tests/pdfs.py): tagged, titled, in English, a heading per standard, the action plan as
a table; every name and answer exactly as the agency wrote it, in any script, markup and
all; and only for the people who may read the answers."""

import datetime
import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from hub.assurance import services
from hub.core.presenters import file_size
from tests.assurance.conftest import pdf_upload, submission_of
from tests.pdfs import (
    UNICODE_NAMES,
    _element_text,
    _marked_content_texts,
    assert_accessible_pdf,
    assert_text_exact,
    read_pdf,
    same_text,
)

pytestmark = pytest.mark.django_db

HOSTILE = "<b>x</b> <script>alert(1)</script>"


def pdf_url(submission):
    return reverse("assurance:submission_pdf", args=[submission.pk])


def pdf_of(submission, person):
    client = Client()
    client.force_login(person)
    response = client.get(pdf_url(submission))
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return response.content


def table_cells(content):
    """Each table cell's text as the structure tree gives it to a screen reader, in reading
    order. (The page's text runs a wrapped cell's lines into its neighbours'.)"""
    reader = PdfReader(io.BytesIO(content))
    texts = _marked_content_texts(reader)
    cells = []

    def walk(node, page_id=None):
        node = node.get_object()
        page = node.get("/Pg")
        if page is not None:
            page_id = page.idnum
        if node.get("/S") in ("/TH", "/TD"):
            cells.append(same_text(_element_text(node, page_id, texts)))
            return
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if hasattr(kid, "get") and "/S" in kid:
                walk(kid, page_id)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return cells


def font_names(content):
    return {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in PdfReader(io.BytesIO(content)).pages
        for font in page["/Resources"]["/Font"].values()
    }


def standards_of(round_):
    return list(round_.framework_version.standards.all())


def answered(submission, by, narratives):
    """Start `submission` and give each standard, in order, its narrative (rated Amber)."""
    services.submission_start(by=by, submission=submission)
    for standard, narrative in zip(standards_of(submission.round), narratives, strict=True):
        services.answer_save(
            by=by, submission=submission, standard=standard, rating=2, narrative=narrative
        )
    return submission


def test_the_pdf_is_tagged_titled_with_a_heading_per_standard_and_the_plan_as_a_table(
    joint_round, westbury, westshire, lead_westbury, reviewer_westshire
):
    first, second, third = standards_of(joint_round)
    submission = answered(
        submission_of(joint_round, westbury),
        lead_westbury,
        [f"Our evidence for {s.title}." for s in (first, second, third)],
    )
    services.evidence_add(
        by=lead_westbury,
        submission=submission,
        standard=first,
        uploaded_file=pdf_upload("Safer recruitment policy.pdf"),
    )
    services.action_add(
        by=lead_westbury,
        submission=submission,
        standard=second,
        description="Check every volunteer's DBS certificate",
        owner_role="Office manager",
        due_on=timezone.localdate() + datetime.timedelta(days=14),
    )
    services.submission_submit(by=lead_westbury, submission=submission)
    services.challenge_raise(
        by=reviewer_westshire,
        submission=submission,
        kind="challenge",
        text="Who checks the single central record?",
        standard=first,
    )
    services.challenge_raise(
        by=reviewer_westshire, submission=submission, kind="comment", text="A clear plan."
    )

    title = f"Section 11 self-assessment: {westbury.name}"
    pdf = assert_accessible_pdf(
        pdf_of(submission, reviewer_westshire), title=title, first_heading=title
    )
    assert pdf.headings == [
        ("H1", title),
        ("H2", "Standard 1: Leadership and accountability"),
        ("H3", "Comments and challenge questions about standard 1"),
        ("H2", "Standard 2: Safer recruitment"),
        ("H2", "Standard 3: Training"),
        ("H2", "Comments and challenge questions"),
        ("H2", "Action plan"),
    ]
    for role in ("/Table", "/Caption", "/TH", "/TD", "/L", "/LI", "/Link"):
        assert role in pdf.roles, role
    assert "The agency's action plan Action Standard Whose job Due Status" in pdf.text
    assert "Check every volunteer's DBS certificate" in pdf.text
    assert "Office manager" in pdf.text
    assert "Who checks the single central record? Waiting for the agency's response" in pdf.text
    assert "A clear plan." in pdf.text
    evidence = submission.evidence.get()
    size = file_size(evidence.size_bytes)
    assert f"Evidence files Safer recruitment policy.pdf (PDF, {size})" in pdf.text
    # The evidence file links back to the Hub, where the same access rules apply.
    assert pdf.links == [
        "http://testserver" + reverse("assurance:evidence", args=[submission.pk, evidence.pk])
    ]
    # The partnership heads the first page; the round, the partnership and the time printed
    # are read once at the top and repeated at the foot of every page.
    footer = re.escape(f"{joint_round.title}, {westshire.name}. Private. Printed ")
    assert pdf.text.startswith(f"{westshire.name} {joint_round.title}, {westshire.name}.")
    assert re.search(rf"{footer}[^.]+\. Page {pdf.pages} of {pdf.pages}\.$", pdf.text)


def test_names_and_answers_in_any_script_read_back_exactly(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    # (A name that wraps after a dash or between ideographs reads back with a space there,
    # as any line break does: the agency's name has neither, the names in its answer are
    # each on a line of their own.)
    westbury.name = f"{UNICODE_NAMES[1]} Day Nursery"
    westbury.save()
    names = "\n".join(UNICODE_NAMES)
    submission = answered(
        submission_of(joint_round, westbury),
        lead_westbury,
        [f"Governors:\n{names}", "Δεν υπάρχουν κενά. Всё в порядке.", "研修記録は完全です。"],
    )
    services.action_add(
        by=lead_westbury,
        submission=submission,
        standard=None,
        description=f"{UNICODE_NAMES[3]} to brief the staff",
        owner_role=f"{UNICODE_NAMES[4]}, designated lead",
        due_on=timezone.localdate() + datetime.timedelta(days=7),
    )
    services.submission_submit(by=lead_westbury, submission=submission)
    challenge = services.challenge_raise(
        by=reviewer_westshire,
        submission=submission,
        kind="challenge",
        text=f"Has {UNICODE_NAMES[1]} been trained?",
    )
    services.challenge_respond(
        by=lead_westbury, challenge=challenge, response=f"Yes: {UNICODE_NAMES[6]}"
    )

    title = f"Section 11 self-assessment: {westbury.name}"
    content = pdf_of(submission, reviewer_westshire)
    pdf = assert_accessible_pdf(content, title=title, first_heading=title)
    assert_text_exact(
        pdf,
        *UNICODE_NAMES,
        westbury.name,
        "Δεν υπάρχουν κενά. Всё в порядке.",
        "研修記録は完全です。",
        f"Has {UNICODE_NAMES[1]} been trained?",
        f"Yes: {UNICODE_NAMES[6]}",
    )
    cells = table_cells(content)
    assert cells[:5] == ["Action", "Standard", "Whose job", "Due", "Status"]
    assert cells[5:8] == [
        f"{UNICODE_NAMES[3]} to brief the staff",
        "General",
        f"{UNICODE_NAMES[4]}, designated lead",
    ]


def test_markup_in_an_answer_prints_as_written_and_emoji_and_long_answers_print(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    paragraph = (
        "We checked every record of the safer recruitment process against the policy, "
        "and the governors saw the results at their meeting.\n"
    )
    long_answer = "The whole story.\n" + paragraph * 60 + "The end of the long answer."
    unbroken = "Safeguarding" * 40
    submission = answered(
        submission_of(joint_round, westbury),
        lead_westbury,
        [HOSTILE, "Well done to the team 👍🏽 🎉 and the café ☕", long_answer + "\n" + unbroken],
    )
    services.submission_submit(by=lead_westbury, submission=submission)

    content = pdf_of(submission, reviewer_westshire)
    pdf = assert_text_exact(
        content,
        HOSTILE,
        "Well done to the team 👍🏽 🎉 and the café ☕",
        "The whole story.",
        "The end of the long answer.",
    )
    assert "Noto-Color-Emoji" in font_names(content), "emoji print from the emoji font"
    # Every paragraph of the long answer reads whole, across the pages (the running footer
    # is read where each page ends). A word longer than a line wraps inside its column:
    # were the column to grow to fit it, the paragraphs would run off the page.
    footers = r"Test round, [^.]+\. Private\. Printed [^.]+\. Page \d+ of \d+\. "
    assert re.sub(footers, "", pdf.text).count(same_text(paragraph)) == 60
    assert unbroken in pdf.text.replace(" ", "")
    assert pdf.pages > 1
    assert pdf.tagged
    # The markup was printed as text, not run: nothing in the PDF is a script.
    assert b"/JavaScript" not in content
    assert pdf.headings[1] == ("H2", "Standard 1: Leadership and accountability")


def test_only_those_who_may_read_the_answers_get_the_pdf(
    joint_round,
    westbury,
    lead_westbury,
    lead_police,
    reviewer_westshire,
    reviewer_northmoor,
    colleague_westbury,
):
    submission = answered(
        submission_of(joint_round, westbury), lead_westbury, ["One.", "Two.", "Three."]
    )

    def status(person, host=None):
        client = Client(HTTP_HOST=host) if host else Client()
        client.force_login(person)
        return client.get(pdf_url(submission)).status_code

    # A draft is the agency's working copy: its own lead prints it, the partnership cannot.
    assert "One." in read_pdf(pdf_of(submission, lead_westbury)).text
    assert status(reviewer_westshire) == 404
    services.submission_submit(by=lead_westbury, submission=submission)
    assert status(reviewer_westshire) == 200
    # Another agency, a partnership it is not shared with, a colleague not named on it.
    assert status(lead_police) == 404
    assert status(reviewer_northmoor, host="northmoor.localhost") == 404
    assert status(colleague_westbury) == 404
    assert Client().get(pdf_url(submission)).status_code == 302
