"""Section 11 downloads: a round's spreadsheet (ratings, actions, submissions) and one
agency's self-assessment as a printable PDF. Both are made from the figures in
hub.assurance.dashboard, and the PDF from the review page's own partials, so they say what
the pages say."""

import io
from operator import attrgetter

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from hub.assurance import presenters
from hub.core.downloads import spreadsheet_text
from hub.core.pdf import render_pdf

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


def submission_pdf(*, submission, sections, challenges, actions, request=None):
    """The PDF's bytes (hub.core.pdf: tagged, every script as written), printed from the
    review page's own partials: the agency, round and status, then each standard with the
    agency's and the agreed rating, the evidence and its files and the comments about it,
    the comments about the whole self-assessment, and the action plan. `sections`,
    `challenges` and `actions` are hub.assurance.dashboard's, as the page has them."""
    round_ = submission.round
    return render_pdf(
        "assurance/review/submission_pdf.html",
        {
            "submission": submission,
            "round": round_,
            "partnership": round_.partnership,
            "status": presenters.status_tag(submission),
            "shared_with": sorted(submission.shared_with.all(), key=attrgetter("name")),
            "sections": sections,
            "challenges": challenges,
            "actions": actions,
            "printed_at": timezone.now(),
        },
        request=request,
    )
