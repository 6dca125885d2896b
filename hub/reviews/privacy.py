"""What the practice-review domain holds about a person (declared in domain.py): only which
account did what, kept for accountability. Case records hold no child's or family's data by
design, and no person is named in them."""

from django.db.models import Q

from hub.reviews.models import (
    ActionEvidence,
    AgencyAction,
    InformationRequest,
    Recommendation,
    Review,
    ReviewStep,
    TeamUse,
)


def export(user):
    """What this person recorded, by the review's reference (never the case's contents:
    those are the partnership's, and restricted)."""
    requests = (
        InformationRequest.objects.filter(Q(asked_by=user) | Q(returned_by=user))
        .select_related("review", "agency")
        .order_by("pk")
    )
    actions = (
        AgencyAction.objects.filter(Q(updated_by=user) | Q(signed_off_by=user))
        .select_related("recommendation__review", "agency")
        .order_by("pk")
    )
    return {
        "review_case_records_opened": [
            review.reference for review in Review.objects.filter(opened_by=user)
        ],
        "timeline_steps_marked_done": [
            {"review": step.review.reference, "step": step.name, "on": str(step.done_on)}
            for step in ReviewStep.objects.filter(done_by=user).select_related("review")
        ],
        "requests_for_information": [
            {
                "review": request.review.reference,
                "agency": str(request.agency),
                "asked_by_you": request.asked_by_id == user.pk,
                "returned_by_you": request.returned_by_id == user.pk,
            }
            for request in requests
        ],
        "recommendations_closed": [
            f"{r.review.reference} recommendation {r.number}"
            for r in Recommendation.objects.filter(closed_by=user).select_related("review")
        ],
        "actions_updated_or_signed_off": [
            {
                "review": action.recommendation.review.reference,
                "recommendation": action.recommendation.number,
                "agency": str(action.agency),
                "last_updated_by_you": action.updated_by_id == user.pk,
                "signed_off_by_you": action.signed_off_by_id == user.pk,
            }
            for action in actions
        ],
        "evidence_uploaded": [
            {"file": evidence.original_filename, "uploaded_at": evidence.uploaded_at.isoformat()}
            for evidence in ActionEvidence.objects.filter(uploaded_by=user)
        ],
        "briefings_your_team_used": [
            {
                "briefing": use.briefing.title,
                "agency": str(use.agency),
                "team_size": use.get_team_size_display(),
                "discussed_on": use.discussed_on.isoformat(),
                "what_will_change": use.change,
            }
            for use in TeamUse.objects.filter(recorded_by=user).select_related("briefing", "agency")
        ],
    }
