"""What every agency page shares: finding the submission a request may reach, and small
helpers for URLs and forms."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from hub.assurance import presenters, services
from hub.assurance.models import Submission

# The order states are counted in on the list of rounds.
STATE_ORDER = presenters.STATES


def _url(name, submission, *args, anchor=""):
    return reverse(f"assurance:{name}", args=[submission.pk, *args]) + anchor


def _bound(request, form_class, **kwargs):
    """The form bound to the POST (even an empty one), or unbound on GET."""
    data = request.POST if request.method == "POST" else None
    return form_class(data, **kwargs)


# --- What a request may reach -----------------------------------------------------------


def _viewable(request, pk):
    """The submission, if the user may see it (its agency, a named colleague, or a
    partnership it is shared with); otherwise 404."""
    # Its partnerships come with it: every permission check reads them (permission_scope),
    # and so do the pages, which would otherwise ask again for each.
    submission = get_object_or_404(
        Submission.objects.select_related(
            "round__framework_version__framework",
            "round__partnership",
            "agency",
            "carried_forward_from__round",
        ).prefetch_related("shared_with"),
        pk=pk,
    )
    if not services.may_view(request.user, submission):
        raise Http404
    return submission


def _readable(request, pk):
    """The submission, if the user may read its answers (services.may_read_answers): a
    partnership reads a draft's answers only once the agency submits it."""
    submission = _viewable(request, pk)
    if not services.may_read_answers(request.user, submission):
        raise Http404
    return submission


def _editable(request, pk):
    """The submission, if the user completes it: the agency's lead or a named colleague."""
    submission = _viewable(request, pk)
    if not services.may_edit(request.user, submission):
        raise Http404
    return submission


def _open_for_changes(submission):
    """Answers can change: a draft in a round that is not closed."""
    return submission.is_draft and not submission.round.is_closed


def _needs_starting(submission):
    return submission.is_draft and submission.started_at is None


# What a standard says at length: its own page shows it; lists of standards show only the
# number and title.
STANDARD_TEXT = ("summary", "sub_standards", "guidance", "evidence_prompts")


def _standards(submission, *, text=True):
    standards = submission.round.framework_version.standards.all()
    return list(standards if text else standards.defer(*STANDARD_TEXT))


def _with_standard_named(rows):
    """Rows (actions, challenges) with the standard each is about, by number and title."""
    return rows.select_related("standard").defer(*(f"standard__{name}" for name in STANDARD_TEXT))
