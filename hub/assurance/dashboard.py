"""The figures behind the partnership's section 11 pages: a round's counts by status and its
heat map of ratings by agency and standard, the comparison with the previous round, and one
submission laid out standard by standard for the review page and its PDF.

Plain functions over querysets, each a bounded number of queries however many agencies and
standards there are. The dashboard, its spreadsheet and the PDF all read from here, so a
figure on screen and the same figure in a download never disagree.

Who sees what: a round's rows are the submissions shared with a partnership of the round in
which the viewer reviews or manages section 11; a submission shared only with another
partnership is never a row, whatever the filters say.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from operator import attrgetter

from django.db.models import Count
from django.utils import timezone

from hub.assurance import presenters
from hub.assurance.models import (
    SCALE_LEVELS,
    ActionPlanItem,
    Answer,
    AttachedRecord,
    Challenge,
    EvidenceFile,
    LocalAnswer,
    LocalQuestion,
    RatingScale,
    Round,
    Standard,
    Submission,
    rating_band,
    rating_label,
)
from hub.core.models import AgencyType
from hub.core.permissions import Action, can

# The states a submission is counted under on the dashboard, in the order of the workflow.
STATES = presenters.STATES
# Looked up once per row of the heat map and its spreadsheet.
AGENCY_TYPE_LABELS = dict(AgencyType.choices)


# --- Who sees which rows --------------------------------------------------------------------


def may_see_round(user, round_):
    """Reviewers and admins of a partnership taking part (and superusers)."""
    return can(user, Action.REVIEW_ASSURANCE, round_) or can(user, Action.MANAGE_ASSURANCE, round_)


def viewer_partnerships(user, round_):
    """The partnerships taking part in `round_` for which `user` reviews or manages, by name.
    Reads `round_.partnerships.all()`, so a round fetched with them costs no query."""
    return [
        partnership
        for partnership in sorted(round_.partnerships.all(), key=attrgetter("name"))
        if can(user, Action.REVIEW_ASSURANCE, partnership)
        or can(user, Action.MANAGE_ASSURANCE, partnership)
    ]


def round_submissions(user, round_, *, partnership=None, agency_type=None):
    """The round's submissions `user` may see on its dashboard, optionally only those shared
    with one of their partnerships or from one type of agency, by agency name."""
    allowed = [p.pk for p in viewer_partnerships(user, round_)]
    if partnership is not None:
        allowed = [pk for pk in allowed if pk == partnership.pk]
    shared = Submission.shared_with.through.objects.filter(partnership_id__in=allowed)
    submissions = Submission.objects.filter(
        round=round_, pk__in=shared.values("submission_id")
    ).select_related("agency")
    if agency_type:
        submissions = submissions.filter(agency__agency_type=agency_type)
    return submissions.order_by("agency__name", "pk")


# --- Ratings and their change since the previous round ----------------------------------------


def _place(scale, value):
    """Where `value` sits on its scale, from 0 (lowest) to 1 (highest), or None."""
    values = sorted(SCALE_LEVELS[RatingScale(scale)])
    if value not in values:
        return None
    return values.index(value) / (len(values) - 1)


@dataclass(frozen=True)
class Change:
    """How a rating moved since the previous round: 'up', 'down' or 'same', from what."""

    direction: str
    previous: str

    ARROWS = {"up": "↑", "down": "↓", "same": "→"}

    @property
    def arrow(self):
        return self.ARROWS[self.direction]

    @property
    def words(self):
        if self.direction == "same":
            return f"No change from {self.previous}"
        return f"{self.direction.capitalize()} from {self.previous}"


def change_since(scale, value, previous_scale, previous_value):
    """The move from last round's rating to this one's, or None when either is missing.
    Ratings on different scales are compared by their place on their own scale."""
    if value is None or previous_value is None:
        return None
    now, before = _place(scale, value), _place(previous_scale, previous_value)
    if now is None or before is None:
        return None
    direction = "up" if now > before else "down" if now < before else "same"
    return Change(direction, rating_label(previous_scale, previous_value))


def previous_ratings(round_, agency_ids):
    """{(agency id, standard key): (scale, rating)} from the previous round: its agreed
    rating where there is one, else the agency's own. One query (two if the previous round
    was not fetched with `round_`), reading only the ratings."""
    previous = round_.previous_round
    if previous is None:
        return {}
    answers = Answer.objects.filter(
        submission__round=previous, submission__agency_id__in=list(agency_ids)
    ).values_list(
        "submission__agency_id",
        "standard__key",
        "submission__round__framework_version__rating_scale",
        "rating",
        "agreed_rating",
    )
    found = {}
    for agency_id, key, scale, rating, agreed_rating in answers.order_by():
        value = agreed_rating if agreed_rating is not None else rating
        if value is not None:
            found[(agency_id, key)] = (scale, value)
    return found


# --- The round's dashboard --------------------------------------------------------------------


@dataclass
class Cell:
    """One agency's ratings for one standard."""

    standard: Standard
    self_rating: dict
    agreed_rating: dict
    change: Change | None

    @property
    def band(self):
        """The heat map's colour: the agreed rating's once there is one, else the agency's."""
        if self.agreed_rating["band"] != "none":
            return self.agreed_rating["band"]
        return self.self_rating["band"]

    @property
    def text(self):
        return f"Self: {self.self_rating['text']} / Agreed: {self.agreed_rating['text']}"


