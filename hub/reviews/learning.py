"""The public learning library's services: what the library shows (published, not withdrawn
reviews and briefings of the site's partnership), a briefing's seven parts as blocks, its
one-page PDF and how many pages that runs to, who may record that their team used a
briefing, and recording it.

What is public is one rule, here, for the pages, the PDF and the search index alike: a row of
the partnership that is published and not withdrawn. A published review stays in the library
past its `removal_on` as "summary only" (its report is no longer linked) until the panel
withdraws it.

Locks: recording a team's use locks the briefing's row while it looks for the same record
made before, so a form sent twice records once.
"""

import datetime
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from markupsafe import Markup, escape

from hub.core import identifiers
from hub.core.audit import record
from hub.core.models import Agency, RoleAssignment
from hub.core.pdf import render_pdf
from hub.core.permissions import Action, roles_with
from hub.reviews.models import BRIEFING_PARTS, Briefing, PublishedReview, TeamSize, TeamUse

PDF_TEMPLATE = "reviews/pdf/briefing.html"
CHANGE_LIMIT = TeamUse._meta.get_field("change").max_length
PART_FIELDS = tuple(key for key, _ in BRIEFING_PARTS)

# -- what the library shows -------------------------------------------------------------------


def public_reviews(partnership):
    """The partnership's published reviews the library shows (withdrawn ones never)."""
    if partnership is None:
        return PublishedReview.objects.none()
    return PublishedReview.objects.filter(partnership=partnership, published=True, withdrawn=False)


def public_briefings(partnership):
    """The partnership's published briefings the library shows (withdrawn ones never)."""
    if partnership is None:
        return Briefing.objects.none()
    return Briefing.objects.filter(partnership=partnership, published=True, withdrawn=False)


def is_public(row):
    return row is not None and row.published and not row.withdrawn


def report_shown(review, today=None):
    """Whether the review's report is linked: it has one that readers may open, and its
    removal date has not come (on that day the entry becomes "summary only")."""
    today = today or timezone.localdate()
    report = review.report
    if report is None or report.status == "withdrawn" or report.is_restricted:
        return False
    return review.removal_on is None or today < review.removal_on


def summary_only(review, today=None):
    """Whether the entry is "summary only": its removal date has come."""
    today = today or timezone.localdate()
    return review.removal_on is not None and review.removal_on <= today


# -- publishing (the admin's form uses these) --------------------------------------------------


def publish(row, *, on=None, today=None):
    """Mark `row` (a published review or a briefing) published on `on` (today by default);
    saved by the caller."""
    row.published = True
    row.published_on = on or today or timezone.localdate()
    return row


def withdraw(row, *, on=None, today=None):
    """Take `row` out of the library (and of search) for good, keeping it for the record; a
    published review notes the day. Saved by the caller."""
    if not row.withdrawn and hasattr(row, "withdrawn_on"):
        row.withdrawn_on = on or today or timezone.localdate()
    row.withdrawn = True
    return row


def restore(row):
    """Undo `withdraw`: the row is shown again if published. Saved by the caller."""
    row.withdrawn = False
    if hasattr(row, "withdrawn_on"):
        row.withdrawn_on = None
    return row


# -- a briefing's parts ----------------------------------------------------------------------


@dataclass
class Block:
    kind: str  # "p" or "ul"
    items: list = field(default_factory=list)  # a paragraph's one text, or a list's items


@dataclass
class Part:
    key: str
    heading: str
    blocks: list


_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")


def linked(text):
    """`text` escaped, each web address in it a link (so further reading can be followed)."""
    pieces, last = [], 0
    for match in _URL.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        address = match.group(0)
        pieces.append(format_html('<a class="govuk-link" href="{}">{}</a>', address, address))
        last = match.end()
    pieces.append(escape(text[last:]))
    return Markup("").join(pieces)


def blocks(text):
    """A part's plain text as paragraphs and bullet lists: a blank line ends a paragraph (or
    a list), each line starting "- " is a bullet, and the lines of a paragraph join with
    spaces."""
    found, lines = [], []
    in_list = False

    def end_paragraph():
        if lines:
            found.append(Block("p", [" ".join(lines)]))
            lines.clear()

    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        if not line:
            end_paragraph()
            in_list = False
        elif line.startswith("- "):
            end_paragraph()
            if in_list:
                found[-1].items.append(line[2:])
            else:
                found.append(Block("ul", [line[2:]]))
                in_list = True
        else:
            in_list = False
            lines.append(line)
    end_paragraph()
    return found


def briefing_parts(briefing):
    """The briefing's seven parts in their order, each with its blocks; a part left blank
    (only further reading may be) is left out."""
    parts = []
    for key, heading in BRIEFING_PARTS:
        found = blocks(getattr(briefing, key))
        if found:
            parts.append(Part(key, heading, found))
    return parts


# -- the one-page PDF ------------------------------------------------------------------------


def briefing_address(briefing, request=None):
    """The briefing page's full address, on its partnership's site."""
    path = reverse("reviews:briefing", args=[briefing.slug])
    if request is not None:
        return request.build_absolute_uri(path)
    site = briefing.partnership.site
    return (site.root_url if site is not None else "") + path


