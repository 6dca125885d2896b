"""The business unit's quarterly picture of escalations: the page, and its XLSX and PDF for the
partnership's executive. Only the partnership's admin (escalations.view_all on the site's
partnership) may see them; anyone else gets 404, as a page that does not exist. Every view
and download is audited. The figures come from hub.escalations.quarterly, suppressed once
there, so the page, its charts and both downloads show the same figures."""

import io

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET
from markupsafe import Markup
from openpyxl import Workbook
from openpyxl.styles import Font

from hub.core import audit
from hub.core.charts import bar_chart, stacked_bar_chart
from hub.core.downloads import private_download, spreadsheet_text
from hub.core.pdf import PDF_CONTENT_TYPE, render_pdf
from hub.core.permissions import can
from hub.core.presenters import partnership_for
from hub.core.suppression import FEWER_THAN
from hub.escalations import quarterly as data
from hub.escalations.actions import VIEW_ALL

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HIDDEN = f"not shown ({FEWER_THAN})"


def _partnership(request):
    partnership = partnership_for(request)
    if partnership is None or not can(request.user, VIEW_ALL, partnership):
        raise Http404
    return partnership


def _picture(request):
    """(partnership, picture or None, error or None, quarter key asked for)."""
    partnership = _partnership(request)
    today = timezone.localdate()
    asked = request.GET.get("quarter", "")
    try:
        quarter = data.parse_quarter(asked, today)
    except data.QuarterError as error:
        return partnership, None, str(error), asked
    return partnership, data.picture(partnership, quarter, today), None, quarter.key


def _audit(request, partnership, picture, action, kind):
    audit.record(
        actor=request.user,
        action=action,
        instance=partnership,
        request=request,
        partnership_id=partnership.pk,
        details={"quarter": picture.quarter.key, "format": kind},
    )


def _shown(figure):
    return None if figure.hidden else figure.value


def charts(picture):
    """{table key: SVG} for the tables drawn as charts, from the same suppressed figures."""
    drawn = {}
    agencies = picture.table("agencies")
    if agencies.rows:
        # Two charts, not one stacked: raised and received do not add up to anything.
        drawn["agencies"] = Markup("").join(
            bar_chart(
                [(label, _shown(cells[index])) for label, cells, _ in agencies.rows],
                title=f"Escalations {column.lower()} by agency, {picture.quarter.label}",
                hidden_label=HIDDEN,
                id=f"chart-agencies-{column.lower()}",
            )
            for index, column in enumerate(agencies.columns)
        )
    for key in ("stages", "days", "themes"):
        table = picture.table(key)
        if table.rows:
            drawn[key] = stacked_bar_chart(
                [(label, [_shown(cell) for cell in cells]) for label, cells, _ in table.rows],
                table.columns,
                title=f"{table.title}, {picture.quarter.label}",
                hidden_label=HIDDEN,
                id=f"chart-{key}",
            )
    overdue = picture.table("overdue")
    if overdue.rows:
        drawn["overdue"] = bar_chart(
            [(label, _shown(cells[0])) for label, cells, _ in overdue.rows],
            title=f"{overdue.title}, {picture.quarter.label}",
            hidden_label=HIDDEN,
            id="chart-overdue",
        )
    return drawn


def _context(partnership, picture, error, asked):
    today = timezone.localdate()
    return {
        "partnership": partnership,
        "picture": picture,
        "charts": charts(picture) if picture else {},
        "error": error,
        "asked": asked,
        "quarters": data.quarters(today),
        "fewer_than": FEWER_THAN,
        "query": urlencode({"quarter": picture.quarter.key}) if picture else "",
    }


@login_required
@require_GET
def quarterly(request):
    partnership, picture, error, asked = _picture(request)
    if picture is not None:
        _audit(request, partnership, picture, "hub.escalations.quarterly_viewed", "page")
    response = render(
        request,
        "escalations/quarterly.html",
        _context(partnership, picture, error, asked),
        status=400 if error else 200,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _download_picture(request):
    partnership, picture, error, _ = _picture(request)
    if error:
        # A download of a quarter that cannot be shown is the page with the error.
        return partnership, None, quarterly(request)
    return partnership, picture, None


def workbook(picture):
    """The picture as an .xlsx workbook: one sheet per table, a header row, every hidden
    count as the text "fewer than 5"."""
    book = Workbook()
    book.remove(book.active)
    summary = book.create_sheet("Summary")
    summary.append(["Escalations quarterly picture"])
    summary.append(["Partnership", spreadsheet_text(picture.partnership.name)])
    summary.append(["Quarter", picture.quarter.label])
    summary.append(["From", picture.quarter.start])
    summary.append(["To", picture.quarter.end])
    summary.append(["Escalations raised", data.cell_value(picture.raised)])
    summary.append(["Still open past the stage's target", data.cell_value(picture.overdue)])
    summary.append(["Good practice entries", data.cell_value(picture.good_practice)])
    summary.append(
        [
            f'Any count from 1 to 4 is shown as "{FEWER_THAN}"; where one is, '
            "another figure of its row or column is hidden too, so that it cannot "
            "be worked out by subtraction."
        ]
    )
    summary["A1"].font = Font(bold=True)
    for row in (4, 5):
        summary.cell(row=row, column=2).number_format = "yyyy-mm-dd"
    for table in picture.tables:
        sheet = book.create_sheet(table.sheet[:31])
        sheet.append([spreadsheet_text(value) for value in table.header()])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for line in table.body():
            sheet.append(
                [spreadsheet_text(value) if isinstance(value, str) else value for value in line]
            )
        for note in table.notes:
            sheet.append([])
            sheet.append([note])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _filename(picture, extension):
    return f"escalations-{picture.partnership.slug}-{picture.quarter.key}.{extension}"


@login_required
@require_GET
def quarterly_xlsx(request):
    partnership, picture, error_page = _download_picture(request)
    if error_page:
        return error_page
    _audit(request, partnership, picture, "hub.escalations.quarterly_downloaded", "xlsx")
    return private_download(
        workbook(picture), filename=_filename(picture, "xlsx"), content_type=XLSX
    )


@login_required
@require_GET
def quarterly_pdf(request):
    partnership, picture, error_page = _download_picture(request)
    if error_page:
        return error_page
    _audit(request, partnership, picture, "hub.escalations.quarterly_downloaded", "pdf")
    pdf = render_pdf(
        "escalations/quarterly_pdf.html",
        {
            "partnership": partnership,
            "picture": picture,
            "charts": charts(picture),
            "fewer_than": FEWER_THAN,
            "made_at": timezone.now(),
        },
        request=request,
    )
    return private_download(pdf, filename=_filename(picture, "pdf"), content_type=PDF_CONTENT_TYPE)