@dataclass
class AgencyRow:
    submission: Submission
    cells: list
    overdue: int
    shared_with: list

    @property
    def agency(self):
        return self.submission.agency

    @property
    def agency_type(self):
        return AGENCY_TYPE_LABELS.get(self.agency.agency_type, "")

    @property
    def status(self):
        return presenters.status_tag(self.submission)


@dataclass
class RoundFigures:
    round: Round
    standards: list
    rows: list = field(default_factory=list)

    @property
    def scale(self):
        return self.round.framework_version.rating_scale

    @property
    def counts(self):
        """[(state, how many)] in workflow order, every state listed."""
        tally = Counter(row.submission.state_label for row in self.rows)
        return [(state, tally.get(state, 0)) for state in STATES]


def round_figures(user, round_, *, partnership=None, agency_type=None, today=None):
    """The dashboard of `round_` as `user` may see it: one row per visible submission with
    a cell per standard and its overdue actions. The same few queries, whatever the round's
    size: standards, submissions and their partnerships, the submitted ones' ratings,
    overdue counts, last round's ratings (and the round's partnerships, framework version
    and previous round unless `round_` was fetched with them, as review_views does)."""
    today = today or timezone.localdate()
    scale = round_.framework_version.rating_scale
    standards = list(
        round_.framework_version.standards.only(
            "version_id", "sort_order", "key", "number", "title"
        )
    )
    submissions = list(
        round_submissions(user, round_, partnership=partnership, agency_type=agency_type)
        .defer("returned_reason")
        .prefetch_related("shared_with")
    )
    # A draft's answers and plan are the agency's working copy until it submits: its row
    # shows its state only.
    submitted = [s.pk for s in submissions if not s.is_draft]
    # The two ratings are all a cell shows: read as values, not as answers.
    answers = (
        Answer.objects.filter(submission__in=submitted)
        .values_list("submission_id", "standard_id", "rating", "agreed_rating")
        .order_by()
    )
    ratings = {(row, standard): (own, agreed) for row, standard, own, agreed in answers}
    overdue = dict(
        ActionPlanItem.objects.overdue(today)
        .filter(submission__in=submitted)
        .values("submission")
        .annotate(count=Count("pk"))
        .values_list("submission", "count")
    )
    previous = previous_ratings(round_, {s.agency_id for s in submissions})
    figures = RoundFigures(round=round_, standards=standards)
    for submission in submissions:
        submission.round = round_  # already fetched: reading it costs no query per row
        cells = []
        for standard in standards:
            own, agreed = ratings.get((submission.pk, standard.pk), (None, None))
            current = agreed if agreed is not None else own
            before = previous.get((submission.agency_id, standard.key))
            cells.append(
                Cell(
                    standard=standard,
                    self_rating=presenters.rating(scale, own),
                    agreed_rating=presenters.rating(scale, agreed),
                    change=change_since(scale, current, *before) if before else None,
                )
            )
        figures.rows.append(
            AgencyRow(
                submission=submission,
                cells=cells,
                overdue=overdue.get(submission.pk, 0),
                shared_with=sorted(p.name for p in submission.shared_with.all()),
            )
        )
    return figures


def round_actions(figures):
    """Every action in the plans of the figures' submitted submissions (a draft's plan is
    the agency's working copy), by agency then due date."""
    submitted = [row.submission.pk for row in figures.rows if not row.submission.is_draft]
    return (
        ActionPlanItem.objects.filter(submission__in=submitted)
        .select_related("standard", "submission__agency")
        .order_by("submission__agency__name", "due_on", "pk")
    )


