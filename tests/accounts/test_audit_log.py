"""The audit log as a partnership admin sees it: their own partnership's entries only,
filtered by what happened, who did it and when."""

import datetime

import pytest
from django.test import RequestFactory

from tests.accounts.helpers import (
    NORTHMOOR_ADMIN,
    WESTBURY_LEAD,
    WESTBURY_PRACTITIONER,
    WESTSHIRE_ADMIN,
    error_summary_links,
)

pytestmark = pytest.mark.django_db

# Addresses from the documentation ranges (RFC 5737), one per entry, to tell rows apart.
WESTSHIRE_EARLY = "192.0.2.11"
WESTSHIRE_LATE = "192.0.2.22"
NORTHMOOR_ADDRESS = "198.51.100.33"


def _log(*, actor, action, instance, address, on=None):
    from hub.core import audit

    request = RequestFactory().get("/", REMOTE_ADDR=address)
    entry = audit.record(actor=actor, action=action, instance=instance, request=request)
    if on is not None:
        moment = datetime.datetime.combine(on, datetime.time(12, 0), tzinfo=datetime.UTC)
        type(entry).objects.filter(pk=entry.pk).update(timestamp=moment)
    return entry


@pytest.fixture
def entries(person):
    """One early and one late Westshire entry, and one Northmoor entry."""
    practitioner = person(WESTBURY_PRACTITIONER)
    lead = person(WESTBURY_LEAD)
    northmoor_admin = person(NORTHMOOR_ADMIN)
    _log(
        actor=practitioner,
        action="hub.account.registered",
        instance=practitioner,
        address=WESTSHIRE_EARLY,
        on=datetime.date(2025, 1, 10),
    )
    _log(
        actor=lead,
        action="hub.account.data_exported",
        instance=lead,
        address=WESTSHIRE_LATE,
        on=datetime.date(2025, 3, 10),
    )
    _log(
        actor=northmoor_admin,
        action="hub.account.data_exported",
        instance=northmoor_admin,
        address=NORTHMOOR_ADDRESS,
        on=datetime.date(2025, 3, 10),
    )


