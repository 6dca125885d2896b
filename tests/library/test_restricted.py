"""A restricted document is for the partnership's professionals: someone signed in who is
confirmed staff of one of its agencies, or holds a role in it. Registering and naming an
agency is not enough; nor is working for another partnership. A restricted document shared
by the consortium is for the professionals of any of its partnerships."""

import datetime

import pytest
from django.test import Client

from hub.core.models import Agency, Partnership, Role, User
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret(make_document):
    return make_document("test-restricted", published=[datetime.date(2026, 1, 5)], restricted=True)


@pytest.fixture
def shared_secret(make_document, westshire):
    from hub.library.models import LibraryDocument

    document = make_document(
        "test-restricted-shared", published=[datetime.date(2026, 1, 5)], restricted=True
    )
    LibraryDocument.objects.filter(pk=document.pk).update(partnership=None, reach="regional")
    document.refresh_from_db()
    return document


def reads(user, document, host="127.0.0.1"):
    client = Client(HTTP_HOST=host)
    if user is not None:
        client.force_login(user)
    paths = [document.get_absolute_url(), document.get_download_url()]
    answers = {client.get(path).status_code for path in paths}
    assert len(answers) == 1, answers
    return answers.pop() == 200


def registered(email, agency_name, partnership="westshire"):
    """Someone who registered naming an agency, not (yet) confirmed by it."""
    return User.objects.create_user(
        email=email,
        partnership=Partnership.objects.get(slug=partnership),
        requested_agency=Agency.objects.get(name=agency_name),
    )


def test_confirmed_staff_of_one_of_the_partnerships_agencies_read_it(secret, westshire):
    staff = make_person(
        "teacher@westshire-college.example",
        partnership=westshire,
        agency=Agency.objects.get(name="Westshire College (demo)"),
    )
    assert reads(staff, secret)


def test_someone_who_only_named_an_agency_does_not(secret):
    assert not reads(registered("claims@mailbox.example", "Westshire College (demo)"), secret)


def test_signed_out_visitors_do_not(secret):
    assert not reads(None, secret)


def test_staff_of_another_partnerships_agency_do_not(secret, northmoor):
    staff = make_person(
        "teacher@moorhampton-high.example",
        partnership=northmoor,
        agency=Agency.objects.get(name="Moorhampton High School (demo)"),
    )
    assert not reads(staff, secret)


def test_someone_with_a_role_in_the_partnership_reads_it(secret, westshire):
    trainer = make_person(
        "freelance-trainer@mailbox.example",
        partnership=westshire,
        agency=None,
        roles=[Role.TRAINER],
    )
    assert reads(trainer, secret)


def test_a_shared_restricted_document_is_for_any_partnership_of_the_consortium(
    shared_secret, northmoor
):
    staff = make_person(
        "teacher@moorhampton-high.example",
        partnership=northmoor,
        agency=Agency.objects.get(name="Moorhampton High School (demo)"),
    )
    assert reads(staff, shared_secret, host="northmoor.localhost")
    assert not reads(
        registered("claims@mailbox.example", "Moorhampton High School (demo)", "northmoor"),
        shared_secret,
        host="northmoor.localhost",
    )


def test_the_document_page_says_who_it_is_for(secret, westshire):
    staff = make_person(
        "teacher@westshire-college.example",
        partnership=westshire,
        agency=Agency.objects.get(name="Westshire College (demo)"),
    )
    client = Client()
    client.force_login(staff)
    page = client.get(secret.get_absolute_url()).content.decode()
    assert f"Only for professionals of {westshire.name}" in page
    assert "confirmed they work there" in page
