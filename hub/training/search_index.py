"""Training courses in the search index (declared in hub/training/domain.py): each published
course of a partnership's programme, with what it is, who it is for and what people learn."""

from django.utils.html import escape

from hub.search.chunking import chunk_html
from hub.search.models import SearchChunk, Visibility
from hub.training.models import Course


def course_chunks(ids):
    courses = Course.objects.published()
    if ids is not None:
        courses = courses.filter(pk__in=ids)
    found = {}
    for course in courses:
        html = "".join(
            [
                f"<p>{escape(course.summary)}</p>",
                f"<h2>Who it is for</h2><p>{escape(course.who_for)}</p>",
                "<h2>What you will be able to do</h2>",
                *(f"<p>{escape(line)}</p>" for line in course.outcome_list()),
                f"<h2>Before you come</h2><p>{escape(course.prerequisites)}</p>"
                if course.prerequisites.strip()
                else "",
            ]
        )
        found[course.pk] = [
            SearchChunk(
                partnership_id=course.partnership_id,
                visibility=Visibility.PUBLIC,
                kind="Training course",
                reach="local",
                title=course.title[:300],
                heading=chunk.heading[:300],
                text=chunk.text,
                url=course.get_absolute_url(),
                audiences="professionals",
            )
            for chunk in chunk_html(html)
        ]
    return found
