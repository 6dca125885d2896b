"""Checking a certificate of attendance: /certificates/<code>/, printed on every certificate,
for an employer or a safeguarding lead who holds one and wants to know it is genuine.

Anyone may open it without signing in. It says only what the certificate says (name,
course, level, date, learning time and the partnership that issued it), read from the
training record at the moment of asking: a record deleted (the booking, or the account)
leaves nothing to check, and a certificate withdrawn, or whose attendance was corrected,
says so. Nothing else about the person is shown.

Guessing codes is pointless (100 random bits) and made slow on purpose: each client address
may ask RATELIMIT_CERTIFICATE_CHECK times (30 a minute), counted in the shared "default"
cache, the address read as sign-in throttling reads it (TRUSTED_PROXY_COUNT proxies).
A malformed code costs the same single database lookup as an unknown one, so neither
answers sooner. The page is never indexed or kept by any cache, the Hub's page cache
included (it is `no-store`), so a withdrawal shows at once.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django_ratelimit.core import get_usage

from hub.core.audit import client_key
from hub.core.presenters import govuk_date
from hub.core.views import page_not_found, too_many_requests
from hub.training import presenters
from hub.training.models import CERTIFICATE_ALPHABET, CERTIFICATE_CODE_LENGTH, Certificate

RATE_GROUP = "hub.training.certificate_check"
# Printed codes are read aloud and typed: letters easily mistaken for digits are the digits
# (Crockford's base32), and hyphens, dashes and spaces between the groups are ignored.
MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1"})
SEPARATORS = str.maketrans("", "", "-\u2010\u2011\u2012\u2013\u2014\u2212_.")
# Looked up in place of a malformed code: U is not in the alphabet, so no code is this one.
NEVER_ISSUED = "U" * CERTIFICATE_CODE_LENGTH


def normalise(code):
    """The code as stored (20 characters of the alphabet), or None if it cannot be one."""
    cleaned = "".join(code.split()).translate(SEPARATORS).upper().translate(MISREAD)
    if len(cleaned) != CERTIFICATE_CODE_LENGTH or not set(cleaned) <= set(CERTIFICATE_ALPHABET):
        return None
    return cleaned


def _rate(group, request):
    return settings.RATELIMIT_CERTIFICATE_CHECK


def _private(response):
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)  # no-store, private: never the shared page cache
    return response


def _find(code):
    """The certificate with this code, with what its check shows; one query, whatever the
    code (a malformed one looks up a code that is never issued)."""
    return (
        Certificate.objects.select_related(
            "booking__person", "booking__session__course__partnership"
        )
        .filter(code=normalise(code) or NEVER_ISSUED)
        .first()
    )


def _withdrawal(certificate):
    """(when, reason) if the certificate no longer stands, else None. A booking that no
    longer counts as completed withdraws it even if nobody recorded a withdrawal."""
    if certificate.withdrawn_at is not None:
        return certificate.withdrawn_at, certificate.withdrawn_reason
    booking = certificate.booking
    if not booking.completed:
        return booking.cancelled_at or booking.attendance_marked_at, ""
    return None


@require_safe
def certificate_check(request, code):
    usage = get_usage(request, group=RATE_GROUP, key=client_key, rate=_rate, increment=True)
    if usage is not None and usage["should_limit"]:
        message = (
            "You have checked a lot of certificates from this connection in a short time. "
            "Wait a minute, then try again."
        )
        wait = usage["time_left"] or 60
        title = "Too many certificate checks"
        return _private(too_many_requests(request, title, message, retry_after=wait))
    certificate = _find(code)
    if certificate is None:
        return _private(page_not_found(request))
    booking = certificate.booking
    session = booking.session
    course = session.course
    withdrawal = _withdrawal(certificate)
    response = render(
        request,
        "training/certificate_check.html",
        {
            "code": certificate.display_code,
            "issuer": course.partnership.name,
            "withdrawn": withdrawal is not None,
            "withdrawn_at": withdrawal[0] if withdrawal else None,
            "withdrawn_reason": withdrawal[1] if withdrawal else "",
            "facts": [
                ("Name", booking.person.display_name),
                ("Course", course.title),
                ("Level", course.get_level_display()),
                ("Date", govuk_date(session.starts_at)),
                ("Learning time", presenters.hours(course)),
                ("Issued by", course.partnership.name),
            ],
        },
    )
    return _private(response)