def _date(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


# The test entries are dated 2025; the demo's own activity (training bookings and the like)
# is recent, so the pages below look at 2025 only.
IN_2025 = _date("date_from", datetime.date(2025, 1, 1)) | _date(
    "date_to", datetime.date(2025, 12, 31)
)


def test_the_audit_log_lists_entries_of_its_own_partnership_only(client, sign_in, entries):
    sign_in(WESTSHIRE_ADMIN)
    response = client.get("/audit-log/", IN_2025)
    assert response.status_code == 200
    html = response.content.decode()
    assert WESTSHIRE_EARLY in html
    assert WESTSHIRE_LATE in html
    assert NORTHMOOR_ADDRESS not in html


def test_each_partnership_admin_sees_their_own_log(northmoor_client, sign_in, entries):
    sign_in(NORTHMOOR_ADMIN, on=northmoor_client)
    html = northmoor_client.get("/audit-log/", IN_2025).content.decode()
    assert NORTHMOOR_ADDRESS in html
    assert WESTSHIRE_EARLY not in html
    assert WESTSHIRE_LATE not in html


def test_the_audit_log_shows_when_who_what_record_and_address(client, sign_in, entries):
    sign_in(WESTSHIRE_ADMIN)
    html = client.get("/audit-log/", IN_2025).content.decode()
    assert '<caption class="govuk-table__caption' in html
    for heading in ("When", "Who", "What", "Record", "Client address"):
        assert f'<th scope="col" class="govuk-table__header">{heading}</th>' in html
    assert "10 January 2025" in html
    assert "Pat Practitioner" in html
    assert "Registered" in html
    assert "Personal data downloaded" in html


def test_the_audit_log_filters_by_what_happened(client, sign_in, entries):
    sign_in(WESTSHIRE_ADMIN)
    html = client.get("/audit-log/", {"action": "hub.account.registered"}).content.decode()
    assert WESTSHIRE_EARLY in html
    assert WESTSHIRE_LATE not in html


def test_the_audit_log_filters_by_who_did_it(client, sign_in, entries):
    sign_in(WESTSHIRE_ADMIN)
    html = client.get("/audit-log/", {"actor": WESTBURY_LEAD.upper()}).content.decode()
    assert WESTSHIRE_LATE in html
    assert WESTSHIRE_EARLY not in html


def test_the_audit_log_filters_by_dates(client, sign_in, entries):
    sign_in(WESTSHIRE_ADMIN)
    after = client.get(
        "/audit-log/",
        _date("date_from", datetime.date(2025, 2, 1))
        | _date("date_to", datetime.date(2025, 12, 31)),
    )
    html = after.content.decode()
    assert WESTSHIRE_LATE in html
    assert WESTSHIRE_EARLY not in html

    before = client.get(
        "/audit-log/",
        _date("date_from", datetime.date(2025, 1, 1))
        | _date("date_to", datetime.date(2025, 1, 31)),
    )
    html = before.content.decode()
    assert WESTSHIRE_EARLY in html
    assert WESTSHIRE_LATE not in html


def test_a_malformed_date_shows_an_error_summary_linked_to_the_date(client, sign_in, entries):
    sign_in(WESTSHIRE_ADMIN)
    response = client.get(
        "/audit-log/", {"date_from_day": "31", "date_from_month": "2", "date_from_year": "2025"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert error_summary_links(html) == ["#id_date_from-day"]
    assert "From date must be a real date" in html
    assert "govuk-input--error" in html
    # Nothing is listed until the filter makes sense.
    assert WESTSHIRE_EARLY not in html


def test_dates_in_the_wrong_order_are_explained(client, sign_in, entries):
    sign_in(WESTSHIRE_ADMIN)
    response = client.get(
        "/audit-log/",
        _date("date_from", datetime.date(2025, 3, 1)) | _date("date_to", datetime.date(2025, 1, 1)),
    )
    html = response.content.decode()
    assert "The from date must be on or before the to date" in html
    assert error_summary_links(html) == ["#main-content"]


def test_the_audit_log_pages_keep_the_filters(client, sign_in, person):
    from hub.core import audit

    sign_in(WESTSHIRE_ADMIN)
    practitioner = person(WESTBURY_PRACTITIONER)
    for _ in range(55):
        audit.record(actor=practitioner, action="hub.record.viewed", instance=practitioner)
    html = client.get("/audit-log/", {"action": "hub.record.viewed"}).content.decode()
    assert 'href="?action=hub.record.viewed&amp;page=2"' in html
    second = client.get("/audit-log/", {"action": "hub.record.viewed", "page": 2})
    assert "Page 2 of 2" in second.content.decode()


def test_an_agency_lead_is_refused_the_audit_log(client, sign_in):
    sign_in(WESTBURY_LEAD)
    assert client.get("/audit-log/").status_code == 403


def test_the_northmoor_admin_is_refused_westshires_audit_log(client, sign_in):
    # Westshire's site, Northmoor's admin: the log is of the site's partnership.
    sign_in(NORTHMOOR_ADMIN)
    assert client.get("/audit-log/").status_code == 403


def test_the_audit_log_names_and_links_records_rather_than_numbering_them(
    client, sign_in, entries, person
):
    # It used to say "User 162": now the person's name, linked to their page.
    sign_in(WESTSHIRE_ADMIN)
    lead = person(WESTBURY_LEAD)
    html = client.get("/audit-log/", IN_2025).content.decode()
    assert f'<a class="govuk-link" href="/people/{lead.pk}/">{lead.display_name}</a>' in html
    assert f"User {lead.pk}<" not in html


def test_a_deleted_record_keeps_its_label_in_the_audit_log(client, sign_in, person):
    from hub.core.models import Agency, User

    practitioner = User.objects.create_user(
        email="gone@westbury.example",
        password="a long test password",
        partnership=person(WESTSHIRE_ADMIN).partnership,
        agency=Agency.objects.get(name="Westbury Cross Academy Trust (demo)"),
    )
    _log(
        actor=None,
        action="hub.account.registered",
        instance=practitioner,
        address=WESTSHIRE_EARLY,
        on=datetime.date(2025, 1, 10),
    )
    number = practitioner.pk
    User.objects.filter(pk=number).delete()
    sign_in(WESTSHIRE_ADMIN)
    html = client.get("/audit-log/", IN_2025).content.decode()
    assert f"User {number} (deleted)" in html


def test_the_audit_log_costs_the_same_queries_however_many_people_it_names(
    client, sign_in, person, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hub.core.models import Agency, User

    admin = sign_in(WESTSHIRE_ADMIN)
    agency = Agency.objects.get(name="Westbury Cross Academy Trust (demo)")

    def log_someone(n):
        someone = User.objects.create_user(
            email=f"named-{n}@westbury.example",
            password="a long test password",
            partnership=admin.partnership,
            agency=agency,
        )
        _log(
            actor=None,
            action="hub.account.registered",
            instance=someone,
            address=WESTSHIRE_EARLY,
            on=datetime.date(2025, 1, 10),
        )

    log_someone(0)
    with CaptureQueriesContext(connection) as one:
        client.get("/audit-log/", IN_2025)
    for n in range(1, 11):
        log_someone(n)
    with django_assert_max_num_queries(len(one)):
        html = client.get("/audit-log/", IN_2025).content.decode()
    assert html.count('href="/people/') >= 11


def test_the_audit_logs_action_filter_is_grouped_by_area(client, sign_in, entries):
    import re

    from hub.core.audit import actions

    sign_in(WESTSHIRE_ADMIN)
    html = client.get("/audit-log/").content.decode()
    select = re.search(r'<select[^>]*name="action".*?</select>', html, re.S).group(0)
    groups = re.findall(r'<optgroup label="([^"]+)">', select)
    assert {"Accounts", "Training programme", "Partnerships, agencies and their sites"} <= set(
        groups
    ), groups
    # Every action is offered once, inside a group, led by "anything about" the group.
    offered = re.findall(r'<option value="(hub\.[^"]+)"', select)
    assert sorted(offered) == sorted(actions())
    assert select.count("Anything about") == len(groups)


def test_the_audit_log_filters_by_a_whole_area(client, sign_in, entries):
    sign_in(WESTSHIRE_ADMIN)
    html = client.get("/audit-log/", {"action": "area:accounts"} | IN_2025).content.decode()
    assert WESTSHIRE_EARLY in html and WESTSHIRE_LATE in html
    html = client.get("/audit-log/", {"action": "area:training"} | IN_2025).content.decode()
    assert WESTSHIRE_EARLY not in html and WESTSHIRE_LATE not in html
    # A forged area or action is an error on the field, not an empty page or a crash.
    response = client.get("/audit-log/", {"action": "area:nowhere"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
