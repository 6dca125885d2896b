"""Section 11 downloads: a round's spreadsheet (ratings, actions, submissions) and one
agency's self-assessment as a printable PDF. Both are made from the figures in
hub.assurance.dashboard, so they say what the pages say."""

import io

from django.utils import timezone
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from hub.assurance.dashboard import rating_meaning
from hub.core.downloads import pdf_text, spreadsheet_text
from hub.core.presenters import govuk_date, govuk_datetime

# --- The round's spreadsheet ------------------------------------------------------------------


def _cell(value):
    """Text a spreadsheet program will not run as a formula; datetimes without a zone."""
    if isinstance(value, str):
        return spreadsheet_text(value)
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def _sheet(workbook, title, header, rows, *, first=False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    for row in rows:
        sheet.append([_cell(value) for value in row])
        for cell in sheet[sheet.max_row]:
            if cell.is_date:
                cell.number_format = (
                    "yyyy-mm-dd hh:mm" if hasattr(cell.value, "hour") else ("yyyy-mm-dd")
                )
    return sheet


def ratings_table(figures):
    """The Ratings sheet as a header and rows: agency, type, status, then per standard the
    agency's rating, the agreed rating and the change since the previous round."""
    header = ["Agency", "Agency type", "Status"]
    for standard in figures.standards:
        header += [
            f"{standard.number} {standard.title}: self",
            f"{standard.number} {standard.title}: agreed",
            f"{standard.number} {standard.title}: change since previous round",
        ]
    header.append("Actions overdue")
    rows = []
    for row in figures.rows:
        cells = [row.agency.name, row.agency_type, row.status["text"]]
        for cell in row.cells:
            cells += [
                _rating_text(cell.self_rating),
                _rating_text(cell.agreed_rating),
                cell.change.words if cell.change else "",
            ]
        cells.append(row.overdue)
        rows.append(cells)
    return header, rows


def _rating_text(rating):
    return "" if rating["band"] == "none" else rating["text"]


def actions_table(actions, today=None):
    header = ["Agency", "Standard", "Action", "Owner role", "Due", "Status", "Overdue"]
    today = today or timezone.localdate()
    rows = [
        [
            action.submission.agency.name,
            f"{action.standard.number} {action.standard.title}" if action.standard else "",
            action.description,
            action.owner_role,
            action.due_on,
            action.get_status_display(),
            "Yes" if action.is_overdue(today) else "No",
        ]
        for action in actions
    ]
    return header, rows


def submissions_table(figures):
    header = ["Agency", "Status", "Submitted at", "Agreed at", "Shared with"]
    rows = [
        [
            row.agency.name,
            row.status["text"],
            row.submission.submitted_at,
            row.submission.agreed_at,
            ", ".join(row.shared_with),
        ]
        for row in figures.rows
    ]
    return header, rows


def round_workbook(figures, actions, today=None):
    """The .xlsx bytes: sheets Ratings, Actions and Submissions."""
    workbook = Workbook()
    _sheet(workbook, "Ratings", *ratings_table(figures), first=True)
    _sheet(workbook, "Actions", *actions_table(actions, today))
    _sheet(workbook, "Submissions", *submissions_table(figures))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- One agency's self-assessment as a PDF ----------------------------------------------------


class _Report(FPDF):
    """A4 portrait with a running footer that says what the document is."""

    footer_text = ""

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, pdf_text(f"{self.footer_text} - page {self.page_no()}"), align="C")


def _text(document, text, *, size=10, style="", gap=1.5):
    document.set_font("Helvetica", style, size)
    document.multi_cell(0, size * 0.5, pdf_text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if gap:
        document.ln(gap)


def _pair(document, label, value):
    """A bold label with its value beneath: a line of a summary list that wraps safely."""
    _text(document, label, style="B", gap=0)
    _text(document, value or "-", gap=2)


def submission_pdf(*, submission, sections, challenges, actions):
    """The PDF's bytes: the agency, round and status, then each standard with the agency's
    and the agreed rating, the narrative, the evidence files and the challenges about it,
    the comments about the whole self-assessment, and the action plan."""
    round_ = submission.round
    scale = round_.framework_version.rating_scale
    document = _Report(format="A4")
    document.footer_text = f"Section 11 self-assessment: {submission.agency.name}. Private."
    document.set_title(pdf_text(f"Section 11 self-assessment: {submission.agency.name}"))
    document.set_author(pdf_text(round_.partnership.name))
    document.set_margins(18, 18, 18)
    document.set_auto_page_break(auto=True, margin=20)
    document.add_page()

    _text(document, round_.title, size=11, gap=1)
    _text(document, submission.agency.name, size=20, style="B", gap=3)
    _pair(document, "Status", submission.state_label)
    _pair(document, "Shared with", ", ".join(p.name for p in submission.shared_with.all()))
    _pair(document, "Due", govuk_date(round_.due_on))
    for label, when in (
        ("Submitted", submission.submitted_at),
        ("Agreed", submission.agreed_at),
        ("Closed", submission.closed_at),
    ):
        if when is not None:
            _pair(document, label, govuk_datetime(when))
    _pair(document, "Printed", govuk_datetime(timezone.now()))
    document.ln(3)

    for section in sections:
        standard, answer = section.standard, section.answer
        _text(document, f"Standard {standard.number}: {standard.title}", size=14, style="B")
        _pair(document, "Agency's rating", rating_meaning(scale, answer.rating if answer else None))
        agreed = answer.agreed_rating if answer else None
        _pair(
            document,
            "Agreed rating",
            rating_meaning(scale, agreed) if agreed is not None else "Not yet agreed",
        )
        if answer and answer.agreed_note:
            _pair(document, "Note on agreed rating", answer.agreed_note)
        _pair(document, "Evidence narrative", answer.narrative if answer else "")
        _pair(
            document,
            "Evidence files",
            "\n".join(item.original_filename for item in section.evidence) or "None",
        )
        for challenge in section.challenges:
            _challenge(document, challenge)
        document.ln(3)

    general = [challenge for challenge in challenges if challenge.standard_id is None]
    if general:
        _text(document, "Comments and challenge questions", size=14, style="B")
        for challenge in general:
            _challenge(document, challenge)
        document.ln(3)

    _text(document, "Action plan", size=14, style="B")
    if not actions:
        _text(document, "No actions.")
    for item in actions:
        action = item["action"]
        about = f"Standard {action.standard.number}" if action.standard else "General"
        _text(document, f"{about}: {action.description}", style="B", gap=0.5)
        overdue = " (overdue)" if item["overdue"] else ""
        _text(
            document,
            f"Owner: {action.owner_role}. Due: {govuk_date(action.due_on)}. "
            f"Status: {action.get_status_display()}{overdue}.",
            gap=0.5,
        )
        if action.progress_note:
            _text(document, f"Progress: {action.progress_note}", gap=0.5)
        document.ln(2)
    return bytes(document.output())


def _challenge(document, challenge):
    heading = f"{challenge.get_kind_display()} from {challenge.partnership.name}"
    _pair(document, heading, challenge.text)
    if challenge.kind == "challenge":
        _pair(document, "Agency's response", challenge.response or "Not yet answered")
