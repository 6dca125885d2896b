"""The identifier guard: finds what would identify a child or family in free text, so text
that may hold it (a search query, a note on a case record) is refused, kept out of logs, or
redacted before it is stored.

It finds NHS numbers (ten digits with a valid check digit, spaced or not), full UK postcodes,
email addresses, and dates written near "born", "DOB", "date of birth" or "aged". It cannot
find a name; callers that keep free text say so to the person typing it.

Detectors are a list any domain may extend (`register`), each a function returning the spans
it found, so "one guard" stays one guard as domains add what they know (a case reference
format, say).
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class Finding:
    kind: str  # the detector's key
    label: str  # in words, for a message: "an NHS number"
    start: int
    end: int


@dataclass(frozen=True)
class Detector:
    kind: str
    label: str
    find: Callable[[str], Iterable[tuple[int, int]]]


# -- the detectors ----------------------------------------------------------------------------

# Ten digits, alone or as 3-3-4 with spaces or hyphens, not inside a longer number.
NHS_NUMBER = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")


def nhs_number_is_valid(digits):
    """The NHS number check (modulus 11): weights 10 to 2 on the first nine digits; 11 minus
    the remainder is the tenth digit (11 means 0; 10 means no valid number)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(
        int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _nhs_numbers(text):
    for match in NHS_NUMBER.finditer(text):
        if nhs_number_is_valid("".join(match.groups())):
            yield match.span()


# A full postcode (outward and inward code), as Royal Mail formats them; GIR 0AA too.
POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9][0-9A-HJKMNPR-Y]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)"
    r" ?[0-9][ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)


def _postcodes(text):
    for match in POSTCODE.finditer(text):
        yield match.span()


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)


def _emails(text):
    for match in EMAIL.finditer(text):
        yield match.span()


MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
DATE = re.compile(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"  # 3/4/2019, 03.04.19
    r"|\d{4}-\d{1,2}-\d{1,2}"  # 2019-04-03
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}\.?,?\s+\d{{2,4}}"  # 3rd April 2019
    rf"|{MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}})\b",  # April 3, 2019
    re.IGNORECASE,
)
BIRTH_WORDS = re.compile(
    r"\b(?:born|b\.|d\.?o\.?b\.?|date\s+of\s+birth|birthday|aged)", re.IGNORECASE
)
NEAR = 40  # characters between the word and the date


def _birth_dates(text):
    for word in BIRTH_WORDS.finditer(text):
        window_start = max(0, word.start() - NEAR)
        for date in DATE.finditer(text, window_start, min(len(text), word.end() + NEAR)):
            yield date.span()


_detectors: dict[str, Detector] = {}


def register(detector: Detector) -> Detector:
    """Add (or replace) a detector; a domain calls it from its app's ready()."""
    _detectors[detector.kind] = detector
    return detector


def unregister(kind: str) -> None:
    _detectors.pop(kind, None)


for _detector in (
    Detector("nhs_number", "an NHS number", _nhs_numbers),
    Detector("postcode", "a full postcode", _postcodes),
    Detector("email", "an email address", _emails),
    Detector("birth_date", "a date of birth", _birth_dates),
):
    register(_detector)


# -- using it ---------------------------------------------------------------------------------


def findings(text) -> list[Finding]:
    """Everything the detectors find in `text`, in order, each span once."""
    found, seen = [], set()
    for detector in _detectors.values():
        for start, end in detector.find(text or ""):
            if (start, end) not in seen:
                seen.add((start, end))
                found.append(Finding(detector.kind, detector.label, start, end))
    return sorted(found, key=lambda finding: (finding.start, finding.end))


def passes(text) -> bool:
    """True if nothing in `text` looks like an identifier."""
    return not findings(text)


def check(text, *, field=None):
    """Raise a ValidationError naming what was found (never the value itself), on `field`
    if given. For forms whose text must not hold anything that identifies a child."""
    found = findings(text)
    if not found:
        return
    kinds = sorted({finding.label for finding in found})
    message = (
        "Remove " + _join(kinds) + ": this must not identify a child or family. "
        "Describe the situation without names, numbers, addresses or dates of birth."
    )
    raise ValidationError({field: message} if field else message, code="identifier")


def redact(text) -> str:
    """`text` with each identifier replaced by its kind in brackets, e.g. "[a full
    postcode]". Overlapping findings are redacted as one."""
    text = text or ""
    pieces, last = [], 0
    for finding in findings(text):
        if finding.start < last:
            last = max(last, finding.end)
            continue
        pieces += [text[last : finding.start], f"[{finding.label}]"]
        last = finding.end
    pieces.append(text[last:])
    return "".join(pieces)


def _join(items):
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# -- a warning, not a refusal -----------------------------------------------------------------

# A UK phone number: 0 or +44 then nine or ten more digits, spaced or hyphenated as people
# write them. A service's own number is fine to write down, so this only warns: the person
# typing confirms it is not a child's or family's number.
PHONE = re.compile(r"(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[ -]?\d){8,9}(?![\d-])")


def phone_numbers(text) -> list[Finding]:
    """Phone numbers in `text`: callers warn and let the person confirm, never refuse."""
    return [
        Finding("phone_number", "a phone number", *match.span())
        for match in PHONE.finditer(text or "")
    ]


PHONE_WARNING = (
    "This looks like it has a phone number in it. If it is a child's or family's number, "
    "remove it. If it is not (a service's number, say), confirm that below and send it again."
)
