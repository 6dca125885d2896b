"""A person's training data is in their download, goes with their account, and what is only
needed for a while is pruned."""

import datetime

import pytest

from hub.accounts.services import account_delete, account_export
from hub.training import services
from hub.training.models import Booking, Charge, TrainingEmail, WaitingListEntry, WaitStatus
from hub.training.privacy import prune

pytestmark = pytest.mark.django_db


def test_the_data_download_lists_bookings_and_waiting_lists(session_factory, people):
    full = session_factory(capacity=1)
    services.place_request(by=people[1], session=full, person=people[1])
    services.place_request(by=people[0], session=full, person=people[0])
    other = session_factory()
    services.place_request(by=people[0], session=other, person=people[0])

    training = account_export(user=people[0])["training"]
    assert [b["status"] for b in training["bookings"]] == ["Booked"]
    assert [w["status"] for w in training["waiting_lists"]] == ["Waiting"]
    assert training["bookings"][0]["course"] == other.course.title


def test_deleting_an_account_keeps_the_agencys_charge_but_not_the_link(
    session_factory, people, tariff
):
    session = session_factory()
    booking = services.place_request(by=people[0], session=session, person=people[0])
    services.booking_cancel(
        by=people[0], booking=booking, now=session.starts_at - datetime.timedelta(days=1)
    )
    account_delete(user=people[0])
    assert not Booking.objects.filter(pk=booking.pk).exists()
    charge = Charge.objects.get(course_title=session.course.title)
    assert charge.booking is None
    assert charge.amount_pence == 4000


def test_pruning_removes_old_waiting_lists_and_email_log_only(session_factory, people):
    session = session_factory(capacity=1)
    services.place_request(by=people[0], session=session, person=people[0])
    services.place_request(by=people[1], session=session, person=people[1])
    TrainingEmail.objects.create(kind="test", key="old", sent_at=session.starts_at)

    prune(now=session.ends_at + datetime.timedelta(days=30))
    assert TrainingEmail.objects.filter(key="old").exists()
    assert WaitingListEntry.objects.filter(session=session, status=WaitStatus.WAITING).exists()

    later = session.ends_at + datetime.timedelta(days=401)
    entries, emails = prune(now=later)
    assert entries >= 1
    assert emails >= 1
    assert not TrainingEmail.objects.filter(key="old").exists()
    assert not WaitingListEntry.objects.filter(session=session).exists()
    assert Booking.objects.filter(session=session).count() == 1
