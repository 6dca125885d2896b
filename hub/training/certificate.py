"""The certificate of attendance: one A4 landscape page made the Hub's one way
(hub/core/pdf.py) from training/certificate_pdf.html, with the code and the address anyone
can check it at."""

from django.utils import timezone

from hub.core.pdf import render_pdf
from hub.training import presenters

# Longer names and course titles (in characters) print smaller, so the certificate stays
# one page with a name of 300 characters and a title of 200 (both fields' longest).
LONG_NAME = 60
LONG_TITLE = 90


def certificate_pdf(certificate, *, request):
    """The PDF's bytes for an issued `certificate` (its booking, session, course and
    partnership loaded with it), its check address on the site the request came to."""
    booking = certificate.booking
    session = booking.session
    course = session.course
    person_name = booking.person.display_name
    return render_pdf(
        "training/certificate_pdf.html",
        {
            "partnership": course.partnership,
            "person_name": person_name,
            "long_name": len(person_name) > LONG_NAME,
            "course_title": course.title,
            "long_title": len(course.title) > LONG_TITLE,
            "level": course.get_level_display(),
            "on": timezone.localtime(session.starts_at).date(),
            "hours": presenters.hours(course),
            "code": certificate.display_code,
            "check_url": request.build_absolute_uri(certificate.get_absolute_url()),
        },
        request=request,
    )
