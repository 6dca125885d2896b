"""Recording escalations: raising, moving through the protocol's stages, the receiving agency's
response, closing and correcting, with every bad input the issue names refused with a clear
message and nothing changed."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from wagtail.models import ModelLogEntry

from hub.escalations import services
from hub.escalations.models import EntryType, Escalation, RoleLevel, Step
from tests.escalations.conftest import NOW, RAISED_ON, level_of, raise_one, signed_in, stages_of

LATER = NOW + datetime.timedelta(days=30)


def messages_of(error):
    return " ".join(error.value.messages)


def audit_actions(escalation):
    return list(
        ModelLogEntry.objects.filter(object_id=str(escalation.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


# --- Raising ----------------------------------------------------------------------------------


def test_raising_gives_the_hubs_own_reference_the_first_stage_and_one_audit_entry(
    escalation, practitioner, council, police, protocol
):
    assert escalation.reference == "WS-RPD-2026-0001"
    assert escalation.raising_agency == council
    assert escalation.receiving_agency == police
    assert escalation.stage == stages_of(protocol)[0]
    assert escalation.stage_started_on == RAISED_ON
    step = escalation.steps.get()
    assert (step.kind, step.side, step.recorded_by) == ("raised", "raising", practitioner)
    assert audit_actions(escalation) == ["hub.escalations.raised"]


def test_references_count_up_within_the_year_and_start_again_the_next(
    escalation, practitioner, westshire, college, protocol
):
    second = raise_one(practitioner, westshire, college, protocol, summary="Another matter.")
    next_year = raise_one(
        practitioner,
        westshire,
        college,
        protocol,
        raised_on=datetime.date(2027, 1, 6),
        now=datetime.datetime(2027, 1, 6, 9, tzinfo=datetime.UTC),
    )
    assert second.reference == "WS-RPD-2026-0002"
    assert next_year.reference == "WS-RPD-2027-0001"


def test_an_agency_lead_raises_for_their_own_agency(council_lead, westshire, police, protocol):
    escalation = raise_one(council_lead, westshire, police, protocol)
    assert escalation.raising_agency_id == council_lead.agency_id


@pytest.mark.parametrize("receiving", ["council", "moorhampton"])
def test_the_receiving_agency_must_be_another_of_the_partnerships_agencies(
    receiving, practitioner, westshire, protocol, request
):
    agency = request.getfixturevalue(receiving)
    with pytest.raises(ValidationError) as error:
        raise_one(practitioner, westshire, agency, protocol)
    assert "receiving_agency" in error.value.error_dict
    assert not Escalation.objects.filter(partnership=westshire).exists()


def test_someone_whose_agency_is_not_the_partnerships_cannot_raise(
    staff, westshire, police, protocol
):
    outsider = staff(None, partnership="northmoor", agency="moorhampton")
    with pytest.raises(PermissionDenied):
        raise_one(outsider, westshire, police, protocol)


def test_a_level_of_need_from_another_guide_or_a_theme_from_another_protocol_is_refused(
    practitioner, westshire, northmoor, police, protocol, northmoor_protocol
):
    from hub.decision_aids.queries import guide_for

    if guide_for(northmoor).pk != guide_for(westshire).pk:
        with pytest.raises(ValidationError, match="levels of need"):
            raise_one(practitioner, westshire, police, protocol, level=level_of(northmoor))
    with pytest.raises(ValidationError, match="themes"):
        raise_one(
            practitioner, westshire, police, protocol, theme=northmoor_protocol.themes.first()
        )
    assert not Escalation.objects.filter(partnership=westshire).exists()


def test_a_raise_dated_in_the_future_is_refused(practitioner, westshire, police, protocol):
    with pytest.raises(ValidationError, match="today or in the past"):
        raise_one(
            practitioner, westshire, police, protocol, raised_on=RAISED_ON + datetime.timedelta(1)
        )
    assert not Escalation.objects.filter(partnership=westshire).exists()


def test_the_same_form_sent_twice_records_one_escalation(escalation, practitioner, westshire):
    with pytest.raises(ValidationError, match="already recorded this as WS-RPD-2026-0001"):
        raise_one(practitioner, westshire, escalation.receiving_agency, escalation.protocol)
    assert Escalation.objects.filter(partnership=westshire).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_raises_at_the_same_moment_get_different_numbers(racing_database):
    """Two practitioners raise at the same moment, each on their own connection: the
    protocol's lock (a row lock on PostgreSQL, the write lock of an IMMEDIATE transaction on
    SQLite) gives them consecutive numbers, and neither fails. Made on a partnership of its
    own: a transactional test may run on an emptied database."""
    from hub.core.models import Agency, Consortium, Partnership, User
    from hub.demo.people import confirmed_by_domain
    from tests.escalations.conftest import make_protocol

    consortium = Consortium.objects.create(name="Escalation race", slug="escalation-race")
    partnership = Partnership.objects.create(
        name="Escalation race partnership",
        short_name="Race",
        slug="escalation-race",
        consortium=consortium,
    )
    agencies = []
    for number in range(4):
        agency = Agency.objects.create(name=f"Race agency {number}", agency_type="school")
        agency.partnerships.add(partnership)
        agencies.append(agency)
    people = [
        User.objects.create_user(
            email=f"raiser{number}@race.example",
            partnership=partnership,
            agency=agencies[number],
            **confirmed_by_domain(),
        )
        for number in range(2)
    ]
    protocol = make_protocol(partnership, "RACE-RPD")
    theme = protocol.themes.order_by("sort_order").first()
    barrier = threading.Barrier(2)
    made, errors = [], []

    def raise_from(person, receiving):
        try:
            connection.ensure_connection()  # this thread's own, open before the off
            barrier.wait()
            made.append(
                services.escalation_raise(
                    by=person,
                    partnership=partnership,
                    receiving_agency=receiving,
                    level=None,  # the race partnership has no levels of need
                    theme=theme,
                    summary="The referral was not accepted at the threshold stage.",
                    raised_on=RAISED_ON,
                    now=NOW,
                ).reference
            )
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=raise_from, args=(person, receiving))
        for person, receiving in zip(people, agencies[2:], strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(made) == ["RACE-RPD-2026-0001", "RACE-RPD-2026-0002"]
    assert Escalation.objects.filter(partnership=partnership).count() == 2


def test_good_practice_has_no_stage_and_is_never_open(practitioner, westshire, college, protocol):
    entry = services.good_practice_record(
        by=practitioner,
        partnership=westshire,
        receiving_agency=college,
        summary="The college shared its concerns quickly and clearly.",
        raised_on=RAISED_ON,
        now=NOW,
    )
    assert entry.entry_type == EntryType.GOOD_PRACTICE
    assert entry.stage is None
    assert not Escalation.objects.open().filter(pk=entry.pk).exists()
    assert audit_actions(entry) == ["hub.escalations.good_practice_recorded"]


def test_good_practice_is_refused_where_the_protocol_has_no_such_part(
    practitioner, westshire, college, protocol
):
    protocol.records_good_practice = False
    protocol.save()
    with pytest.raises(ValidationError, match="does not record good practice"):
        services.good_practice_record(
            by=practitioner,
            partnership=westshire,
            receiving_agency=college,
            summary="Good work.",
            raised_on=RAISED_ON,
            now=NOW,
        )


# --- Moving, responding, closing --------------------------------------------------------------


def move(escalation, by, stage, on, **extra):
    fields = {"role_level": RoleLevel.MANAGER, "note": "Not resolved between practitioners."}
    return services.escalation_move(
        by=by, escalation=escalation, stage=stage, on=on, now=LATER, **(fields | extra)
    )


def test_the_raiser_moves_it_to_the_next_stage(escalation, practitioner, protocol):
    stage_2 = stages_of(protocol)[1]
    move(escalation, practitioner, stage_2, RAISED_ON + datetime.timedelta(days=2))
    escalation.refresh_from_db()
    assert escalation.stage == stage_2
    assert escalation.stage_started_on == datetime.date(2026, 3, 6)
    step = escalation.steps.get(kind=Step.Kind.MOVED)
    assert (step.role_level, step.stage) == (RoleLevel.MANAGER, stage_2)
    assert audit_actions(escalation)[-1] == "hub.escalations.moved"


def test_skipping_a_stage_needs_a_reason(escalation, practitioner, protocol):
    stage_3 = stages_of(protocol)[2]
    with pytest.raises(ValidationError) as error:
        move(escalation, practitioner, stage_3, RAISED_ON)
    assert "skip_reason" in error.value.error_dict
    escalation.refresh_from_db()
    assert escalation.stage == stages_of(protocol)[0]
    assert escalation.steps.count() == 1

    move(escalation, practitioner, stage_3, RAISED_ON, skip_reason="The managers were away.")
    escalation.refresh_from_db()
    assert escalation.stage == stage_3
    assert "Skipped Managers meet: The managers were away." in escalation.steps.last().note


def test_it_cannot_move_back_or_stay(escalation, practitioner, protocol):
    with pytest.raises(ValidationError, match="later stage"):
        move(escalation, practitioner, stages_of(protocol)[0], RAISED_ON)


@pytest.mark.parametrize(
    "on, message",
    [
        (RAISED_ON - datetime.timedelta(days=1), "on or after 4 March 2026"),
        (LATER.date() + datetime.timedelta(days=1), "today or in the past"),
    ],
)
def test_stage_dates_before_the_last_step_or_in_the_future_are_refused(
    escalation, practitioner, protocol, on, message
):
    with pytest.raises(ValidationError, match=message):
        move(escalation, practitioner, stages_of(protocol)[1], on)
    escalation.refresh_from_db()
    assert escalation.stage == stages_of(protocol)[0] and escalation.steps.count() == 1


def test_the_receiving_side_cannot_move_it_and_the_raising_side_cannot_respond(
    escalation, police_lead, practitioner
):
    with pytest.raises(PermissionDenied):
        move(escalation, police_lead, escalation.stage, RAISED_ON)
    with pytest.raises(PermissionDenied):
        services.escalation_respond(
            by=practitioner,
            escalation=escalation,
            on=RAISED_ON,
            role_level=RoleLevel.MANAGER,
            note="We agree.",
            now=LATER,
        )


def test_the_raising_agencys_lead_may_move_it(escalation, council_lead, protocol):
    move(escalation, council_lead, stages_of(protocol)[1], RAISED_ON)
    escalation.refresh_from_db()
    assert escalation.stage == stages_of(protocol)[1]


def test_the_receiving_agencys_lead_records_a_response(escalation, police_lead):
    services.escalation_respond(
        by=police_lead,
        escalation=escalation,
        on=RAISED_ON + datetime.timedelta(days=1),
        role_level=RoleLevel.SENIOR_MANAGER,
        note="We have looked again at the referral.",
        now=LATER,
    )
    step = escalation.steps.get(kind=Step.Kind.RESPONSE)
    assert (step.side, step.recorded_by) == ("receiving", police_lead)
    assert audit_actions(escalation)[-1] == "hub.escalations.responded"


def close(escalation, by, **extra):
    fields = {
        "outcome": escalation.protocol.outcomes.first(),
        "on": RAISED_ON + datetime.timedelta(days=3),
        "role_level": RoleLevel.MANAGER,
    }
    return services.escalation_close(by=by, escalation=escalation, now=LATER, **(fields | extra))


def test_closing_records_the_outcome_and_a_closed_escalation_cannot_move_or_be_answered(
    escalation, practitioner, police_lead, protocol
):
    close(escalation, practitioner)
    escalation.refresh_from_db()
    assert escalation.closed_on == datetime.date(2026, 3, 7)
    assert escalation.outcome == protocol.outcomes.first()
    with pytest.raises(ValidationError, match="is closed, so it cannot move"):
        move(escalation, practitioner, stages_of(protocol)[1], datetime.date(2026, 3, 9))
    with pytest.raises(ValidationError, match="is closed"):
        services.escalation_respond(
            by=police_lead,
            escalation=escalation,
            on=datetime.date(2026, 3, 9),
            role_level=RoleLevel.MANAGER,
            note="Too late.",
            now=LATER,
        )
    with pytest.raises(ValidationError, match="is closed"):
        close(escalation, practitioner)
    escalation.refresh_from_db()
    assert escalation.steps.count() == 2 and escalation.stage == stages_of(protocol)[0]


def test_an_outcome_from_another_protocol_is_refused(escalation, practitioner, northmoor_protocol):
    with pytest.raises(ValidationError, match="one of the outcomes"):
        close(escalation, practitioner, outcome=northmoor_protocol.outcomes.first())
    escalation.refresh_from_db()
    assert escalation.closed_on is None


def test_a_step_form_sent_twice_changes_nothing_the_second_time(escalation, practitioner, protocol):
    seen = escalation.steps.count()
    move(escalation, practitioner, stages_of(protocol)[1], RAISED_ON, seen=seen)
    with pytest.raises(ValidationError, match="changed since the page was opened"):
        move(escalation, practitioner, stages_of(protocol)[2], RAISED_ON, seen=seen)
    escalation.refresh_from_db()
    assert escalation.stage == stages_of(protocol)[1]
    assert escalation.steps.count() == 2


# --- Correcting -------------------------------------------------------------------------------


def test_the_business_unit_corrects_any_detail_and_the_step_says_what_changed(
    escalation, business_unit, college, protocol
):
    services.escalation_correct(
        by=business_unit,
        escalation=escalation,
        changes={"receiving_agency": college, "theme": protocol.themes.last()},
        reason="Recorded against the wrong agency.",
        now=LATER,
    )
    escalation.refresh_from_db()
    assert escalation.receiving_agency == college
    step = escalation.steps.get(kind=Step.Kind.CORRECTED)
    assert step.side == "partnership"
    assert "receiving agency from Westmoor Police (demo) to Westshire College (demo)" in step.note
    assert "Recorded against the wrong agency." in step.note
    assert audit_actions(escalation)[-1] == "hub.escalations.corrected"


def test_a_correction_still_keeps_the_rules(escalation, business_unit, council):
    with pytest.raises(ValidationError, match="another agency"):
        services.escalation_correct(
            by=business_unit,
            escalation=escalation,
            changes={"receiving_agency": council},
            reason="Mistake.",
            now=LATER,
        )
    with pytest.raises(ValidationError, match="today or in the past"):
        services.escalation_correct(
            by=business_unit,
            escalation=escalation,
            changes={"raised_on": LATER.date() + datetime.timedelta(days=3)},
            reason="Mistake.",
            now=LATER,
        )
    escalation.refresh_from_db()
    assert escalation.receiving_agency.name == "Westmoor Police (demo)"
    assert escalation.steps.count() == 1


def test_only_the_business_unit_corrects(escalation, council_lead, police_lead, practitioner):
    for person in (council_lead, police_lead, practitioner):
        with pytest.raises(PermissionDenied):
            services.escalation_correct(
                by=person,
                escalation=escalation,
                changes={"summary": "Changed."},
                reason="Mistake.",
                now=LATER,
            )


# --- Through the pages --------------------------------------------------------------------------


def date_fields(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def raise_form(escalation_fixtures):
    protocol, westshire, police = escalation_fixtures
    return {
        "receiving_agency": police.pk,
        "level": level_of(westshire).pk,
        "theme": protocol.themes.first().pk,
        "summary": "The plan was closed before the review meeting.",
        "role_level": "practitioner",
        **date_fields("raised_on", RAISED_ON),
    }


def test_a_practitioner_raises_an_escalation_through_the_form_and_sent_twice_it_is_one(
    practitioner, protocol, westshire, police
):
    client = signed_in(practitioner)
    form = raise_form((protocol, westshire, police))
    response = client.post("/escalations/new/", form)
    assert response.status_code == 302
    escalation = Escalation.objects.get(partnership=westshire)
    assert response.url == f"/escalations/{escalation.reference}/"

    again = client.post("/escalations/new/", form)
    assert again.status_code == 200
    assert "already recorded this as WS-RPD-2026-0001" in again.content.decode()
    assert Escalation.objects.filter(partnership=westshire).count() == 1


def test_the_forms_have_no_field_for_a_child_and_say_not_to_write_names(practitioner, protocol):
    html = signed_in(practitioner).get("/escalations/new/").content.decode()
    assert "Do not write the child&#39;s or family&#39;s names." in html
    for word in ("child_name", "date_of_birth", "nhs", "postcode", "address"):
        assert f'name="{word}' not in html


def test_moving_a_closed_escalation_through_the_page_says_so_and_changes_nothing(
    escalation, practitioner, protocol
):
    close(escalation, practitioner)
    client = signed_in(practitioner)
    response = client.post(
        f"/escalations/{escalation.reference}/move/",
        {
            "seen": 2,
            "stage": stages_of(protocol)[1].pk,
            "role_level": "manager",
            "note": "Moving on.",
            **date_fields("on", datetime.date(2026, 3, 9)),
        },
    )
    assert response.status_code == 200
    assert "is closed, so it cannot move" in response.content.decode()
    assert escalation.steps.count() == 2


def test_a_phone_number_is_a_warning_the_person_can_confirm(
    practitioner, protocol, westshire, police
):
    client = signed_in(practitioner)
    form = raise_form((protocol, westshire, police)) | {
        "summary": "The duty team on 01632 960123 would not take the referral."
    }
    warned = client.post("/escalations/new/", form).content.decode()
    assert "looks like it has a phone number" in warned
    assert 'name="phone_confirmed"' in warned
    assert not Escalation.objects.filter(partnership=westshire).exists()

    confirmed = client.post("/escalations/new/", form | {"phone_confirmed": "on"})
    assert confirmed.status_code == 302
    assert Escalation.objects.filter(partnership=westshire).count() == 1


def test_the_detail_page_shows_each_stages_working_days_against_its_target(
    escalation, practitioner, protocol
):
    move(escalation, practitioner, stages_of(protocol)[1], datetime.date(2026, 3, 9))
    html = signed_in(practitioner).get(f"/escalations/{escalation.reference}/").content.decode()
    assert "Time at each stage" in html
    # Stage 1: Wed 4 to Mon 9 March is three working days against a target of two.
    assert "3 <strong>(over target)</strong>" in html
    assert "Still at this stage" in html


def test_the_business_unit_corrects_through_the_page(escalation, business_unit, college):
    page = f"/escalations/{escalation.reference}/correct/"
    client = signed_in(business_unit)
    assert client.get(page).status_code == 200
    response = client.post(
        page,
        {
            "seen": 1,
            "raising_agency": escalation.raising_agency_id,
            "receiving_agency": college.pk,
            "level": escalation.level_id,
            "theme": escalation.theme_id,
            "summary": escalation.summary,
            "stage": escalation.stage_id,
            "reason": "The wrong agency was chosen.",
            **date_fields("raised_on", escalation.raised_on),
            **date_fields("stage_started_on", escalation.stage_started_on),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    escalation.refresh_from_db()
    assert escalation.receiving_agency == college
