"""Section 11 fixtures: a published framework of three standards, a round run jointly by
Westshire and Northmoor, the people who complete and review it, and helpers that fill in
a self-assessment through the services."""

import datetime
from html import escape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hub.assurance import services
from hub.assurance.models import Framework, FrameworkVersion, Round, Standard
from hub.core.models import Agency, Role


@pytest.fixture
def framework_version(westshire):
    framework = Framework.objects.create(partnership=westshire, name="Test section 11 standards")
    version = FrameworkVersion.objects.create(framework=framework, number=1, rating_scale="rag")
    for index, (key, title) in enumerate(
        [
            ("leadership", "Leadership and accountability"),
            ("safer-recruitment", "Safer recruitment"),
            ("training", "Training"),
        ],
        start=1,
    ):
        Standard.objects.create(
            version=version,
            sort_order=index,
            key=key,
            number=str(index),
            title=title,
            summary=f"What {title.lower()} expects.",
            sub_standards="First part\nSecond part",
            evidence_prompts="A policy\nMinutes",
        )
    version.published_at = timezone.now()
    version.save()
    return version


@pytest.fixture
def admin_westshire(staff):
    return staff(Role.PARTNERSHIP_ADMIN, agency="council", email="s11-admin@westshire.example")


@pytest.fixture
def reviewer_westshire(staff):
    return staff(
        Role.SECTION_11_REVIEWER,
        agency=Agency.objects.get(name="NHS Westshire Integrated Care Board (demo)"),
        email="s11-reviewer@westshire.example",
    )


@pytest.fixture
def reviewer_northmoor(staff):
    return staff(
        Role.SECTION_11_REVIEWER,
        partnership="northmoor",
        agency=Agency.objects.get(name="Northmoor Borough Council (demo)"),
        email="s11-reviewer@northmoor.example",
    )


@pytest.fixture
def lead_westbury(staff):
    return staff(Role.AGENCY_LEAD, agency="westbury", email="s11-lead@westbury.example")


@pytest.fixture
def lead_police(staff):
    return staff(Role.AGENCY_LEAD, agency="police", email="s11-lead@police.example")


@pytest.fixture
def lead_moorhampton(staff):
    return staff(
        Role.AGENCY_LEAD,
        partnership="northmoor",
        agency="moorhampton",
        email="s11-lead@moorhampton.example",
    )


@pytest.fixture
def colleague_westbury(staff):
    return staff(None, agency="westbury", email="s11-colleague@westbury.example")


@pytest.fixture
def joint_round(
    framework_version, westshire, northmoor, westbury, police, moorhampton, admin_westshire
):
    """An open round run by Westshire with Northmoor taking part; three agencies invited."""
    today = timezone.localdate()
    round_ = Round.objects.create(
        partnership=westshire,
        title="Test round",
        framework_version=framework_version,
        opens_on=today - datetime.timedelta(days=10),
        due_on=today + datetime.timedelta(days=30),
    )
    round_.partnerships.set([westshire, northmoor])
    round_.agencies.set([westbury, police, moorhampton])
    services.round_open(by=admin_westshire, round_=round_)
    return round_


def submission_of(round_, agency):
    return round_.submissions.get(agency=agency)


def complete(submission, by, *, rating=3):
    """Answer every standard and local question of `submission` through the services."""
    services.submission_start(by=by, submission=submission)
    for standard in submission.round.framework_version.standards.all():
        services.answer_save(
            by=by,
            submission=submission,
            standard=standard,
            rating=rating,
            narrative=f"Our evidence for {standard.title}.",
        )
    answers = {q.pk: "Our local answer." for q in services.local_questions_for(submission)}
    if answers:
        services.local_answers_save(by=by, submission=submission, answers=answers)
    return submission


def pdf_upload(name="evidence.pdf", text="Evidence"):
    """A small, clean PDF, made the Hub's one way (hub.core.pdf)."""
    from hub.core.pdf import html_to_pdf

    html = (
        f'<!DOCTYPE html><html lang="en-GB"><title>{escape(name)}</title>'
        f"<p>{escape(text)}</p></html>"
    )
    return SimpleUploadedFile(name, html_to_pdf(html), content_type="application/pdf")
