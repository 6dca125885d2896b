"""Who sees what: a practitioner sees the escalations they raised, an agency lead their
agency's (raised and received), the partnership's business unit every one of the partnership's,
and no one else any: anyone else's request for an escalation's pages is a 404."""

import pytest
from wagtail.models import ModelLogEntry

from hub.escalations.queries import overdue_todos, visible_escalations
from tests.budgets import within_budget
from tests.escalations.conftest import raise_one, signed_in

PAGES = ("", "move/", "respond/", "close/", "correct/")


@pytest.fixture
def people(staff, practitioner, council_lead, police_lead, college_lead, business_unit, northmoor):
    return {
        "raiser": practitioner,
        "colleague": staff(None, agency="council"),
        "raising lead": council_lead,
        "receiving lead": police_lead,
        "other agency's lead": college_lead,
        "business unit": business_unit,
        "other partnership's admin": staff("partnership_admin", partnership="northmoor"),
        "other partnership's lead": staff(
            "agency_lead", partnership="northmoor", agency="moorhampton"
        ),
    }


# Who may open which page of an escalation the council raised with the police.
MAY_OPEN = {
    "raiser": {"", "move/", "close/"},
    "colleague": set(),
    "raising lead": {"", "move/", "close/"},
    "receiving lead": {"", "respond/"},
    "other agency's lead": set(),
    "business unit": {"", "close/", "correct/"},
    "other partnership's admin": set(),
    "other partnership's lead": set(),
}


@pytest.mark.parametrize("who", sorted(MAY_OPEN))
def test_the_permission_matrix_of_an_escalations_pages(who, people, escalation):
    client = signed_in(people[who])
    for page in PAGES:
        status = client.get(f"/escalations/{escalation.reference}/{page}").status_code
        expected = 200 if page in MAY_OPEN[who] else 404
        assert status == expected, (who, page, status)


@pytest.mark.parametrize("who", sorted(MAY_OPEN))
def test_the_list_shows_only_what_each_person_may_see(who, people, escalation):
    response = signed_in(people[who]).get("/escalations/?show=all")
    sees = bool(MAY_OPEN[who])
    if response.status_code == 404:
        assert not sees
        return
    assert (escalation.reference in response.content.decode()) is sees


def test_an_agency_lead_sees_their_agencys_raised_and_received_and_nothing_else(
    people, westshire, protocol, police, college, council
):
    raised_by_police = raise_one(
        people["receiving lead"], westshire, council, protocol, summary="Police raised this."
    )
    received_by_police = raise_one(people["raiser"], westshire, police, protocol)
    elsewhere = raise_one(people["raiser"], westshire, college, protocol, summary="Other.")
    seen = set(visible_escalations(people["receiving lead"], westshire))
    assert seen == {raised_by_police, received_by_police}
    assert set(visible_escalations(people["business unit"], westshire)) == {
        raised_by_police,
        received_by_police,
        elsewhere,
    }
    assert set(visible_escalations(people["raiser"], westshire)) == {
        received_by_police,
        elsewhere,
    }


def test_another_partnerships_admin_on_this_partnerships_site_sees_none(
    people, escalation, westshire
):
    assert not visible_escalations(people["other partnership's admin"], westshire).exists()


def test_a_northmoor_reference_on_northmoors_site_is_a_404_to_westshires_business_unit(
    people, northmoor, northmoor_protocol, staff
):
    raiser = staff(None, partnership="northmoor", agency="moorhampton")
    from tests.conftest import demo_agency

    theirs = raise_one(raiser, northmoor, demo_agency("police"), northmoor_protocol)
    client = signed_in(people["business unit"], host="northmoor.localhost")
    assert client.get(f"/escalations/{theirs.reference}/").status_code == 404
    own = signed_in(people["other partnership's admin"], host="northmoor.localhost")
    assert own.get(f"/escalations/{theirs.reference}/").status_code == 200


def test_guessed_references_answer_404_like_real_ones_out_of_reach(people, escalation):
    client = signed_in(people["other agency's lead"])
    for reference in (escalation.reference, "WS-RPD-2026-9999", "../admin", "x" * 60):
        assert client.get(f"/escalations/{reference}/").status_code == 404


def test_someone_signed_out_is_sent_to_sign_in(escalation, client):
    response = client.get(f"/escalations/{escalation.reference}/")
    assert response.status_code == 302 and "login" in response.url


