"""The training programme in the open-data API (/api/v1/training/, hub/opendata): public content
only.

The partnership's published courses and their sessions, as its programme pages show them:
places left counted as hub/training/availability.py counts them (so a booking shows in the
next answer: the answers are kept under the training section of the page cache, which every
booking purges), and where a session is ("Online" for an online one). Never a joining link,
joining instructions, trainers, charges owed or anything about who booked.
"""

import datetime
import decimal

from hub.core.domains import ApiResource


def router():
    from django.db.models import Count, Prefetch, Q
    from django.utils import timezone
    from ninja import Field, Query, Router, Schema

    from hub.opendata import resources as r
    from hub.training import presenters
    from hub.training.availability import places_shown, with_places
    from hub.training.models import Audience, Course, Format, Level, Session, SessionStatus

    class CourseOut(Schema):
        id: int = Field(description="The course's lasting id in this API.")
        slug: str
        title: str
        summary: str
        level: int = Field(description="1 to 4.")
        level_label: str
        format: str = Field(description="face_to_face, live_online or e_learning.")
        format_label: str
        hours: decimal.Decimal = Field(description="Learning hours, as the certificate says.")
        audiences: list[str] = Field(description="Who it is for, by audience name.")
        who_for: str
        outcomes: list[str] = Field(description="What people will be able to do.")
        prerequisites: str
        upcoming_sessions: int = Field(description="How many sessions are still to come.")
        url: str = Field(description="The course's page, where people book.")

    class SessionOut(Schema):
        id: int = Field(description="The session's lasting id in this API.")
        course_id: int
        course_title: str
        starts_at: datetime.datetime
        ends_at: datetime.datetime
        status: str = Field(description="scheduled or cancelled.")
        where: str = Field(description='The venue, or "Online" for an online session.')
        places_left: int = Field(description="Places that can be booked now (never below 0).")
        full: bool = Field(description="True when people can only join the waiting list.")
        booking_url: str = Field(description="The session's page, where people book.")

    class CourseFilters(Schema):
        level: Level | None = Field(None, description="Only courses of this level (1 to 4).")
        format: Format | None = Field(None, description="Only courses given this way.")
        audience: str | None = Field(
            None, pattern=r.SLUG_PATTERN, description="Only courses for this audience (its slug)."
        )

    class SessionFilters(Schema):
        course: int | None = Field(
            None, ge=1, le=r.LARGEST_ID, description="Only this course's sessions (its id)."
        )
        starts_on_or_after: datetime.date | None = Field(
            None, description="Only sessions starting on or after this day."
        )
        starts_before: datetime.date | None = Field(
            None, description="Only sessions starting before this day."
        )
        has_places: bool | None = Field(
            None, description="true: only sessions with places left; false: only full ones."
        )

    CoursePage = r.paged(CourseOut, "CoursePage")
    SessionPage = r.paged(SessionOut, "SessionPage")
    router = Router()

    def courses_of(request):
        partnership = r.site_partnership(request)
        return Course.objects.published().filter(partnership=partnership)

    def sessions_of(request):
        return with_places(Session.objects.filter(course__in=courses_of(request))).select_related(
            "course"
        )

    def course_out(request, course):
        return {
            "id": course.pk,
            "slug": course.slug,
            "title": course.title,
            "summary": course.summary,
            "level": course.level,
            "level_label": course.get_level_display(),
            "format": course.format,
            "format_label": course.get_format_display(),
            "hours": course.hours,
            "audiences": [audience.name for audience in course.audiences.all()],
            "who_for": course.who_for,
            "outcomes": course.outcome_list(),
            "prerequisites": course.prerequisites,
            "upcoming_sessions": course.upcoming_sessions,
            "url": r.absolute(request, course.get_absolute_url()),
        }

    def session_out(request, session):
        places = places_shown(session)
        return {
            "id": session.pk,
            "course_id": session.course_id,
            "course_title": session.course.title,
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
            "status": session.status,
            "where": presenters.where(session),
            "places_left": places,
            "full": places == 0,
            "booking_url": r.absolute(request, session.get_absolute_url()),
        }

    def with_counts(courses):
        upcoming = Q(
            sessions__starts_at__gt=timezone.now(),
            sessions__status=SessionStatus.SCHEDULED,
        )
        return courses.annotate(
            upcoming_sessions=Count("sessions", filter=upcoming)
        ).prefetch_related(Prefetch("audiences", queryset=Audience.objects.order_by("name")))

    @router.get("/courses/", response=r.responses(CoursePage), summary="Courses")
    def courses(request, filters: Query[CourseFilters], paging: Query[r.Paging]):
        """The published courses, by level then title."""
        found = courses_of(request)
        if filters.level:
            found = found.filter(level=filters.level)
        if filters.format:
            found = found.filter(format=filters.format)
        if filters.audience:
            found = found.filter(audiences__slug=filters.audience)
        found = with_counts(found).order_by("level", "title", "pk")
        return r.paginate(
            request, found, paging, lambda rows: [course_out(request, row) for row in rows]
        )

    @router.get("/courses/{id}/", response=r.responses(CourseOut), summary="A course")
    def course(request, id: int = r.item_id("course")):
        """One published course; an unpublished course or another partnership's is a 404."""
        found = r.one(with_counts(courses_of(request)), id, "course")
        return course_out(request, found)

    @router.get("/sessions/", response=r.responses(SessionPage), summary="Sessions")
    def sessions(request, filters: Query[SessionFilters], paging: Query[r.Paging]):
        """The sessions still to come of the published courses, soonest first, with the
        places left now."""
        found = sessions_of(request).upcoming()
        if filters.course:
            found = found.filter(course_id=filters.course)
        start = r.checked_day(filters.starts_on_or_after, "starts_on_or_after")
        end = r.checked_day(filters.starts_before, "starts_before")
        if start:
            found = found.filter(starts_at__gte=_start_of(start))
        if end:
            found = found.filter(starts_at__lt=_start_of(end))
        if filters.has_places is True:
            found = found.filter(places_left__gt=0)
        elif filters.has_places is False:
            found = found.filter(places_left__lte=0)
        found = found.order_by("starts_at", "pk")
        return r.paginate(
            request, found, paging, lambda rows: [session_out(request, row) for row in rows]
        )

    @router.get("/sessions/{id}/", response=r.responses(SessionOut), summary="A session")
    def session(request, id: int = r.item_id("session")):
        """One session of a published course, past or to come, cancelled or not; another
        partnership's is a 404."""
        found = r.one(sessions_of(request), id, "session")
        return session_out(request, found)

    return router


def _start_of(day):
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


API = (
    ApiResource(
        "training",
        "Training programme",
        router,
        description="The inter-agency training programme: published courses and their "
        "sessions, with the places left now and the page where people book.",
        # Places left change with every booking, which moves the training section on.
        sections=("content", "training"),
        order=30,
    ),
)
