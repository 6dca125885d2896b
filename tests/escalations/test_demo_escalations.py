"""The demo's escalation protocols and its year of escalations: Westshire's protocol has four
stages and links to its protocol document, Northmoor's five; escalations between each
partnership's own agencies reach every stage and end with every outcome, some are open and
past their stage's target; their steps are in order and none is in the future; none of their
words would identify a child; loading again changes nothing."""

import pytest
from django.utils import timezone

from hub.core import identifiers
from hub.decision_aids.queries import guide_for
from hub.demo.escalations import load_escalations
from hub.escalations.models import EntryType, Escalation, Outcome, Protocol, Stage, Step
from hub.escalations.queries import is_overdue

pytestmark = pytest.mark.django_db


def escalations_of(partnership):
    return Escalation.objects.filter(partnership=partnership, entry_type=EntryType.ESCALATION)


def test_westshire_has_four_stages_and_its_document_and_northmoor_five(westshire, northmoor):
    ws, nm = (
        Protocol.objects.get(partnership=westshire),
        Protocol.objects.get(partnership=northmoor),
    )
    assert [stage.target_working_days for stage in ws.stages.all()] == [3, 5, 5, 10]
    assert ws.stages.count() == 4 and nm.stages.count() == 5
    assert ws.document.slug == "resolving-professional-differences-protocol"
    assert ws.document.partnership == westshire
    assert nm.document is None
    for protocol in (ws, nm):
        assert "(demo)" in protocol.title
        assert protocol.themes.count() == 6
        assert sorted(protocol.outcomes.values_list("name", flat=True)) == sorted(
            [
                "Resolved at this stage",
                "Original decision upheld",
                "Decision changed",
                "Referred on",
                "Withdrawn",
            ]
        )


def test_escalations_reach_every_stage_and_end_with_every_outcome(westshire, northmoor):
    for partnership in (westshire, northmoor):
        protocol = Protocol.objects.get(partnership=partnership)
        rows = escalations_of(partnership)
        assert set(rows.values_list("stage", flat=True)) == set(
            protocol.stages.values_list("pk", flat=True)
        )
        assert set(rows.exclude(closed_on=None).values_list("outcome", flat=True)) == set(
            protocol.outcomes.values_list("pk", flat=True)
        )
        open_rows = list(rows.open().select_related("stage"))
        assert open_rows and all(row.outcome_id is None for row in open_rows)
        overdue = [row for row in open_rows if is_overdue(row)]
        assert overdue and len(overdue) < len(open_rows)
        assert Escalation.objects.filter(
            partnership=partnership, entry_type=EntryType.GOOD_PRACTICE, stage=None
        ).exists()


def test_the_log_covers_about_a_year_up_to_today(westshire):
    today = timezone.localdate()
    days = [row.raised_on for row in Escalation.objects.filter(partnership=westshire)]
    assert max(days) <= today
    assert (today - min(days)).days > 270
    assert (today - min(days)).days <= 370


def test_every_escalations_steps_are_consistent_and_none_is_in_the_future():
    today = timezone.localdate()
    rows = Escalation.objects.prefetch_related("steps").select_related("protocol")
    assert rows.count() >= 60
    for escalation in rows:
        steps = list(escalation.steps.all())
        dates = [step.on for step in steps]
        assert dates == sorted(dates), escalation
        assert dates[-1] <= today, escalation
        assert steps[0].kind == Step.Kind.RAISED and steps[0].on == escalation.raised_on
        if escalation.entry_type == EntryType.GOOD_PRACTICE:
            assert escalation.stage is None and escalation.outcome is None
            continue
        moves = [step for step in steps if step.kind in (Step.Kind.RAISED, Step.Kind.MOVED)]
        order = list(escalation.protocol.stages.values_list("pk", flat=True))
        assert [step.stage_id for step in moves] == order[: len(moves)], escalation
        assert moves[-1].stage_id == escalation.stage_id
        assert moves[-1].on == escalation.stage_started_on
        closed = [step for step in steps if step.kind == Step.Kind.CLOSED]
        if escalation.closed_on is None:
            assert not closed and escalation.outcome is None
        else:
            assert [step.on for step in closed] == [escalation.closed_on]
            assert steps[-1].kind == Step.Kind.CLOSED
            assert escalation.outcome.protocol_id == escalation.protocol_id


def test_references_follow_the_protocols_prefix_year_and_number():
    for escalation in Escalation.objects.select_related("protocol"):
        assert escalation.reference == (
            f"{escalation.protocol.reference_prefix}-{escalation.year}-{escalation.number:04d}"
        )
        assert escalation.year == escalation.raised_on.year


def test_no_free_text_would_identify_a_child():
    texts = list(Escalation.objects.values_list("summary", flat=True))
    texts += [note for note in Step.objects.values_list("note", flat=True) if note]
    assert len(texts) > 100
    for text in texts:
        assert identifiers.passes(text), text
        assert len(text) <= 500


def test_both_agencies_and_the_level_belong_to_the_escalations_partnership(westshire, northmoor):
    for partnership in (westshire, northmoor):
        agencies = set(partnership.agencies.values_list("pk", flat=True))
        levels = set(guide_for(partnership).levels.values_list("pk", flat=True))
        rows = Escalation.objects.filter(partnership=partnership)
        for escalation in rows:
            assert escalation.raising_agency_id in agencies
            assert escalation.receiving_agency_id in agencies
            assert escalation.raising_agency_id != escalation.receiving_agency_id
            assert escalation.level_id in levels
            assert escalation.raised_by is not None
            assert escalation.raised_by.agency_id == escalation.raising_agency_id
            assert escalation.theme.protocol.partnership_id == partnership.pk
        assert len({row.raising_agency_id for row in rows}) >= 6


def test_the_demo_practitioner_has_raised_escalations(westshire):
    raised = Escalation.objects.filter(raised_by__email="practitioner@westbury-academy.example")
    assert raised.exists()


def test_loading_the_escalations_again_creates_nothing(westshire, northmoor):
    before = (
        Protocol.objects.count(),
        Stage.objects.count(),
        Outcome.objects.count(),
        Escalation.objects.count(),
        Step.objects.count(),
    )
    created = load_escalations(
        westshire.consortium, {"westshire": westshire, "northmoor": northmoor}
    )
    assert created == 0
    assert before == (
        Protocol.objects.count(),
        Stage.objects.count(),
        Outcome.objects.count(),
        Escalation.objects.count(),
        Step.objects.count(),
    )