def test_each_view_of_an_escalation_is_audited(people, escalation):
    signed_in(people["receiving lead"]).get(f"/escalations/{escalation.reference}/")
    entry = ModelLogEntry.objects.filter(
        action="hub.escalations.viewed", object_id=str(escalation.pk)
    ).get()
    assert entry.user == people["receiving lead"]


def test_what_needs_doing_lists_overdue_escalations_to_both_leads_and_the_business_unit(
    people, escalation, northmoor_protocol
):
    # Raised on 4 March 2026 with a two-working-day first stage: long past its target now.
    for who in ("raising lead", "receiving lead", "business unit"):
        assert overdue_todos(people[who]) == [
            ("Escalations past a stage's target", "/escalations/?show=overdue", 1)
        ], who
    assert overdue_todos(people["other agency's lead"]) == []


def test_the_list_and_an_escalation_stay_within_their_query_budgets(
    people, westshire, protocol, police, college, django_assert_max_num_queries
):
    for number in range(10):
        raise_one(
            people["raiser"],
            westshire,
            police if number % 2 else college,
            protocol,
            summary=f"Matter {number}.",
        )
    client = signed_in(people["business unit"])
    within_budget(django_assert_max_num_queries, client, "/escalations/?show=all", 12)
    within_budget(django_assert_max_num_queries, client, "/escalations/WS-RPD-2026-0003/", 16)


def test_the_list_filters_open_and_closed_and_tags_what_is_past_its_target(
    people, westshire, protocol, police, college
):
    from hub.escalations import services
    from hub.escalations.models import RoleLevel

    overdue = raise_one(people["raiser"], westshire, police, protocol)
    closed = raise_one(people["raiser"], westshire, college, protocol, summary="Closed one.")
    services.escalation_close(
        by=people["raiser"],
        escalation=closed,
        outcome=protocol.outcomes.first(),
        on=closed.raised_on,
        role_level=RoleLevel.MANAGER,
    )
    client = signed_in(people["raiser"])
    open_list = client.get("/escalations/").content.decode()
    assert overdue.reference in open_list and closed.reference not in open_list
    assert "Past target" in open_list
    closed_list = client.get("/escalations/?show=closed").content.decode()
    assert closed.reference in closed_list and overdue.reference not in closed_list
    overdue_list = client.get("/escalations/?show=overdue").content.decode()
    assert overdue.reference in overdue_list and closed.reference not in overdue_list


def test_forged_and_fuzzed_references_answer_404_and_change_nothing(people, escalation):
    """The council's lead tries every page of every demo escalation they have no part in, and
    made-up references of every shape: each answers 404 (GET and POST), and nothing changes."""
    from django.utils.http import urlencode
    from hypothesis import HealthCheck, example, given, settings
    from hypothesis import strategies as st

    from hub.escalations.models import Escalation, Step

    lead = people["raising lead"]
    mine = set(
        visible_escalations(lead, escalation.partnership).values_list("reference", flat=True)
    )
    others = sorted(set(Escalation.objects.values_list("reference", flat=True)) - mine)
    assert others, "the demo should hold escalations the council's lead has no part in"
    client = signed_in(lead)
    before = (
        Escalation.objects.count(),
        Step.objects.count(),
        Escalation.objects.filter(closed_on__isnull=True).count(),
    )

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        reference=st.one_of(
            st.sampled_from(others),
            st.from_regex(r"[A-Z]{2}-RPD-20[0-9]{2}-[0-9]{4}", fullmatch=True),
            st.text(
                alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/?#%\\"),
                min_size=1,
                max_size=30,
            ),
        ),
        page=st.sampled_from(PAGES),
    )
    @example(reference="\x00", page="move/")
    def check(reference, page):
        if reference in mine:
            return
        url = f"/escalations/{reference}/{page}"
        if page in ("", "move/") and reference in ("new", "quarterly", "good-practice"):
            return  # those are the log's own pages, not references
        # A reference no escalation could have: 404; one PostgreSQL cannot even hold in a
        # query (a NUL character) is refused as bad input, 400. Neither changes anything.
        refused = {404, 400} if "\x00" in reference else {404}
        assert client.get(url).status_code in refused, url
        if page:
            data = urlencode({"stage": "1", "on-day": "1", "on-month": "1", "on-year": "2026"})
            response = client.post(url, data, content_type="application/x-www-form-urlencoded")
            assert response.status_code in refused, url

    check()
    assert before == (
        Escalation.objects.count(),
        Step.objects.count(),
        Escalation.objects.filter(closed_on__isnull=True).count(),
    )
