"""The practice reviews domain: review case records on a working-day clock, recommendations
tracked to evidence, and the public learning library with 7-minute briefings
(hub/core/domains.py)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from hub.core.domains import (
    Domain,
    EvidenceSource,
    Figure,
    Job,
    Link,
    PersonalData,
    Retention,
    RoleDef,
    Searchable,
    StaffLink,
    Todo,
)
from hub.core.policy import Action
from hub.reviews.actions import MANAGE_CASES, MANAGE_LEARNING, PANEL_ROLE, VIEW_CASES

AUDIT_ACTIONS = {
    "hub.reviews.opened": "Review case record opened",
    "hub.reviews.viewed": "Review case record viewed",
    "hub.reviews.changed": "Review case record changed",
    "hub.reviews.step_done": "Review timeline step marked done",
    "hub.reviews.information_requested": "Information requested from an agency",
    "hub.reviews.information_request_viewed": "Request for information viewed",
    "hub.reviews.information_returned": "Information returned by an agency",
    "hub.reviews.recommendation_changed": "Review recommendation changed",
    "hub.reviews.action_changed": "Review action changed",
    "hub.reviews.action_viewed": "Review action viewed",
    "hub.reviews.evidence_uploaded": "Evidence uploaded for a review action",
    "hub.reviews.evidence_downloaded": "Evidence for a review action downloaded",
    "hub.reviews.evidence_removed": "Evidence for a review action removed",
    "hub.reviews.action_signed_off": "Review action signed off",
    "hub.reviews.tracker_viewed": "Recommendations tracker viewed",
    "hub.reviews.tracker_downloaded": "Recommendations tracker downloaded",
    "hub.reviews.learning_changed": "Published review or briefing changed",
    "hub.reviews.team_use_recorded": "A team's use of a briefing recorded",
    "hub.reviews.timeline_changed": "Rapid review timeline changed",
}


def _may(action):
    def shown(request):
        from hub.core.permissions import can

        return can(request.user, action)

    return shown


def _agency_work(request):
    """Requests for information or actions addressed to this person's agency, here."""
    from hub.reviews.queries import has_agency_work

    return has_agency_work(request)


def _figure(name):
    def compute(partnership, start, end):
        from hub.reviews import figures

        return getattr(figures, name)(partnership, start, end)

    return compute


def _export(user):
    from hub.reviews.privacy import export

    return export(user)


def _prune_reviews(now):
    from hub.reviews.retention import prune_reviews

    return prune_reviews(now)


def _prune_team_uses(now):
    from hub.reviews.retention import prune_team_uses

    return prune_team_uses(now)


def _remind(now):
    from hub.reviews.timeline import send_reminders

    return send_reminders(now)


def _todos(user):
    from hub.reviews.queries import todos

    return todos(user)


def _search_chunks(ids):
    from hub.reviews.search_index import chunks

    return chunks(ids)


def _changed(name):
    def affected(row):
        from hub.reviews import search_index

        return getattr(search_index, name)(row)

    return affected


def _team_records(agency, partnership):
    from hub.reviews.queries import team_use_evidence

    return team_use_evidence(agency, partnership)


def _demo(context):
    from hub.demo.reviews import load_reviews

    with transaction.atomic():
        load_reviews(context.consortium, context.partnerships)


_CASE_MODELS = (
    "reviews.Review",
    "reviews.ReviewStep",
    "reviews.InformationRequest",
    "reviews.Recommendation",
    "reviews.AgencyAction",
    "reviews.ActionEvidence",
)

