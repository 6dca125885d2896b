"""The procedures' figures for reports, as the registry offers them: releases published and
chapters changed in a period, as one partnership's readers were given them (the consortium's
regional releases and its own, never another partnership's), both ends of the period
included, and chapters changed per release."""

import datetime

import pytest
from django.utils import timezone

from hub.core.domains import figures
from hub.procedures.models import (
    ChangeType,
    Chapter,
    ChapterVersion,
    LocalInformationVersion,
    Part,
    Release,
)

pytestmark = pytest.mark.django_db

START, END = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)


def local(year, month, day, hour=0, minute=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def figure(key):
    return figures()[f"procedures.{key}"][1]


def chapter(manual, slug):
    return Chapter.objects.create(
        manual=manual, part=Part.objects.filter(manual=manual).first(), slug=slug
    )


def change(release, chapter):
    ChapterVersion.objects.create(
        chapter=chapter,
        release=release,
        title=chapter.slug,
        body="<p>Test.</p>",
        change_type=ChangeType.AMENDED,
        change_summary="Test change.",
    )


def release(manual, title, published_at, partnership=None):
    return Release.objects.create(
        manual=manual, partnership=partnership, title=title, published_at=published_at
    )


def test_the_figures_are_declared_with_lasting_keys_and_descriptions():
    for key in ("releases-published", "chapters-changed"):
        declared = figure(key)
        assert declared.key == key
        assert declared.description
    assert figure("chapters-changed").breakdown is not None


def test_releases_and_chapters_changed_in_the_period(manual, westshire, northmoor):
    releases_before = figure("releases-published").compute(westshire, START, END)
    chapters_before = figure("chapters-changed").compute(westshire, START, END)
    one, two, three, four = (chapter(manual, f"figures-chapter-{n}") for n in range(1, 5))

    # The first moment of the period and its last minute (UK time).
    opening = release(manual, "Figures opening release", local(2024, 1, 1, 0, 0))
    change(opening, one)
    change(opening, two)
    closing = release(manual, "Figures closing release", local(2024, 12, 31, 23, 59), westshire)
    change(closing, one)  # changed again: one chapter still
    LocalInformationVersion.objects.create(
        chapter=three, partnership=westshire, release=closing, body="<p>Local.</p>"
    )
    # Northmoor's own release and its local information are not Westshire's.
    northmoors = release(manual, "Figures Northmoor release", local(2024, 6, 1, 9), northmoor)
    change(northmoors, four)
    LocalInformationVersion.objects.create(
        chapter=four, partnership=northmoor, release=opening, body="<p>Northmoor's.</p>"
    )
    # Outside the period by a minute either side, and a draft.
    change(release(manual, "Figures too early", local(2023, 12, 31, 23, 59)), four)
    change(release(manual, "Figures too late", local(2025, 1, 1, 0, 0)), four)
    change(release(manual, "Figures draft", None), four)

    assert figure("releases-published").compute(westshire, START, END) == releases_before + 2
    assert figure("chapters-changed").compute(westshire, START, END) == chapters_before + 3
    breakdown = dict(figure("chapters-changed").breakdown(westshire, START, END))
    assert breakdown["Figures opening release"] == 2
    assert breakdown["Figures closing release"] == 2  # a chapter's text and a local box
    assert "Figures Northmoor release" not in breakdown
    assert "Figures too early" not in breakdown and "Figures too late" not in breakdown

    # Northmoor gets the regional release (and its own), never Westshire's.
    northmoor_breakdown = dict(figure("chapters-changed").breakdown(northmoor, START, END))
    assert northmoor_breakdown["Figures opening release"] == 3  # two chapters and its box
    assert "Figures closing release" not in northmoor_breakdown


def test_a_release_scheduled_within_the_period_counts_once_it_has_gone_live(manual, westshire):
    today = timezone.localdate()
    start, end = today, today + datetime.timedelta(days=30)
    before = figure("releases-published").compute(westshire, start, end)
    release(manual, "Figures scheduled", timezone.now() + datetime.timedelta(days=2))
    assert figure("releases-published").compute(westshire, start, end) == before