# --- One submission, standard by standard -----------------------------------------------------


def previous_agreed(submission):
    """{standard key: agreed rating (presenters.rating)} of the agency's submission in the
    previous round, for the standards that had one."""
    previous = submission.round.previous_round
    if previous is None:
        return {}
    answers = Answer.objects.filter(
        submission__round=previous,
        submission__agency_id=submission.agency_id,
        agreed_rating__isnull=False,
    ).values_list(
        "standard__key", "submission__round__framework_version__rating_scale", "agreed_rating"
    )
    return {
        key: presenters.rating(scale, agreed_rating)
        for key, scale, agreed_rating in answers.order_by()
    }


@dataclass
class StandardSection:
    standard: Standard
    answer: Answer | None
    self_rating: dict
    agreed_rating: dict
    previous_agreed: dict | None
    evidence: list
    attached: list  # records from elsewhere in the Hub the agency attached
    challenges: list
    self_words: str
    agreed_words: str


def standard_sections(submission, *, standards=None, challenges=None):
    """Per standard of the submission's framework version: the agency's answer and rating,
    the agreed rating, last round's agreed rating, the evidence files and the comments and
    challenge questions about it. A page that already holds the standards or the
    challenges passes them, so they are not read twice."""
    scale = submission.round.framework_version.rating_scale
    if standards is None:
        standards = submission.round.framework_version.standards.all()
    if challenges is None:
        challenges = submission_challenges(submission)
    answers = {answer.standard_id: answer for answer in submission.answers.order_by()}
    evidence = defaultdict(list)
    for item in EvidenceFile.objects.filter(submission=submission):
        evidence[item.standard_id].append(item)
    attached = defaultdict(list)
    for record in AttachedRecord.objects.filter(submission=submission):
        attached[record.standard_id].append(record)
    about = defaultdict(list)
    for challenge in challenges:
        if challenge.standard_id:
            about[challenge.standard_id].append(challenge)
    before = previous_agreed(submission)
    sections = []
    for standard in standards:
        answer = answers.get(standard.pk)
        sections.append(
            StandardSection(
                standard=standard,
                answer=answer,
                self_rating=presenters.rating(scale, answer.rating if answer else None),
                agreed_rating=presenters.rating(scale, answer.agreed_rating if answer else None),
                previous_agreed=before.get(standard.key),
                evidence=evidence[standard.pk],
                attached=attached[standard.pk],
                challenges=about[standard.pk],
                self_words=rating_meaning(scale, answer.rating if answer else None),
                agreed_words=rating_meaning(scale, answer.agreed_rating if answer else None),
            )
        )
    return sections


def submission_challenges(submission):
    return Challenge.objects.filter(submission=submission).select_related("standard", "partnership")


def rating_meaning(scale, value):
    """ "Amber: Partly met: some gaps", or "Not rated"."""
    if value is None:
        return "Not rated"
    label, meaning = SCALE_LEVELS[RatingScale(scale)].get(value, (str(value), ""))
    return f"{label}: {meaning}" if meaning else label


def band_key(scale):
    """[(band, "Red")] from low to high: which ratings each heat-map colour stands for."""
    labels = defaultdict(list)
    for value, (label, _) in sorted(SCALE_LEVELS[RatingScale(scale)].items()):
        labels[rating_band(scale, value)].append(label)
    return [(band, ", ".join(labels[band])) for band in ("low", "middle", "high") if band in labels]


def local_answers_for(user, submission):
    """[(question, answer text)] for the local questions of the partnerships `user` reviews
    for among those the submission is shared with (every one of them for a superuser)."""
    partnerships = [
        p.pk for p in submission.shared_with.all() if can(user, Action.REVIEW_ASSURANCE, p)
    ]
    questions = LocalQuestion.objects.filter(
        round_id=submission.round_id, partnership_id__in=partnerships
    ).select_related("partnership")
    given = {
        answer.question_id: answer.text
        for answer in LocalAnswer.objects.filter(submission=submission)
    }
    return [
        (question, given.get(question.pk, ""))
        for question in questions.order_by("partnership__name", "sort_order", "pk")
    ]


def submission_actions(submission, today=None):
    today = today or timezone.localdate()
    return [
        {"action": action, "overdue": action.is_overdue(today)}
        for action in submission.actions.select_related("standard")
    ]