def pdf_context(briefing, *, request=None):
    return {
        "partnership": briefing.partnership,
        "briefing": briefing,
        "parts": briefing_parts(briefing),
        "themes": list(briefing.themes.all()),
        "address": briefing_address(briefing, request),
        "linked": linked,
    }


def briefing_pdf(briefing, *, request=None):
    """The briefing as a tagged PDF, made the one way the Hub makes PDFs (hub/core/pdf.py)
    from reviews/pdf/briefing.html and the print stylesheet."""
    return render_pdf(PDF_TEMPLATE, pdf_context(briefing, request=request), request=request)


def pdf_pages(briefing):
    """How many pages the briefing's PDF runs to (one is what a 7-minute briefing should)."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(briefing_pdf(briefing))).pages)


def store_pdf_pages(briefing):
    """Count the PDF's pages and keep the count on the briefing (without touching
    `updated_at`, which says when its words last changed). Returns the count."""
    pages = pdf_pages(briefing)
    Briefing.objects.filter(pk=briefing.pk).update(pdf_pages=pages)
    briefing.pdf_pages = pages
    return pages


# -- "We used this in our team" --------------------------------------------------------------


def agencies_for(user, partnership):
    """The partnership's agencies whose teams `user` may record: their own confirmed agency,
    and any agency of the partnership they lead. Empty for anyone else."""
    if partnership is None or not user.is_authenticated or not user.is_active:
        return []
    led = RoleAssignment.objects.filter(
        user=user, agency__isnull=False, role__in=roles_with(Action.VIEW_AGENCY_RECORDS)
    ).values("agency_id")
    rows = Agency.objects.filter(partnerships=partnership)
    own = rows.filter(pk=user.agency_id) if user.agency_id else rows.none()
    return list((own | rows.filter(pk__in=led)).distinct().order_by("name"))


def _double_submit(use):
    return ValidationError(
        f"You have already recorded that this team discussed this briefing on "
        f"{use.discussed_on:%-d %B %Y}: the form may have been sent twice. Nothing more was "
        "recorded.",
        code="double_submit",
    )


def record_team_use(
    *, by, briefing, agency, team_size, discussed_on, change="", request=None, now=None
):
    """Record that a team of `agency` discussed `briefing` on `discussed_on`.

    Guarantees: the briefing is one the library shows; `by` is confirmed staff of `agency` or
    leads it, and it is one of the briefing's partnership's agencies (otherwise
    PermissionDenied); the size band is one of the bands; the date is neither in the future
    nor before the briefing was published; the optional line is at most 200 characters and
    identifies no child or family. The same record made before by the same person (a form
    sent twice) is refused, and nothing more is recorded. One audit entry."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if not is_public(briefing):
        raise PermissionDenied("The briefing is not in the library.")
    if agency is None or agency.pk not in {a.pk for a in agencies_for(by, briefing.partnership)}:
        raise PermissionDenied("Only staff or leads of the partnership's agencies record this.")
    if team_size not in TeamSize.values:
        raise ValidationError({"team_size": "Choose how many people were in the team"})
    if not isinstance(discussed_on, datetime.date):
        raise ValidationError({"discussed_on": "Enter the date the team discussed it"})
    if discussed_on > today:
        raise ValidationError({"discussed_on": "The date must be today or in the past"})
    if briefing.published_on and discussed_on < briefing.published_on:
        raise ValidationError(
            {
                "discussed_on": f"The date must be on or after {briefing.published_on:%-d %B %Y}, "
                "when the briefing was published"
            }
        )
    change = " ".join((change or "").split())
    if len(change) > CHANGE_LIMIT:
        raise ValidationError(
            {"change": f"What will change must be {CHANGE_LIMIT} characters or fewer"}
        )
    identifiers.check(change, field="change")
    with transaction.atomic():
        Briefing.objects.select_for_update().filter(pk=briefing.pk).first()
        same = TeamUse.objects.filter(
            briefing=briefing,
            recorded_by=by,
            agency=agency,
            discussed_on=discussed_on,
            team_size=team_size,
            change=change,
        ).first()
        if same is not None:
            raise _double_submit(same)
        use = TeamUse.objects.create(
            briefing=briefing,
            agency=agency,
            team_size=team_size,
            discussed_on=discussed_on,
            change=change,
            recorded_by=by,
        )
        record(
            actor=by,
            action="hub.reviews.team_use_recorded",
            instance=use,
            request=request,
            partnership_id=briefing.partnership_id,
            agency_id=agency.pk,
            details={"briefing": briefing.pk},
        )
    return use


def team_counts(briefing):
    """(teams, agencies) that recorded using the briefing."""
    from django.db.models import Count

    found = TeamUse.objects.filter(briefing=briefing).aggregate(
        teams=Count("pk"), agencies=Count("agency", distinct=True)
    )
    return found["teams"], found["agencies"]


# -- the admin's audit -----------------------------------------------------------------------


def record_learning_change(*, by, row, change, request=None):
    """One audit entry for a published review, briefing or theme `change`d ("created",
    "edited", "deleted"), with whether it is now published or withdrawn: never its words."""
    details = {"change": change, "what": row._meta.model_name}
    if hasattr(row, "published"):
        details.update(published=row.published, withdrawn=row.withdrawn)
    record(
        actor=by,
        action="hub.reviews.learning_changed",
        instance=row,
        request=request,
        partnership_id=row.partnership_id,
        details=details,
    )