DOMAIN = Domain(
    label="reviews",
    name="Practice reviews and learning",
    audit_actions=AUDIT_ACTIONS,
    actions={
        VIEW_CASES: "See the partnership's review case records, recommendations and actions",
        MANAGE_CASES: "Open and run review case records; ask agencies for information; "
        "sign off their actions",
        MANAGE_LEARNING: "Publish reviews and 7-minute briefings in the learning library; "
        "withdraw them",
    },
    roles=(
        RoleDef(
            PANEL_ROLE,
            "Review panel member",
            frozenset({VIEW_CASES, MANAGE_CASES, MANAGE_LEARNING, Action.ACCESS_ADMIN.value}),
        ),
    ),
    grants={
        "partnership_admin": (VIEW_CASES, MANAGE_CASES, MANAGE_LEARNING),
        "editor": (MANAGE_LEARNING,),
    },
    personal_data=(
        PersonalData(
            key="practice_reviews", models=(*_CASE_MODELS, "reviews.TeamUse"), export=_export
        ),
    ),
    retention=(
        Retention(
            what="Practice review case records: type, key dates, status, themes, an age band "
            "(never a child's name, date of birth or address), the timeline, which agencies "
            "were asked for information and when they returned it, recommendations, agencies' "
            "actions and their evidence files; which accounts did each",
            how_long=f"{settings.REVIEW_RETENTION_YEARS} years after the review closes "
            "(`REVIEW_RETENTION_YEARS`); the published review and its briefings stay",
            models=_CASE_MODELS,
            prune=_prune_reviews,
        ),
        Retention(
            what="Teams' records of discussing a 7-minute briefing: agency, team size band, "
            "date, one line on what will change, and who recorded it",
            how_long=f"{settings.REVIEW_RETENTION_YEARS} years after the discussion "
            "(`REVIEW_RETENTION_YEARS`)",
            models=("reviews.TeamUse",),
            prune=_prune_team_uses,
        ),
    ),
    jobs=(
        Job(
            "send_practice_review_reminders",
            _remind,
            at=datetime.time(7, 20),
            description="emails the review panel once when a rapid review's timeline step is "
            "overdue, and an agency's leads once when its information is overdue",
        ),
    ),
    # The learning library's public pages show published reviews, briefings and themes.
    cache_purge={
        "reviews.publishedreview": ("content",),
        "reviews.briefing": ("content",),
        "reviews.theme": ("content",),
    },
    search=(
        Searchable(
            kind="learning",
            label="Learning from reviews",
            chunks=_search_chunks,
            changes={
                "reviews.PublishedReview": _changed("published_review_changed"),
                "reviews.Briefing": _changed("briefing_changed"),
                "reviews.Theme": _changed("theme_changed"),
            },
            order=60,
        ),
    ),
    navigation=(
        Link(
            "Learning from reviews",
            lambda request: reverse("reviews:library"),
            order=30,
            active_for="reviews:library",
        ),
    ),
    account_links=(
        Link(
            "Practice reviews: requests for information and actions for your agency",
            lambda request: reverse("reviews:agency"),
            order=35,
            shown=_agency_work,
        ),
    ),
    staff_links=(
        StaffLink(
            "reviews",
            "Review case records",
            lambda request: reverse("reviews:cases"),
            _may(VIEW_CASES),
            order=10,
            description="Rapid reviews and practice reviews on their working-day timelines.",
        ),
        StaffLink(
            "reviews",
            "Recommendations tracker",
            lambda request: reverse("reviews:tracker"),
            _may(VIEW_CASES),
            order=20,
            description="Every review's recommendations and agencies' actions; XLSX export.",
        ),
        StaffLink(
            "reviews",
            "Rapid review timeline",
            lambda request: reverse("reviews_timeline:index"),
            _may(MANAGE_CASES),
            order=30,
            description="The steps of a rapid review and their working days.",
        ),
        StaffLink(
            "reviews",
            "Published reviews",
            lambda request: reverse("reviews_published:index"),
            _may(MANAGE_LEARNING),
            order=40,
            description="The learning library's reviews: summaries, reports, themes.",
        ),
        StaffLink(
            "reviews",
            "7-minute briefings",
            lambda request: reverse("reviews_briefings:index"),
            _may(MANAGE_LEARNING),
            order=50,
            description="Briefings in seven parts, as a page and a one-page PDF.",
        ),
        StaffLink(
            "reviews",
            "Learning themes",
            lambda request: reverse("reviews_themes:index"),
            _may(MANAGE_LEARNING),
            order=60,
            description="The themes reviews, recommendations and briefings are filed under.",
        ),
    ),
    todos=(Todo("review steps, information and actions past due", _todos),),
    figures=(
        Figure("Rapid reviews", "reviews", _figure("rapid_reviews")),
        Figure(
            "Rapid reviews sent within 15 working days", "reviews", _figure("rapid_reviews_on_time")
        ),
        Figure("Reviews published", "reviews", _figure("reviews_published")),
        Figure("Review actions signed off", "actions", _figure("actions_signed_off")),
        Figure("Review actions overdue", "actions", _figure("actions_overdue")),
        Figure("7-minute briefings published", "briefings", _figure("briefings_published")),
        Figure(
            "Team discussions of 7-minute briefings",
            "team discussions",
            _figure("team_uses"),
            breakdown=_figure("team_uses_by_briefing"),
        ),
        Figure(
            "Agencies whose teams used a 7-minute briefing",
            "agencies",
            _figure("agencies_using_briefings"),
            breakdown=_figure("team_uses_by_agency"),
        ),
    ),
    evidence_sources=(
        EvidenceSource(
            key="briefing_use",
            label="Your teams' discussions of 7-minute briefings",
            records=_team_records,
        ),
    ),
    demo=_demo,
    demo_order=80,
)
