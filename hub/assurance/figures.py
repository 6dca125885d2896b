"""The section 11 work's figures for reports (hub/core/domains.py Figure): agencies invited and
returned, ratings per standard, actions open and closed, change since the last round.

A round belongs to the reporting year in which it opened: every figure counts the rounds
the partnership took part in that opened between `start` and `end` (both included), and of
their submissions only those shared with the partnership, as its dashboard shows them
(hub/assurance/dashboard.py). A draft is the agency's working copy until it submits, so its
ratings and plan are never counted. A rating is the agreed (moderated) one where there is
one, else the agency's own, as on the dashboard's heat map.
"""

from collections import Counter, defaultdict

from django.db.models import Count, Q

from hub.assurance.dashboard import change_since, previous_ratings
from hub.assurance.models import (
    ActionPlanItem,
    ActionStatus,
    Answer,
    Round,
    RoundStatus,
    Submission,
    SubmissionStatus,
    rating_band,
)
from hub.core.domains import Figure

# The parts of each standard's bar, by where a rating sits on its scale (rating_band): so a
# year whose rounds used different scales still adds up.
BANDS = (("high", "Met"), ("middle", "Partly met"), ("low", "Not met"))
CHANGES = (("up", "Improved"), ("same", "No change"), ("down", "Lower"))


def _rounds(partnership, start, end):
    return Round.objects.filter(partnerships=partnership, opens_on__range=(start, end)).exclude(
        status=RoundStatus.DRAFT
    )


def _submissions(partnership, start, end):
    return Submission.objects.filter(
        round__in=_rounds(partnership, start, end), shared_with=partnership
    )


def _returned(partnership, start, end):
    return _submissions(partnership, start, end).exclude(status=SubmissionStatus.DRAFT)


def agencies_invited(partnership, start, end):
    return _submissions(partnership, start, end).count()


def agencies_returned(partnership, start, end):
    return _returned(partnership, start, end).count()


def _ratings(partnership, start, end):
    """(agency id, round, standard, scale, rating) for every rated answer of the returned
    submissions."""
    answers = (
        Answer.objects.filter(submission__in=_returned(partnership, start, end))
        .filter(Q(rating__isnull=False) | Q(agreed_rating__isnull=False))
        .select_related("standard", "submission__round__framework_version")
        .order_by("submission__round__opens_on", "standard__sort_order", "pk")
    )
    for answer in answers:
        round_ = answer.submission.round
        value = answer.agreed_rating if answer.agreed_rating is not None else answer.rating
        scale = round_.framework_version.rating_scale
        yield answer.submission.agency_id, round_, answer.standard, scale, value


def ratings_counted(partnership, start, end):
    return sum(1 for _ in _ratings(partnership, start, end))


def ratings_by_standard(partnership, start, end):
    """[("1. Leadership and accountability", [met, partly met, not met])], standard by
    standard (standards with the same key across framework versions counted together,
    under the title they first had)."""
    labels, counts = {}, defaultdict(Counter)
    for _agency, _round, standard, scale, value in _ratings(partnership, start, end):
        labels.setdefault(standard.key, f"{standard.number}. {standard.title}")
        counts[standard.key][rating_band(scale, value)] += 1
    return [(label, [counts[key][band] for band, _ in BANDS]) for key, label in labels.items()]


def standards_met(partnership, start, end):
    """The share of ratings at the top of their scale ("Met", or 3 on 0 to 3)."""
    bands = Counter(
        rating_band(scale, value) for *_, scale, value in _ratings(partnership, start, end)
    )
    total = sum(bands.values())
    return round(100 * bands["high"] / total, 1) if total else None


def changes(partnership, start, end):
    """[("Improved", n), ("No change", n), ("Lower", n)]: each rating compared with the same
    agency's rating of the same standard in the round before (hub/assurance/dashboard.py
    `change_since`); ratings with nothing to compare with are left out."""
    found = Counter()
    ratings = list(_ratings(partnership, start, end))
    by_round = defaultdict(list)
    for agency_id, round_, standard, scale, value in ratings:
        by_round[round_].append((agency_id, standard, scale, value))
    for round_, rows in by_round.items():
        before = previous_ratings(round_, {agency_id for agency_id, *_ in rows})
        for agency_id, standard, scale, value in rows:
            previous = before.get((agency_id, standard.key))
            change = change_since(scale, value, *previous) if previous else None
            if change is not None:
                found[change.direction] += 1
    return [(label, found[direction]) for direction, label in CHANGES]


def ratings_improved(partnership, start, end):
    return changes(partnership, start, end)[0][1]


def _actions(partnership, start, end):
    return ActionPlanItem.objects.filter(submission__in=_returned(partnership, start, end))


def actions_by_status(partnership, start, end):
    """[(status, n)] of the returned submissions' action plans, in the workflow's order."""
    counts = dict(
        _actions(partnership, start, end)
        .values("status")
        .annotate(count=Count("pk"))
        .values_list("status", "count")
        .order_by()
    )
    return [(label, counts.get(value, 0)) for value, label in ActionStatus.choices]


def actions_open(partnership, start, end):
    return _actions(partnership, start, end).exclude(status=ActionStatus.COMPLETE).count()


def actions_completed(partnership, start, end):
    return _actions(partnership, start, end).filter(status=ActionStatus.COMPLETE).count()


FIGURES = (
    Figure(
        "Agencies invited to section 11 self-assessment",
        "agencies",
        agencies_invited,
        key="agencies-invited",
        description="Agencies asked to complete a section 11 self-assessment in the rounds "
        "that opened this year.",
    ),
    Figure(
        "Section 11 self-assessments returned",
        "agencies",
        agencies_returned,
        key="agencies-returned",
        description="Agencies that submitted their self-assessment in those rounds.",
    ),
    Figure(
        "Section 11 ratings by standard",
        "ratings",
        ratings_counted,
        breakdown=ratings_by_standard,
        columns=tuple(label for _, label in BANDS),
        key="ratings-by-standard",
        description="The returned self-assessments' ratings (agreed where agreed), standard "
        "by standard: met, partly met and not met.",
    ),
    Figure(
        "Section 11 standards rated met",
        "%",
        standards_met,
        key="standards-met",
        description="The share of the returned self-assessments' ratings at the top of their "
        "scale (agreed where agreed).",
    ),
    Figure(
        "Section 11 ratings improved since the last round",
        "ratings",
        ratings_improved,
        breakdown=changes,
        key="ratings-improved",
        description="Ratings higher than the same agency gave the same standard in the round "
        "before; the breakdown adds those unchanged and those lower.",
    ),
    Figure(
        "Section 11 actions open",
        "actions",
        actions_open,
        breakdown=actions_by_status,
        key="actions-open",
        description="Actions in the returned self-assessments' plans not yet complete.",
    ),
    Figure(
        "Section 11 actions completed",
        "actions",
        actions_completed,
        key="actions-completed",
        description="Actions in the returned self-assessments' plans marked complete.",
    ),
)
