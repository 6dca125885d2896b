import datetime

import pytest
from django.utils import timezone

from hub.core.models import Role
from hub.procedures.models import ChangeType, Chapter, ChapterVersion, Manual, Part, Release


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


@pytest.fixture
def manual(db):
    return Manual.objects.get()


@pytest.fixture
def consortium_editor(staff):
    return staff(Role.CONSORTIUM_EDITOR, email="regional-editor@consortium.example")


@pytest.fixture
def westshire_editor(staff):
    return staff(Role.EDITOR, email="local-editor@westshire.example")


@pytest.fixture
def test_chapter(manual):
    """A regional chapter of our own with two releases: 1 Feb 2026 and 1 Aug 2026."""
    part = Part.objects.filter(manual=manual).first()
    chapter = Chapter.objects.create(manual=manual, part=part, slug="test-strategy-meetings")
    first = Release.objects.create(
        manual=manual, title="Test February release", published_at=at(datetime.date(2026, 2, 1))
    )
    second = Release.objects.create(
        manual=manual, title="Test August release", published_at=at(datetime.date(2026, 8, 1))
    )
    ChapterVersion.objects.create(
        chapter=chapter,
        release=first,
        title="Test strategy meetings",
        body="<p>Hold it within two working days.</p>",
        change_type=ChangeType.NEW,
        change_summary="First published.",
    )
    ChapterVersion.objects.create(
        chapter=chapter,
        release=second,
        title="Test strategy discussions",
        body="<p>Hold it within one working day. Zephyrine rule.</p>",
        change_type=ChangeType.AMENDED,
        change_summary="Shorter timescale; renamed.",
    )
    return chapter
