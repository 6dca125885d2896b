"""Loads the demo section 11 self-assessment: Westshire's framework in two published versions,
a closed 2024 round to compare against, a 2026 round, run by Westshire with Northmoor
taking part, open for a few weeks with its submissions in every state, and between them
Westshire's smaller mid-point check in the last complete reporting year (for the demo's
yearly report).

Every state change goes through hub.assurance.services, as the people involved would have
made it: publishing, opening and closing rounds, starting (which carries last round's answers
and open actions forward), submitting, reviewing, challenging and answering, returning,
agreeing and closing. So the demo holds what real use leaves behind, audit log included.
What is only content is written as rows: the agencies' ratings and narratives, local
answers and the 2024 round's agreed ratings (each eight saves per submission through the
services, for forty submissions; as rows they keep the demo quick to load, and it loads at
the start of every test run). The mid-point check is rows throughout: through the services
it would leave audit entries dated in that year, among those an admin looks for there.
The services stamp everything "now"; the dates are then moved back to when each step would
have happened.

If the framework exists, nothing is loaded, so loading twice changes nothing. No email is
sent: the services' tasks go to a backend that only records them.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

from hub.assurance import services
from hub.assurance.dashboard import previous_ratings
from hub.assurance.models import (
    ActionPlanItem,
    ActionStatus,
    Answer,
    Challenge,
    ChallengeKind,
    Framework,
    FrameworkVersion,
    LocalAnswer,
    LocalQuestion,
    Round,
    RoundStatus,
    Standard,
    Submission,
    SubmissionStatus,
)
from hub.core.models import Agency, Partnership, Role, RoleAssignment
from hub.demo.content import assurance as content
from hub.demo.content.training import AGENCY_DOMAINS
from hub.demo.loader import QUIET
from hub.demo.people import confirmed_by_domain
from hub.demo.years import in_last_year

ADMINS = {"westshire": "admin@westshire.example", "northmoor": "admin@northmoor.example"}
REVIEWERS = {"westshire": "s11@westshire.example", "northmoor": "s11@northmoor.example"}

STEPS = ["not_started", "draft", "submitted", "under_review", "agreed", "closed"]


def load_assurance(now=None):
    """Create the demo section 11 framework and rounds if they are not there; return the
    number of submissions made."""
    now = now or timezone.now()
    with override_settings(TASKS=QUIET), transaction.atomic():
        partnerships = {p.slug: p for p in Partnership.objects.filter(slug__in=ADMINS)}
        if len(partnerships) < len(ADMINS):
            return 0
        if Framework.objects.filter(
            partnership=partnerships["westshire"], name=content.FRAMEWORK["name"]
        ).exists():
            return 0
        return _DemoLoader(partnerships, now).load()


class _DemoLoader:
    def __init__(self, partnerships, now):
        self.partnerships = partnerships
        self.now = now
        self.today = timezone.localdate(now)
        User = get_user_model()
        emails = [*ADMINS.values(), *REVIEWERS.values()]
        people = {user.email: user for user in User.objects.filter(email__in=emails)}
        self.admins = {slug: people[email] for slug, email in ADMINS.items()}
        self.reviewers = {slug: people[email] for slug, email in REVIEWERS.items()}
        self.agencies = list(
            Agency.objects.filter(name__in=content.STATES_2026).prefetch_related("partnerships")
        )
        self.agencies.sort(key=lambda agency: list(content.STATES_2026).index(agency.name))
        self.leads = self._load_leads()

    def load(self):
        version_1, version_2 = self._load_framework()
        previous = self._load_previous_round(version_1)
        current = self._load_current_round(version_2, previous)
        mid_point = self._load_mid_point(version_1, previous)
        return sum(r.submissions.count() for r in (previous, current, mid_point))

    # --- People ------------------------------------------------------------------------

    def _load_leads(self):
        """Each agency's safeguarding lead: the demo sign-in where there is one, otherwise a
        fictional lead with no password."""
        User = get_user_model()
        leads = {}
        for agency in self.agencies:
            domain = AGENCY_DOMAINS.get(agency.name) or content.MORE_DOMAINS[agency.name]
            email = f"lead@{domain}"
            lead = User.objects.filter(email=email).first()
            if lead is None:
                first, last = content.AGENCY_LEADS[agency.name]
                home = self._home_partnership(agency)
                lead = User.objects.create_user(
                    email=email,
                    password=None,
                    first_name=first,
                    last_name=last,
                    partnership=home,
                    agency=agency,
                    job_role="Designated safeguarding lead (demo)",
                    **confirmed_by_domain(),
                )
                RoleAssignment.objects.create(
                    user=lead, role=Role.AGENCY_LEAD, partnership=home, agency=agency
                )
            leads[agency.pk] = lead
        return leads

    def _home_partnership(self, agency):
        slugs = {p.slug for p in agency.partnerships.all()}
        return self.partnerships["westshire" if "westshire" in slugs else "northmoor"]

    def _side(self, submission):
        """The partnership whose reviewer and admin act on `submission`: Westshire where it
        is shared with Westshire, else Northmoor."""
        slugs = {p.slug for p in submission.shared_with.all()}
        return "westshire" if "westshire" in slugs else "northmoor"

    # --- The framework -----------------------------------------------------------------

    def _load_framework(self):
        admin = self.admins["westshire"]
        framework = Framework.objects.create(
            partnership=self.partnerships["westshire"],
            name=content.FRAMEWORK["name"],
            description=content.FRAMEWORK["description"],
            is_demo=True,
        )
        version_1 = FrameworkVersion.objects.create(
            framework=framework,
            number=1,
            rating_scale="rag",
            introduction=content.INTRODUCTIONS[1],
        )
        Standard.objects.bulk_create(
            Standard(
                version=version_1,
                sort_order=number,
                key=spec["key"],
                number=str(number),
                title=spec["title"],
                summary=spec["summary"],
                sub_standards="\n".join(spec["sub_standards"]),
                guidance=spec["guidance"],
                evidence_prompts="\n".join(spec["evidence_prompts"]),
            )
            for number, spec in enumerate(content.STANDARDS, start=1)
        )
        services.framework_version_publish(by=admin, version=version_1)
        # Version 2 is made as an admin would: copied from version 1, edited, published.
        version_2 = services.framework_version_copy(by=admin, version=version_1)
        version_2.introduction = content.INTRODUCTIONS[2]
        version_2.save(update_fields=["introduction"])
        for standard in version_2.standards.all():
            changes = content.VERSION_2_CHANGES.get(standard.key, {})
            if "title" in changes:
                standard.title = changes["title"]
            if "sub_standards" in changes:
                standard.sub_standards = "\n".join(changes["sub_standards"])
            standard.save()
        services.framework_version_publish(by=admin, version=version_2)
        # Published when each round was being set up.
        FrameworkVersion.objects.filter(pk=version_1.pk).update(
            published_at=self._at(content.PREVIOUS_ROUND["opens_on"] - datetime.timedelta(days=21))
        )
        FrameworkVersion.objects.filter(pk=version_2.pk).update(
            published_at=self._at(self._current_opens_on() - datetime.timedelta(days=30))
        )
        return version_1, version_2

    # --- The 2024 round ----------------------------------------------------------------

    def _load_previous_round(self, version):
        spec = content.PREVIOUS_ROUND
        invited = [a for a in self.agencies if a.name not in content.NEW_SINCE_2024]
        round_ = self._create_round(
            version, spec["title"], spec["opens_on"], spec["due_on"], invited, previous=None
        )
        admin = self.admins["westshire"]
        services.round_open(by=admin, round_=round_)
        submissions = self._submissions(round_)
        for index, submission in enumerate(submissions):
            if submission.agency.name in content.NEVER_STARTED_2024:
                continue
            lead = self.leads[submission.agency_id]
            services.submission_start(by=lead, submission=submission)
            self._write_answers(submission, lead, self._ratings(index, 2024), updated=False)
            self._add_actions(submission, lead, index, previous=True)
            services.submission_submit(by=lead, submission=submission)
            reviewer = self.reviewers[self._side(submission)]
            services.review_start(by=reviewer, submission=submission)
            self._write_agreed_ratings(submission, reviewer, index)
            services.submission_agree(by=reviewer, submission=submission)
        services.round_close(by=admin, round_=round_)
        self._date_previous_round(round_, submissions)
        return round_

    def _date_previous_round(self, round_, submissions):
        opened = self._at(round_.opens_on)
        closed = self._at(content.PREVIOUS_ROUND["closed_on"], hour=16)
        Round.objects.filter(pk=round_.pk).update(opened_at=opened, closed_at=closed)
        round_log = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Round), object_id=str(round_.pk)
        )
        round_log.filter(action="hub.assurance.round_opened").update(timestamp=opened)
        round_log.filter(action="hub.assurance.round_closed").update(timestamp=closed)
        submission_type = ContentType.objects.get_for_model(Submission)
        for index, submission in enumerate(submissions):
            if submission.agency.name in content.NEVER_STARTED_2024:
                continue
            started = opened + datetime.timedelta(days=2 + index % 9)
            submitted = opened + datetime.timedelta(days=60 + index * 2)
            review = submitted + datetime.timedelta(days=10)
            agreed = review + datetime.timedelta(days=21)
            Submission.objects.filter(pk=submission.pk).update(
                started_at=started,
                submitted_at=submitted,
                review_started_at=review,
                agreed_at=agreed,
                closed_at=closed,
            )
            Answer.objects.filter(submission=submission).update(agreed_at=agreed)
            ModelLogEntry.objects.filter(
                content_type=submission_type, object_id=str(submission.pk)
            ).update(timestamp=agreed)

    # --- The 2026 round ----------------------------------------------------------------

    def _current_opens_on(self):
        return self.today - datetime.timedelta(days=content.CURRENT_OPENED_DAYS_AGO)

    def _load_current_round(self, version, previous):
        opens_on = self._current_opens_on()
        due_on = self.today + datetime.timedelta(days=content.CURRENT_DUE_IN_DAYS)
        round_ = self._create_round(
            version, content.CURRENT_TITLE, opens_on, due_on, self.agencies, previous=previous
        )
        self._add_local_questions(round_)
        services.round_open(by=self.admins["westshire"], round_=round_)
        Round.objects.filter(pk=round_.pk).update(opened_at=self._at(opens_on))
        for index, submission in enumerate(self._submissions(round_)):
            state, detail = content.STATES_2026[submission.agency.name]
            _CurrentSubmission(self, submission, index, state, detail).build()
        return round_

    def _add_local_questions(self, round_):
        for order, (slug, text, guidance, required) in enumerate(content.LOCAL_QUESTIONS):
            LocalQuestion.objects.create(
                round=round_,
                partnership=self.partnerships[slug],
                text=text,
                guidance=guidance,
                is_required=required,
                sort_order=order,
            )

    # --- The mid-point check in the last complete reporting year ------------------------

    def _load_mid_point(self, version, previous):
        """Westshire's check on a few of its agencies, closed, each returned self-assessment
        agreed as it stood: most ratings as in 2024 or a level higher, one plan's action
        done and one under way."""
        spec = content.MID_POINT
        westshire = self.partnerships["westshire"]
        opens_on = in_last_year(spec["opens_at"], self.today)
        due_on = opens_on + datetime.timedelta(days=56)
        closed_on = due_on + datetime.timedelta(days=42)
        agencies = [a for a in self.agencies if a.name in spec["agencies"]]
        round_ = Round.objects.create(
            partnership=westshire,
            title=spec["title"].format(year=opens_on.year),
            framework_version=version,
            opens_on=opens_on,
            due_on=due_on,
            previous_round=previous,
            status=RoundStatus.CLOSED,
            opened_at=self._at(opens_on),
            closed_at=self._at(closed_on, hour=16),
            is_demo=True,
        )
        round_.partnerships.set([westshire])
        round_.agencies.set(agencies)
        opened = self._at(opens_on)
        submissions = Submission.objects.bulk_create(
            Submission(round=round_, agency=agency, **self._mid_point_dates(agency, index, opened))
            for index, agency in enumerate(agencies)
        )
        Submission.shared_with.through.objects.bulk_create(
            Submission.shared_with.through(submission_id=s.pk, partnership_id=westshire.pk)
            for s in submissions
        )
        returned = [s for s in submissions if s.status == SubmissionStatus.CLOSED]
        self._mid_point_answers(round_, returned, version)
        self._mid_point_actions(returned, version)
        return round_

    def _mid_point_dates(self, agency, index, opened):
        if agency.name == content.MID_POINT["not_returned"]:
            return {"status": SubmissionStatus.DRAFT}
        submitted = opened + datetime.timedelta(days=30 + 3 * index)
        return {
            "status": SubmissionStatus.CLOSED,
            "started_at": opened + datetime.timedelta(days=2 + index),
            "submitted_at": submitted,
            "submitted_by": self.leads[agency.pk],
            "review_started_at": submitted + datetime.timedelta(days=7),
            "agreed_at": submitted + datetime.timedelta(days=21),
            "closed_at": opened + datetime.timedelta(days=98),
        }

    def _mid_point_answers(self, round_, submissions, version):
        before = previous_ratings(round_, {s.agency_id for s in submissions})
        reviewer = self.reviewers["westshire"]
        standards = list(version.standards.all())
        answers = []
        for index, submission in enumerate(submissions):
            for place, standard in enumerate(standards):
                _scale, was = before.get((submission.agency_id, standard.key), ("rag", 2))
                rating = min(3, was + (1 if (index + place) % 3 == 0 else 0))
                if (index + place) % 11 == 5:
                    rating = max(1, was - 1)
                answers.append(
                    Answer(
                        submission=submission,
                        standard=standard,
                        rating=rating,
                        narrative=_narrative(standard.key, rating, updated=True),
                        updated_by=self.leads[submission.agency_id],
                        agreed_rating=rating,
                        agreed_by=reviewer,
                        agreed_at=submission.agreed_at,
                    )
                )
        Answer.objects.bulk_create(answers)

    def _mid_point_actions(self, submissions, version):
        standards = {s.key: s for s in version.standards.all()}
        actions = []
        for index, submission in enumerate(submissions):
            key, description, owner = content.ACTIONS[(index + 1) % len(content.ACTIONS)]
            done = index % 2 == 0
            actions.append(
                ActionPlanItem(
                    submission=submission,
                    standard=standards.get(key),
                    description=description,
                    owner_role=owner,
                    due_on=submission.submitted_at.date() + datetime.timedelta(days=120),
                    status=ActionStatus.COMPLETE if done else ActionStatus.IN_PROGRESS,
                    progress_note=content.PROGRESS["complete" if done else "in_progress"],
                )
            )
        ActionPlanItem.objects.bulk_create(actions)
        ActionPlanItem.objects.filter(submission__in=submissions).update(
            created_at=min(s.started_at for s in submissions)
        )

    # --- Shared steps --------------------------------------------------------------------

    def _create_round(self, version, title, opens_on, due_on, agencies, *, previous):
        round_ = Round.objects.create(
            partnership=self.partnerships["westshire"],
            title=title,
            framework_version=version,
            opens_on=opens_on,
            due_on=due_on,
            reminder_days=14,
            previous_round=previous,
            is_demo=True,
        )
        round_.partnerships.set(self.partnerships.values())
        round_.agencies.set(agencies)
        return round_

    def _submissions(self, round_):
        order = list(content.STATES_2026)
        submissions = list(
            round_.submissions.select_related("agency", "round__framework_version")
            .prefetch_related("shared_with")
            .order_by("pk")
        )
        submissions.sort(key=lambda submission: order.index(submission.agency.name))
        return submissions

    def _ratings(self, index, year):
        pattern = content.RATING_PATTERNS[index % len(content.RATING_PATTERNS)]
        ratings = [int(digit) for digit in pattern]
        if year == 2024:
            ratings = [
                max(1, rating - (1 if (index + place) % 3 == 0 else 0))
                for place, rating in enumerate(ratings)
            ]
        return ratings

    def _write_answers(self, submission, lead, ratings, *, updated, only=None):
        """The agency's ratings and narratives, written as rows (the content of the
        self-assessment, not a step in it). `only` limits it to the first few standards."""
        answers = list(
            Answer.objects.filter(submission=submission)
            .select_related("standard")
            .order_by("standard__sort_order")
        )
        if only is not None:
            answers = answers[:only]
        for answer, rating in zip(answers, ratings, strict=False):
            answer.rating = rating
            answer.narrative = _narrative(answer.standard.key, rating, updated=updated)
            answer.carried_forward = False
            answer.updated_by = lead
        Answer.objects.bulk_update(
            answers, ["rating", "narrative", "carried_forward", "updated_by"]
        )

    def _write_agreed_ratings(self, submission, reviewer, index):
        answers = list(
            Answer.objects.filter(submission=submission).order_by("standard__sort_order")
        )
        for place, answer in enumerate(answers):
            lower = (index + place) % 7 == 2 and answer.rating > 1
            answer.agreed_rating = answer.rating - 1 if lower else answer.rating
            answer.agreed_note = content.MODERATION_NOTE if lower else ""
            answer.agreed_by = reviewer
            answer.agreed_at = self.now
        Answer.objects.bulk_update(
            answers, ["agreed_rating", "agreed_note", "agreed_by", "agreed_at"]
        )

    def _add_actions(self, submission, lead, index, *, previous):
        """Two actions in a 2024 plan, due in 2024 and 2025, the first done in half of them
        (the rest come forward into 2026, by then overdue); one new action in a 2026 plan,
        due in three months or, for a third of the agencies, already overdue."""
        standards = {s.key: s for s in submission.round.framework_version.standards.all()}
        if previous:
            picks = [
                (content.ACTIONS[index % len(content.ACTIONS)], datetime.date(2024, 12, 31)),
                (content.ACTIONS[(index + 4) % len(content.ACTIONS)], datetime.date(2025, 6, 30)),
            ]
        else:
            due = self.today + datetime.timedelta(days=-12 if index % 3 == 0 else 90)
            picks = [(content.ACTIONS[(index + 2) % len(content.ACTIONS)], due)]
        for number, ((key, description, owner), due_on) in enumerate(picks):
            action = services.action_add(
                by=lead,
                submission=submission,
                standard=standards.get(key),
                description=description,
                owner_role=owner,
                due_on=due_on,
            )
            if previous and number == 0 and index % 2 == 0:
                services.action_update(
                    by=lead,
                    action=action,
                    status=ActionStatus.COMPLETE,
                    progress_note=content.PROGRESS["complete"],
                )
            elif not previous and due_on < self.today:
                services.action_update(
                    by=lead,
                    action=action,
                    status=ActionStatus.IN_PROGRESS,
                    progress_note=content.PROGRESS["in_progress"],
                )

    def _at(self, day, hour=9):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


class _CurrentSubmission:
    """One agency's 2026 self-assessment, taken as far as its state says."""

    def __init__(self, loader, submission, index, state, detail):
        self.loader = loader
        self.submission = submission
        self.index = index
        self.state = state
        self.detail = detail
        self.lead = loader.leads[submission.agency_id]
        side = loader._side(submission)
        self.reviewer = loader.reviewers[side]
        self.admin = loader.admins[side]
        self.ratings = loader._ratings(index, 2026)

    def build(self):
        if self.state == "not_started":
            return
        services.submission_start(by=self.lead, submission=self.submission)
        if self.state == "draft":
            self._draft()
        else:
            self._complete()
            services.submission_submit(by=self.lead, submission=self.submission)
            if self.state == "returned":
                self._returned()
            elif self.state != "submitted":
                services.review_start(by=self.reviewer, submission=self.submission)
                self._review()
        self._date()

    def _draft(self):
        """Part done: some carried-forward answers reviewed (the lead's own saves through the
        service for the demo sign-in), or some new answers written."""
        carried = self.submission.answers.filter(carried_forward=True).exists()
        if carried and self.lead.has_usable_password():
            standards = list(self.submission.round.framework_version.standards.all())
            for standard, rating in zip(standards[: self.detail], self.ratings, strict=False):
                services.answer_save(
                    by=self.lead,
                    submission=self.submission,
                    standard=standard,
                    rating=rating,
                    narrative=_narrative(standard.key, rating, updated=True),
                )
        elif self.detail:
            self.loader._write_answers(
                self.submission, self.lead, self.ratings, updated=carried, only=self.detail
            )
        if self.index % 2 == 0:
            self.loader._add_actions(self.submission, self.lead, self.index, previous=False)

    def _complete(self):
        """Every answer and local answer written and every carried-forward action reviewed,
        as the agency would before submitting."""
        self.loader._write_answers(self.submission, self.lead, self.ratings, updated=True)
        questions = services.local_questions_for(self.submission)
        LocalAnswer.objects.bulk_create(
            LocalAnswer(
                submission=self.submission,
                question=question,
                text=_local_answer(question),
            )
            for question in questions
        )
        for number, action in enumerate(self.submission.actions.filter(carried_forward=True)):
            done = (self.index + number) % 3 == 0
            services.action_update(
                by=self.lead,
                action=action,
                status=ActionStatus.COMPLETE if done else ActionStatus.IN_PROGRESS,
                progress_note=content.PROGRESS["complete" if done else "in_progress"],
            )
        if any(rating < 3 for rating in self.ratings):
            self.loader._add_actions(self.submission, self.lead, self.index, previous=False)

    def _returned(self):
        services.review_start(by=self.reviewer, submission=self.submission)
        services.challenge_raise(
            by=self.reviewer,
            submission=self.submission,
            kind=ChallengeKind.COMMENT,
            text=content.CHALLENGES[3][2],
        )
        services.submission_return(
            by=self.reviewer,
            submission=self.submission,
            reason=content.RETURN_REASONS[self.detail % len(content.RETURN_REASONS)],
        )

    def _review(self):
        """Challenges raised (and, from agreed on, all answered), agreed ratings recorded."""
        standards = {s.key: s for s in self.submission.round.framework_version.standards.all()}
        finished = STEPS.index(self.state) >= STEPS.index("agreed")
        picks = [0, 1] if finished else [self.detail % 5, (self.detail + 2) % 5]
        for number, pick in enumerate(picks):
            key, kind, text, response = content.CHALLENGES[pick]
            # On a shared submission, each partnership's reviewer asks their own question.
            reviewer = self.reviewer
            if number == 1 and self.submission.shared_with.count() > 1:
                reviewer = self.loader.reviewers["northmoor"]
            challenge = services.challenge_raise(
                by=reviewer,
                submission=self.submission,
                kind=kind,
                text=text,
                standard=standards.get(key) if key else None,
            )
            answered = response if not finished else (response or content.CHALLENGES[0][3])
            if kind == ChallengeKind.CHALLENGE and answered and (finished or number == 0):
                services.challenge_respond(by=self.lead, challenge=challenge, response=answered)
        agreed_upto = len(standards) if finished else self.detail * 2
        for place, standard in enumerate(list(standards.values())[:agreed_upto]):
            rating = self.ratings[place]
            lower = (self.index + place) % 5 == 1 and rating > 1
            services.agreed_rating_record(
                by=self.reviewer,
                submission=self.submission,
                standard=standard,
                rating=rating - 1 if lower else rating,
                note=content.MODERATION_NOTE if lower else "",
            )
        if finished:
            services.submission_agree(by=self.reviewer, submission=self.submission)
        if self.state == "closed":
            services.submission_close(by=self.admin, submission=self.submission)

    def _date(self):
        """Move each step back to a plausible day since the round opened."""
        opened = self.loader._at(self.loader._current_opens_on())
        started = opened + datetime.timedelta(days=1 + self.index % 5, hours=self.index % 6)
        submitted = opened + datetime.timedelta(days=8 + self.index % 6, hours=2)
        review = submitted + datetime.timedelta(days=2)
        submission = Submission.objects.get(pk=self.submission.pk)
        dates = {"started_at": started}
        if submission.submitted_at:
            dates["submitted_at"] = submitted
        if submission.review_started_at:
            dates["review_started_at"] = review
        if submission.returned_at:
            dates["returned_at"] = review + datetime.timedelta(days=3)
        if submission.agreed_at:
            dates["agreed_at"] = review + datetime.timedelta(days=4)
        if submission.closed_at:
            dates["closed_at"] = review + datetime.timedelta(days=5)
        Submission.objects.filter(pk=submission.pk).update(**dates)
        raised = review + datetime.timedelta(days=1)
        Challenge.objects.filter(submission=submission).update(raised_at=raised)
        Challenge.objects.filter(submission=submission, responded_at__isnull=False).update(
            responded_at=raised + datetime.timedelta(days=1)
        )
        Answer.objects.filter(submission=submission, agreed_at__isnull=False).update(
            agreed_at=review + datetime.timedelta(days=3)
        )
        ActionPlanItem.objects.filter(submission=submission).update(created_at=started)


def _narrative(key, rating, *, updated):
    strong, partly, gap = content.STANDARD_STORIES[key]
    text = content.NARRATIVES[rating].format(strong=strong, partly=partly, gap=gap)
    return f"{text} {content.UPDATED}" if updated else text


def _local_answer(question):
    answers = content.LOCAL_ANSWERS[question.partnership.slug]
    index = [q[1] for q in content.LOCAL_QUESTIONS if q[0] == question.partnership.slug].index(
        question.text
    )
    return answers[index % len(answers)]
