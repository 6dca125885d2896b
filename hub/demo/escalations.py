"""Loads the demo's escalation protocols and a year of escalations (hub/demo/content/
escalations.py): Westshire's protocol with four stages, linked to its protocol document in
the demo library, and Northmoor's with five; escalations between each partnership's agencies
in every stage and with every outcome, some still open and some of those past their stage's
target, and good practice recorded between agencies; among them one that sat past its
stage's target over the end of the last complete reporting year (hub/demo/years.py), for the
demo's yearly report.

Escalations and their steps are written as rows, as the recording services would have left
them: a "raised" step, a "moved" step for each later stage, sometimes the receiving agency's
response, and a "closed" step for the closed ones, with dates in order and counted in working
days (hub/core/working_days.py) back from today, so the demo stays current. People appear by
role level; the accounts recorded are the demo's own staff of each agency.

A partnership that has a protocol is left as it is, so loading twice changes nothing. The
protocols' titles say "(demo)"; the escalations belong to the demo partnerships.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from hub.core.models import Role, RoleAssignment
from hub.core.working_days import is_working_day, working_days_after, working_days_before
from hub.decision_aids.queries import guide_for
from hub.demo.content import escalations as content
from hub.demo.years import last_complete_year
from hub.escalations.models import (
    EntryType,
    Escalation,
    Outcome,
    Protocol,
    RoleLevel,
    Stage,
    Step,
    Theme,
)
from hub.library.models import LibraryDocument

ADMINS = {"westshire": "admin@westshire.example", "northmoor": "admin@northmoor.example"}

# How many escalations each partnership holds that are closed, and still open.
CLOSED = {"westshire": 24, "northmoor": 18}
OPEN = {"westshire": 8, "northmoor": 7}
GOOD_PRACTICE = {"westshire": 5, "northmoor": 3}

# The order outcomes come round in (every one is used).
OUTCOME_TURNS = ["resolved", "changed", "upheld", "resolved", "withdrawn", "referred", "changed"]


def load_escalations(consortium, partnerships, today=None):
    """Create each demo partnership's protocol and escalations unless it has a protocol;
    return how many escalations (and good practice entries) were created."""
    today = today or timezone.localdate()
    created = 0
    for slug, spec in content.PROTOCOLS.items():
        partnership = partnerships.get(slug)
        if partnership is None or Protocol.objects.filter(partnership=partnership).exists():
            continue
        with transaction.atomic():
            protocol = _load_protocol(partnership, spec)
            created += _DemoLog(partnership, protocol, today).load()
    return created


def _load_protocol(partnership, spec):
    document = None
    if spec["document"]:
        document = LibraryDocument.objects.filter(
            slug=spec["document"], partnership=partnership
        ).first()
    protocol = Protocol.objects.create(
        partnership=partnership,
        title=spec["title"],
        reference_prefix=spec["reference_prefix"],
        document=document,
        records_good_practice=spec["records_good_practice"],
    )
    for order, (name, who, target, _) in enumerate(spec["stages"]):
        Stage.objects.create(
            protocol=protocol, sort_order=order, name=name, who=who, target_working_days=target
        )
    for order, name in enumerate(content.THEMES.values()):
        Theme.objects.create(protocol=protocol, sort_order=order, name=name)
    for order, name in enumerate(content.OUTCOMES.values()):
        Outcome.objects.create(protocol=protocol, sort_order=order, name=name)
    return protocol


def _on_or_before(day):
    while not is_working_day(day):
        day = working_days_before(day, 1)
    return day


class _DemoLog:
    def __init__(self, partnership, protocol, today):
        self.partnership = partnership
        self.protocol = protocol
        self.today = _on_or_before(today)
        slug = partnership.slug
        self.slug = slug
        self.spec = content.PROTOCOLS[slug]
        self.stages = list(protocol.stages.order_by("sort_order"))
        self.roles = [RoleLevel(role) for *_, role in self.spec["stages"]]
        names = list(content.THEMES)
        self.themes = dict(zip(names, protocol.themes.order_by("sort_order"), strict=True))
        names = list(content.OUTCOMES)
        self.outcomes = dict(zip(names, protocol.outcomes.order_by("sort_order"), strict=True))
        self.agencies = {
            agency.name.removesuffix(content.DEMO): agency for agency in partnership.agencies.all()
        }
        guide = guide_for(partnership)
        self.levels = list(guide.levels.order_by("sort_order")) if guide is not None else [None]
        self.admin = get_user_model().objects.filter(email=ADMINS.get(slug)).first()
        self.people = {}

    # --- People --------------------------------------------------------------------------

    def _staff(self, agency):
        """(a practitioner or, failing one, any staff member; the agency's lead)."""
        if agency.pk not in self.people:
            User = get_user_model()
            staff = list(User.objects.filter(agency=agency, is_active=True).order_by("pk"))
            leads = set(
                RoleAssignment.objects.filter(agency=agency, role=Role.AGENCY_LEAD).values_list(
                    "user_id", flat=True
                )
            )
            with_roles = set(
                RoleAssignment.objects.filter(user__in=staff).values_list("user_id", flat=True)
            )
            plain = [person for person in staff if person.pk not in with_roles]
            lead = next((person for person in staff if person.pk in leads), None)
            raiser = plain[0] if plain else (lead or (staff[0] if staff else None))
            self.people[agency.pk] = (raiser, lead or raiser)
        return self.people[agency.pk]

    # --- The log ---------------------------------------------------------------------------

    def load(self):
        plans = self._closed_plans() + self._open_plans() + self._good_practice_plans()
        plans.append(self._over_the_year_end_plan())
        plans.sort(key=lambda plan: (plan["raised_on"], plan["turn"]))
        numbers = {}
        for plan in plans:
            year = plan["raised_on"].year
            numbers[year] = numbers.get(year, 0) + 1
            self._write(plan, year, numbers[year])
        return len(plans)

    def _pair(self, turn):
        pairs = content.PAIRS[self.slug]
        raising, receiving = pairs[turn % len(pairs)]
        return self.agencies[raising], self.agencies[receiving]

    def _durations(self, turn, reached):
        """Working days each stage up to `reached` took: about its target, now and then a
        day or two over."""
        return [
            max(1, self.stages[j].target_working_days - 1 + (turn + j) % 3)
            for j in range(reached + 1)
        ]

    def _stage_pattern(self):
        # Most escalations settle early; every stage is reached by some.
        last = len(self.stages) - 1
        pattern = [0, 1, 0, 2, 1, 0, 3, 1, 0, 2]
        pattern += [last] if last > 3 else []
        return [min(stage, last) for stage in pattern]

    def _closed_plans(self):
        plans = []
        count = CLOSED[self.slug]
        pattern = self._stage_pattern()
        for turn in range(count):
            reached = pattern[turn % len(pattern)]
            durations = self._durations(turn, reached)
            ago = 4 + turn * (200 // count)
            closed_on = working_days_before(self.today, ago)
            starts = self._starts_before(closed_on, durations)
            plans.append(
                {
                    "turn": turn,
                    "raised_on": starts[0],
                    "starts": starts,
                    "reached": reached,
                    "closed_on": closed_on,
                    "outcome": OUTCOME_TURNS[turn % len(OUTCOME_TURNS)],
                }
            )
        return plans

    def _open_plans(self):
        plans = []
        offset = CLOSED[self.slug]
        for index in range(OPEN[self.slug]):
            turn = offset + index
            reached = index % len(self.stages)
            target = self.stages[reached].target_working_days
            overdue = index % 2 == 0
            waited = target + 2 + index if overdue else 1
            durations = self._durations(turn, reached)
            durations[-1] = waited
            starts = self._starts_before(self.today, durations)
            plans.append(
                {
                    "turn": turn,
                    "raised_on": starts[0],
                    "starts": starts,
                    "reached": reached,
                    "closed_on": None,
                    "outcome": None,
                }
            )
        return plans

    def _good_practice_plans(self):
        offset = CLOSED[self.slug] + OPEN[self.slug]
        return [
            {
                "turn": offset + index,
                "raised_on": working_days_before(self.today, 8 + 45 * index),
                "good_practice": content.GOOD_PRACTICE[index % len(content.GOOD_PRACTICE)],
            }
            for index in range(GOOD_PRACTICE[self.slug])
        ]

    def _over_the_year_end_plan(self):
        """Raised late in the last complete reporting year, still at the first stage, past
        its target, when the year ended; moved on and resolved early in the next."""
        year_end = _on_or_before(last_complete_year(self.today)[1])
        first, second = self.stages[0], self.stages[1]
        raised_on = working_days_before(year_end, first.target_working_days + 4)
        moved_on = working_days_after(year_end, 2)
        return {
            "turn": CLOSED[self.slug] + OPEN[self.slug] + GOOD_PRACTICE[self.slug],
            "raised_on": raised_on,
            "starts": [raised_on, moved_on],
            "reached": 1,
            "closed_on": working_days_after(moved_on, second.target_working_days - 1),
            "outcome": "resolved",
        }

    @staticmethod
    def _starts_before(end, durations):
        """The dates each stage started, so that stage j lasted durations[j] working days
        and the last one ended at `end`."""
        starts = []
        current = end
        for days in reversed(durations):
            current = working_days_before(current, days)
            starts.append(current)
        return list(reversed(starts))

    def _write(self, plan, year, number):
        turn = plan["turn"]
        raising, receiving = self._pair(turn)
        raiser, raising_lead = self._staff(raising)
        _, receiving_lead = self._staff(receiving)
        common = {
            "partnership": self.partnership,
            "protocol": self.protocol,
            "reference": f"{self.protocol.reference_prefix}-{year}-{number:04d}",
            "year": year,
            "number": number,
            "raising_agency": raising,
            "receiving_agency": receiving,
            "raised_by": raiser,
            "level": self.levels[turn % len(self.levels)],
            "raised_on": plan["raised_on"],
        }
        if "good_practice" in plan:
            theme, summary = plan["good_practice"]
            escalation = Escalation.objects.create(
                **common,
                entry_type=EntryType.GOOD_PRACTICE,
                theme=self.themes[theme],
                summary=summary,
            )
            Step.objects.create(
                escalation=escalation,
                kind=Step.Kind.RAISED,
                side=Step.Side.RAISING,
                on=plan["raised_on"],
                role_level=RoleLevel.PRACTITIONER,
                recorded_by=raiser,
            )
            return escalation

        case = content.CASES[turn % len(content.CASES)]
        reached, starts = plan["reached"], plan["starts"]
        outcome = plan["outcome"]
        escalation = Escalation.objects.create(
            **common,
            entry_type=EntryType.ESCALATION,
            theme=self.themes[case["theme"]],
            summary=case["summary"],
            stage=self.stages[reached],
            stage_started_on=starts[reached],
            outcome=self.outcomes[outcome] if outcome else None,
            closed_on=plan["closed_on"],
        )
        steps = [
            Step(
                escalation=escalation,
                kind=Step.Kind.RAISED,
                side=Step.Side.RAISING,
                on=starts[0],
                stage=self.stages[0],
                role_level=self.roles[0],
                recorded_by=raiser,
            )
        ]
        for j in range(1, reached + 1):
            steps.append(
                Step(
                    escalation=escalation,
                    kind=Step.Kind.MOVED,
                    side=Step.Side.RAISING,
                    on=starts[j],
                    stage=self.stages[j],
                    role_level=self.roles[j],
                    note=case["moves"][j - 1],
                    recorded_by=raiser if j == 1 else raising_lead,
                )
            )
        end = plan["closed_on"] or self.today
        answered = working_days_after(starts[reached], 1)
        if turn % 3 != 1 and answered <= end:
            steps.append(
                Step(
                    escalation=escalation,
                    kind=Step.Kind.RESPONSE,
                    side=Step.Side.RECEIVING,
                    on=answered,
                    stage=self.stages[reached],
                    role_level=self.roles[reached],
                    note=case["response"],
                    recorded_by=receiving_lead,
                )
            )
        if plan["closed_on"] is not None:
            at_panel = self.roles[reached] == RoleLevel.PANEL
            steps.append(
                Step(
                    escalation=escalation,
                    kind=Step.Kind.CLOSED,
                    side=Step.Side.PARTNERSHIP if at_panel else Step.Side.RAISING,
                    on=plan["closed_on"],
                    stage=self.stages[reached],
                    role_level=self.roles[reached],
                    note=content.CLOSING_NOTES[outcome],
                    recorded_by=(self.admin if at_panel else raising_lead) or raiser,
                )
            )
        for step in steps:
            step.save()
        return escalation
