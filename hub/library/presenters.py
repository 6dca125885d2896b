"""What the editors' screens show of a document: its versions as readers meet them, and the
address of its page on the partnership's own site."""

from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Site

from hub.library.models import Status

WAITING = "Waiting for sign-off"


@dataclass(frozen=True)
class VersionRow:
    version: object
    # "Current", "Scheduled", "Superseded", "Withdrawn", "Waiting for sign-off" or
    # "Sent back"
    state: str
    uploaded_by: str
    # Whether the editor looking uploaded it (so another editor must sign it off)
    uploaded_by_viewer: bool = False

    @property
    def can_withdraw(self):
        return not self.version.is_withdrawn and self.state != WAITING

    @property
    def waits_for_sign_off(self):
        return self.state == WAITING

    @property
    def may_approve(self):
        return self.state == WAITING and not self.uploaded_by_viewer


def version_rows(document, now=None, viewer=None):
    """Every version of `document`, newest first, each with its state: sent back or waiting
    for sign-off (never published); withdrawn; scheduled (not published yet); current (the
    latest published, as readers see it); or superseded. One query, however many versions
    there are."""
    now = now or timezone.now()
    versions = document.versions.without_text().select_related("uploaded_by").order_by("-number")
    rows, current_seen = [], False
    for version in versions:
        published = version.published_at is not None and version.published_at <= now
        if version.was_sent_back:
            state = "Sent back"
        elif version.is_withdrawn:
            state = "Withdrawn"
        elif version.awaits_sign_off:
            state = WAITING
        elif not published:
            state = "Scheduled"
        elif not current_seen:
            state = "Current"
        else:
            state = "Superseded"
        # A withdrawn latest version still stands in front of the earlier ones.
        current_seen = current_seen or published
        uploader = version.uploaded_by.display_name if version.uploaded_by else "Not recorded"
        rows.append(
            VersionRow(
                version=version,
                state=state,
                uploaded_by=uploader,
                uploaded_by_viewer=viewer is not None
                and version.uploaded_by_id is not None
                and version.uploaded_by_id == viewer.pk,
            )
        )
    return rows


def public_url(document, request):
    """The document's page on its partnership's site, or None while it is withdrawn (it has
    no page then). A path when the admin answers on that same site; otherwise the full
    address on the partnership's own host, as Wagtail's "View live" does for pages."""
    if document.status == Status.WITHDRAWN:
        return None
    path = document.get_absolute_url()
    site = document.partnership.site if document.partnership_id else None
    if site is None or Site.find_for_request(request) == site:
        return path
    return site.root_url + path
