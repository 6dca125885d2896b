"""Loads the demo's practice reviews and learning library for Westshire
(hub/demo/content/reviews.py): two rapid reviews (one part-way through its 15 working days,
one complete, in the last complete reporting year), a published local child safeguarding
practice review with recommendations and agencies' actions in every status (two of them
dated in that year, for the demo's yearly report), four 7-minute briefings and teams'
records of using them.

Rows are written as the services would have left them: each review's timeline copied from the
partnership's steps with working-day due dates, the steps up to today done, requests for
information with some returned, evidence files checked by content (small PDFs made the Hub's
one way) and the accepted ones signed off by the panel. The accounts recorded are the demo's
own: the review panel member for the panel's work, each agency's lead (or, where it has none,
the partnership admin acting for it).

A partnership that already has a review case record or a briefing is left as it is, so
loading twice changes nothing.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from hub.core.models import Agency
from hub.core.working_days import working_days_after, working_days_before
from hub.demo.content import reviews as content
from hub.demo.years import in_last_year
from hub.library.models import LibraryDocument
from hub.procedures.models import Chapter
from hub.reviews.models import (
    KIND_CODES,
    ActionEvidence,
    ActionStatus,
    AgencyAction,
    Briefing,
    InformationRequest,
    PublishedReview,
    Recommendation,
    Review,
    ReviewStatus,
    ReviewStep,
    TeamUse,
    Theme,
    TimelineStep,
)

PANEL = "panel@westshire.example"
ADMIN = "admin@westshire.example"


def load_reviews(consortium, partnerships, today=None):
    """Westshire's demo reviews and learning, unless it has some; returns how many review
    case records were created."""
    partnership = partnerships.get("westshire")
    if partnership is None:
        return 0
    if (
        Review.objects.filter(partnership=partnership).exists()
        or Briefing.objects.filter(partnership=partnership).exists()
    ):
        return 0
    return _DemoReviews(partnership, today or timezone.localdate()).load()


class _DemoReviews:
    def __init__(self, partnership, today):
        self.partnership = partnership
        self.today = today
        User = get_user_model()
        self.panel = User.objects.filter(email=PANEL).first()
        self.admin = User.objects.filter(email=ADMIN).first()
        self.numbers = {}

    def load(self):
        self.themes = self._themes()
        self.steps = self._timeline()
        in_progress = self._rapid_in_progress()
        complete = self._rapid_complete()
        local = self._local_review()
        published = self._published(local)
        self._recommendations(local)
        self._last_year_actions(local)
        briefings = self._briefings(published)
        self._team_uses(briefings)
        return len([in_progress, complete, local])

    # -- shared -----------------------------------------------------------------------------

    def _themes(self):
        themes = {}
        for name, slug in content.THEMES:
            themes[slug], _ = Theme.objects.get_or_create(
                partnership=self.partnership, slug=slug, defaults={"name": f"{name}"}
            )
        return themes

    def _timeline(self):
        from hub.reviews.cases import ensure_timeline

        ensure_timeline(self.partnership)
        return list(
            TimelineStep.objects.filter(partnership=self.partnership).order_by(
                "day", "position", "pk"
            )
        )

    def _agency(self, name):
        return Agency.objects.get(name=name)

    def _lead_of(self, agency):
        """The agency's demo lead, or the partnership admin acting for it."""
        from hub.core.models import RoleAssignment

        assignment = (
            RoleAssignment.objects.filter(role="agency_lead", agency=agency)
            .select_related("user")
            .first()
        )
        return assignment.user if assignment else self.admin

    def _review(self, spec, *, kind, notified_on, incident_on, **fields):
        year = (notified_on or incident_on).year
        number = Review.objects.filter(partnership=self.partnership, year=year).count() + 1
        review = Review.objects.create(
            partnership=self.partnership,
            kind=kind,
            year=year,
            number=number,
            reference=f"{KIND_CODES[kind]}-{year}-{number:02d}",
            age_band=spec["age_band"],
            summary=spec["summary"],
            incident_on=incident_on,
            notified_on=notified_on,
            rapid_review_due_on=working_days_after(notified_on, 15) if notified_on else None,
            opened_by=self.panel,
            **fields,
        )
        review.themes.set([self.themes[slug] for slug in spec["themes"]])
        return review

    def _copy_steps(self, review, *, done_until):
        """The review's timeline from the partnership's steps; those due by `done_until` done
        on their due date."""
        information_due = None
        for step in self.steps:
            due_on = working_days_after(review.notified_on, step.day)
            starts_on = (
                working_days_after(review.notified_on, step.first_day) if step.first_day else None
            )
            done = due_on <= done_until
            ReviewStep.objects.create(
                review=review,
                position=step.position,
                name=step.name,
                first_day=step.first_day,
                day=step.day,
                requests_information=step.requests_information,
                starts_on=starts_on,
                due_on=due_on,
                done_on=due_on if done else None,
                done_by=self.panel if done else None,
            )
            if step.requests_information and information_due is None:
                information_due = due_on
        return information_due or working_days_after(review.notified_on, 10)

    def _requests(self, review, spec, due_on):
        asked_on = working_days_after(review.notified_on, 1)
        for name, returned in spec["requests"]:
            agency = self._agency(name)
            returned_on = min(working_days_before(due_on, 1), self.today) if returned else None
            InformationRequest.objects.create(
                review=review,
                agency=agency,
                asked_on=asked_on,
                due_on=due_on,
                asked_by=self.panel,
                returned_on=returned_on,
                returned_by=self._lead_of(agency) if returned else None,
                summary=spec["returned_summary"] if returned else "",
                chronology_sent=returned,
            )

    # -- the reviews ------------------------------------------------------------------------

    def _rapid_in_progress(self):
        spec = content.RAPID_IN_PROGRESS
        notified_on = working_days_before(self.today, spec["notified_working_days_ago"])
        incident_on = notified_on - datetime.timedelta(
            days=spec["incident_days_before_notification"]
        )
        review = self._review(
            spec, kind=spec["kind"], notified_on=notified_on, incident_on=incident_on
        )
        # Steps due before today are done; today's and later are not.
        due = self._copy_steps(review, done_until=self.today - datetime.timedelta(days=1))
        self._requests(review, spec, due)
        return review

    def _rapid_complete(self):
        spec = content.RAPID_COMPLETE
        notified_on = _working_day_on_or_before(in_last_year(spec["notified_at"], self.today))
        incident_on = notified_on - datetime.timedelta(
            days=spec["incident_days_before_notification"]
        )
        sent_on = working_days_after(notified_on, spec["sent_working_days_after_notification"])
        review = self._review(
            spec,
            kind=spec["kind"],
            notified_on=notified_on,
            incident_on=incident_on,
            status=ReviewStatus.COMPLETED,
            rapid_review_sent_on=sent_on,
            decision=spec["decision"],
            decision_on=working_days_after(sent_on, 5),
        )
        due = self._copy_steps(review, done_until=sent_on)
        self._requests(review, spec, due)
        return review

    def _local_review(self):
        spec = content.LOCAL_REVIEW
        dates = {
            key: spec[key]
            for key in (
                "rapid_review_sent_on",
                "decision_on",
                "reviewer_commissioned_on",
                "draft_on",
                "final_on",
                "published_on",
                "removal_on",
            )
        }
        return self._review(
            spec,
            kind=spec["kind"],
            notified_on=spec["notified_on"],
            incident_on=spec["incident_on"],
            status=ReviewStatus.COMPLETED,
            decision="lcspr",
            **dates,
        )

    def _published(self, review):
        spec = content.PUBLISHED
        local = content.LOCAL_REVIEW
        published = PublishedReview.objects.create(
            partnership=self.partnership,
            review=review,
            kind=review.kind,
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            report=LibraryDocument.objects.filter(slug=spec["report_slug"]).first(),
            published=True,
            published_on=local["published_on"],
            removal_on=local["removal_on"],
            practice_until=local["practice_until"],
        )
        published.themes.set([self.themes[slug] for slug in spec["themes"]])
        published.chapters.set(
            Chapter.objects.for_partnership(self.partnership).filter(slug__in=spec["chapters"])
        )
        return published

    def _recommendations(self, review):
        for number, text, theme, actions in content.RECOMMENDATIONS:
            recommendation = Recommendation.objects.create(
                review=review, number=number, text=text, theme=self.themes[theme]
            )
            for agency_name, owner, action_text, due_months, status, evidence, note in actions:
                agency = self._agency(agency_name)
                lead = self._lead_of(agency)
                due_on = self.today + relativedelta(months=due_months)
                accepted = status == ActionStatus.EVIDENCE_ACCEPTED
                action = AgencyAction.objects.create(
                    recommendation=recommendation,
                    agency=agency,
                    owner_role=owner,
                    text=action_text,
                    due_on=due_on,
                    status=status,
                    progress_note=note,
                    updated_by=lead if status != ActionStatus.NOT_STARTED else None,
                    signed_off_on=due_on if accepted else None,
                    signed_off_by=self.panel if accepted else None,
                )
                if evidence:
                    self._evidence(action, evidence, lead)
            if all(a[4] == ActionStatus.EVIDENCE_ACCEPTED for a in actions):
                recommendation.closed_on = max(
                    self.today + relativedelta(months=a[3]) for a in actions
                )
                recommendation.closed_by = self.panel
                recommendation.save()

    def _last_year_actions(self, review):
        recommendations = {r.number: r for r in Recommendation.objects.filter(review=review)}
        for spec in content.LAST_YEAR_ACTIONS:
            number, agency_name, owner, text, due_at, status, evidence, note = spec
            agency = self._agency(agency_name)
            lead = self._lead_of(agency)
            due_on = in_last_year(due_at, self.today)
            accepted = status == ActionStatus.EVIDENCE_ACCEPTED
            action = AgencyAction.objects.create(
                recommendation=recommendations[number],
                agency=agency,
                owner_role=owner,
                text=text,
                due_on=due_on,
                status=status,
                progress_note=note,
                updated_by=lead,
                signed_off_on=due_on if accepted else None,
                signed_off_by=self.panel if accepted else None,
            )
            if evidence:
                self._evidence(action, evidence, lead)

    def _evidence(self, action, name, by):
        from hub.demo.library_files import pdf_bytes

        data = pdf_bytes(
            f"Evidence (demo): {action.owner_role}",
            [("What we did", [action.text, action.progress_note or "Done."])],
        )
        evidence = ActionEvidence(
            action=action,
            original_filename=name,
            kind="pdf",
            size_bytes=len(data),
            uploaded_by=by,
        )
        evidence.file.save(f"demo-{action.pk}-{name}", ContentFile(data), save=False)
        evidence.save()

    def _briefings(self, published):
        briefings = {}
        for spec in content.BRIEFINGS:
            briefing = Briefing.objects.create(
                partnership=self.partnership,
                published_review=published if spec["review"] else None,
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                background=spec["background"],
                why_it_matters=spec["why_it_matters"],
                key_findings=spec["key_findings"],
                what_to_remember=spec["what_to_remember"],
                what_to_do=spec["what_to_do"],
                questions=spec["questions"],
                further_reading=spec["further_reading"],
                published=True,
                published_on=self.today - relativedelta(months=spec["published_months_ago"]),
            )
            briefing.themes.set([self.themes[slug] for slug in spec["themes"]])
            briefings[spec["slug"]] = briefing
        return briefings

    def _team_uses(self, briefings):
        for slug, agency_name, size, months_ago, change in content.TEAM_USES:
            briefing = briefings[slug]
            agency = self._agency(agency_name)
            discussed_on = max(self.today - relativedelta(months=months_ago), briefing.published_on)
            TeamUse.objects.create(
                briefing=briefing,
                agency=agency,
                team_size=size,
                discussed_on=discussed_on,
                change=change,
                recorded_by=self._lead_of(agency),
            )


def _working_day_on_or_before(day):
    from hub.core.working_days import is_working_day

    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day
