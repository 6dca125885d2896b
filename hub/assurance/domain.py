"""The assurance domain: section 11 self-assessments (hub/core/domains.py)."""

import datetime

from django.urls import reverse

from hub.assurance.figures import FIGURES
from hub.core.domains import Domain, Job, Link, PersonalData, Retention, StaffLink, Todo
from hub.core.staff_menu import admin_screen

AUDIT_ACTIONS = {
    "hub.assurance.framework_published": "Section 11 framework version published",
    "hub.assurance.framework_copied": "Section 11 framework copied to a new version",
    "hub.assurance.round_opened": "Section 11 round opened",
    "hub.assurance.reminders_sent": "Section 11 reminders sent",
    "hub.assurance.round_closed": "Section 11 round closed",
    "hub.assurance.started": "Section 11 self-assessment started",
    "hub.assurance.answer_saved": "Section 11 answer saved",
    "hub.assurance.local_answers_saved": "Section 11 local answers saved",
    "hub.assurance.evidence_added": "Section 11 evidence file added",
    "hub.assurance.evidence_removed": "Section 11 evidence file removed",
    "hub.assurance.evidence_downloaded": "Section 11 evidence file downloaded",
    "hub.assurance.record_attached": "Section 11 record from the Hub attached as evidence",
    "hub.assurance.record_detached": "Section 11 attached record removed",
    "hub.assurance.action_added": "Section 11 action added",
    "hub.assurance.action_updated": "Section 11 action updated",
    "hub.assurance.action_removed": "Section 11 action removed",
    "hub.assurance.contributor_added": "Section 11 contributor added",
    "hub.assurance.contributor_removed": "Section 11 contributor removed",
    "hub.assurance.submitted": "Section 11 self-assessment submitted",
    "hub.assurance.review_started": "Section 11 review started",
    "hub.assurance.challenge_raised": "Section 11 comment or challenge raised",
    "hub.assurance.challenge_answered": "Section 11 challenge answered",
    "hub.assurance.rating_agreed": "Section 11 agreed rating recorded",
    "hub.assurance.returned": "Section 11 self-assessment returned for changes",
    "hub.assurance.agreed": "Section 11 self-assessment agreed",
    "hub.assurance.closed": "Section 11 self-assessment closed",
}

MODELS = (
    "assurance.Submission",
    "assurance.SubmissionContributor",
    "assurance.Answer",
    "assurance.EvidenceFile",
    "assurance.AttachedRecord",
    "assurance.Challenge",
)


def _personal_data(user):
    from hub.assurance.privacy import personal_data

    return personal_data(user)


def _prune(now):
    from hub.assurance.privacy import prune

    rounds, files, emails = prune(now)
    return rounds + files + emails


def _reminders(now):
    from django.utils import timezone

    from hub.assurance.services.rounds import send_due_reminders

    return send_due_reminders(today=timezone.localdate(now))


def _uses_assurance(request):
    """Has a self-assessment to complete or see, or reviews or runs rounds."""
    from hub.assurance.services import visible_submissions
    from hub.core.permissions import Action, can

    user = request.user
    return (
        can(user, Action.REVIEW_ASSURANCE)
        or can(user, Action.MANAGE_ASSURANCE)
        or visible_submissions(user).exists()
    )


def _reviews_or_runs(request):
    from hub.core.permissions import Action, can

    user = request.user
    return can(user, Action.REVIEW_ASSURANCE) or can(user, Action.MANAGE_ASSURANCE)


def _demo(context):
    from hub.demo.assurance import load_assurance

    load_assurance()


def _submissions_to_review(user):
    from django.urls import reverse

    from hub.assurance.models import Submission, SubmissionStatus
    from hub.core.permissions import Action, can, scope_queryset

    if not can(user, Action.REVIEW_ASSURANCE):
        return []
    waiting = scope_queryset(
        user,
        Action.REVIEW_ASSURANCE,
        Submission.objects.filter(status=SubmissionStatus.SUBMITTED),
    ).count()
    if not waiting:
        return []
    return [("Self-assessments to review (section 11)", reverse("assurance:home"), waiting)]


DOMAIN = Domain(
    label="assurance",
    todos=(Todo("self-assessments awaiting review", _submissions_to_review),),
    name="Section 11 self-assessment",
    audit_actions=AUDIT_ACTIONS,
    # "section_11" and "send_section11_reminders" stay: the first is a heading in people's
    # downloaded data, the second the name JobRun rows (and cron) know the job by.
    personal_data=(PersonalData(key="section_11", models=MODELS, export=_personal_data),),
    retention=(
        Retention(
            what="Section 11 self-assessments, with who submitted, reviewed or answered what",
            how_long="6 years after the round closes (`ASSURANCE_RETENTION_DAYS`); links to a "
            "deleted account are cleared",
            models=MODELS,
            prune=_prune,
        ),
    ),
    jobs=(
        Job(
            "send_section11_reminders",
            _reminders,
            at=datetime.time(7, 10),
            description="reminds agencies of self-assessments due",
        ),
    ),
    account_links=(
        Link(
            "Section 11 self-assessment",
            lambda request: reverse("assurance:home"),
            order=20,
            shown=_uses_assurance,
        ),
    ),
    staff_links=(
        StaffLink(
            "assurance",
            "Rounds, returns and reviews",
            lambda request: reverse("assurance:home"),
            _reviews_or_runs,
            order=10,
            description="Each round's dashboard: who has returned, ratings, submissions to review.",
        ),
        *(
            StaffLink(
                "assurance",
                text,
                lambda request, name=name: reverse(f"{name}:index"),
                admin_screen(model),
                order=order,
                description=description,
            )
            for order, (text, name, model, description) in enumerate(
                (
                    (
                        "Rounds: set up and open",
                        "section11_rounds",
                        "assurance.Round",
                        "Dates, the framework version used, the agencies invited.",
                    ),
                    (
                        "Frameworks",
                        "section11_frameworks",
                        "assurance.Framework",
                        "The sets of standards agencies assess themselves against.",
                    ),
                    (
                        "Framework versions",
                        "section11_versions",
                        "assurance.FrameworkVersion",
                        "Each version's standards; publish one for rounds to use.",
                    ),
                    (
                        "Local questions",
                        "section11_local_questions",
                        "assurance.LocalQuestion",
                        "Questions a partnership adds to a round of its own.",
                    ),
                ),
                start=20,
            )
        ),
    ),
    demo=_demo,
    demo_order=40,
    figures=FIGURES,
)
