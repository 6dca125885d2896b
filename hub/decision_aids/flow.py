"""The practitioner's flow through a published screening tool, which stores nothing.

The answers ({indicator key: rating key}) live in one place between steps: a hidden form
field holding them signed (django.core.signing, a salt of their own, compressed), with the
tool and the version they were given for. Every step after the start page is a POST to the
tool's one address, so neither the answers nor the step are ever in a URL; nothing here
writes to the database, a session, a cookie, a cache, a log or the audit log, and the views
mark every POST parameter sensitive, so an error report cannot show them either.

A state is refused (`FlowError`, a 400 page offering "Start again") when its signature does
not match (tampered or garbled), it is older than `MAX_AGE`, it belongs to another tool, its
version is no longer the latest (the editor published a new one mid-flow), or it names an
indicator not in this version or a rating not on its scale. A step's ratings are checked the
same way. The exceptions name what happened, never the values sent.

The steps: the start page, the task list of domains, one page per domain, check your
answers, the outcome (and its PDF). `parse_action` reads which button was pressed.
"""

import re
import zlib
from dataclasses import dataclass, field

from django.core import signing
from django.urls import reverse

from hub.decision_aids import rules

SALT = "hub.decision_aids.flow.answers"
STATE_FIELD = "state"
ACTION_FIELD = "action"
RATING_PREFIX = "rating-"
# A state signed longer ago than this is refused: answers are only ever a step old, so a
# state this old was left open (on a shared computer, say) or kept.
MAX_AGE_HOURS = 4
MAX_AGE = MAX_AGE_HOURS * 60 * 60
# Far more than any tool's answers take (about 1,500 characters for 30 indicators).
LONGEST_STATE = 40_000

NOTHING_KEPT = "Nothing you entered has been kept."


class FlowError(Exception):
    """Input the flow cannot take. `title` and `message` are shown on the error page; they
    say what happened and never repeat what was sent."""

    def __init__(self, title, message, *, status=400, allow=None):
        super().__init__(title)
        self.title = title
        self.message = message
        self.status = status
        self.allow = allow  # for a 405: the methods the address takes


def unreadable():
    return FlowError(
        "Sorry, your answers could not be read",
        "The answers sent with this page were changed or are incomplete, so they cannot be "
        f"used. {NOTHING_KEPT} Start again to use the tool.",
    )


def expired():
    return FlowError(
        "Sorry, your answers have expired",
        f"The tool was left for more than {MAX_AGE_HOURS} hours between two steps, so the "
        f"answers can no longer be used. {NOTHING_KEPT} Start again to use the tool.",
    )


def other_tool():
    return FlowError(
        "Sorry, these answers are for another tool",
        "The answers sent with this page were given in a different screening tool, so they "
        f"cannot be used in this one. {NOTHING_KEPT} Start again to use this tool.",
    )


def stale(version):
    published = version.published_at
    return FlowError(
        "This tool has changed since you started",
        f"A new version of {version.content['title']} (version {version.number}) was "
        f"published on {_date(published)} while you were answering, and its questions may "
        f"differ. Your answers cannot be carried over to it. {NOTHING_KEPT} Start again to "
        "use the new version.",
    )


def off_scale():
    return FlowError(
        "Sorry, an answer could not be read",
        "An answer was sent that is not on this tool's rating scale. "
        f"{NOTHING_KEPT} Start again to use the tool.",
    )


def unknown_indicator():
    return FlowError(
        "Sorry, a question could not be found",
        "An answer was sent for a question that is not in this version of the tool. "
        f"{NOTHING_KEPT} Start again to use the tool.",
    )


def unknown_step():
    return FlowError(
        "Sorry, that step could not be found",
        "The button pressed does not match any step of this tool. "
        f"{NOTHING_KEPT} Start again to use the tool.",
    )


def incomplete():
    return FlowError(
        "Sorry, some answers are missing",
        "A summary can only be made once every question has an answer. "
        f"{NOTHING_KEPT} Start again to use the tool.",
    )


def summary_by_post_only():
    return FlowError(
        "The summary can only be made from the outcome page",
        "The summary is made from your answers when you press ‘Download a summary (PDF)’ on "
        "the outcome page. The Hub keeps no answers, so the summary cannot be opened from a "
        "link or a bookmark. Start again to use the tool.",
        status=405,
        allow="POST",
    )


def wrong_method():
    return FlowError(
        "Sorry, there is a problem with the request",
        "This page can only be opened, or sent from one of its own buttons. Start again to "
        "use the tool.",
        status=405,
        allow="GET, HEAD, POST",
    )


def _date(moment):
    from hub.core.presenters import govuk_date

    return govuk_date(moment)


# -- which button was pressed ----------------------------------------------------------------

_ACTION = re.compile(
    r"(?P<step>start|intro|tasks|check|outcome)"
    r"|(?P<page>domain|change|save|save-change)-(?P<number>[1-9][0-9]{0,3})"
)


@dataclass(frozen=True)
class Action:
    """A step: "start" (Start now), "intro" (back to the start page), "tasks", "check",
    "outcome", or a domain's page: "domain" (from the task list), "change" (from check your
    answers), "save" and "save-change" (its answers sent) with the domain's index."""

    step: str
    domain: int | None = None


def parse_action(data, content):
    """The button pressed, from the POST `data`; FlowError for anything else."""
    values = data.getlist(ACTION_FIELD)
    found = _ACTION.fullmatch(values[0]) if len(values) == 1 else None
    if found is None:
        raise unknown_step()
    if found["step"]:
        return Action(found["step"])
    index = int(found["number"]) - 1
    if index >= len(content["domains"]):
        raise unknown_step()
    return Action(found["page"], index)


def action_value(step, index=None):
    """The value of the button for `step` (and the domain at `index`)."""
    return step if index is None else f"{step}-{index + 1}"


# -- the answers, signed ---------------------------------------------------------------------


@dataclass
class Journey:
    """One practitioner's answers so far, for the tool's latest published version."""

    version: object  # ToolVersion
    # Never in a repr: a log line or an error report naming the journey shows no answer.
    answers: dict = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls, signed, version):
        """The answers carried by `signed`, checked against `version` (the tool's latest);
        FlowError when they cannot be used."""
        if not isinstance(signed, str) or not signed or len(signed) > LONGEST_STATE:
            raise unreadable()
        try:
            data = signing.loads(signed, salt=SALT, max_age=MAX_AGE)
        except signing.SignatureExpired:
            raise expired() from None
        except (signing.BadSignature, ValueError, TypeError, zlib.error):
            # `from None`: the signing error's message repeats the signature sent.
            raise unreadable() from None
        if not (
            isinstance(data, dict)
            and set(data) == {"t", "v", "a"}
            and type(data["t"]) is int
            and type(data["v"]) is int
            and isinstance(data["a"], dict)
        ):
            raise unreadable()
        if data["t"] != version.tool_id:
            raise other_tool()
        if data["v"] != version.number:
            raise stale(version) if data["v"] < version.number else unreadable()
        journey = cls(version)
        journey.check(data["a"])
        journey.answers = dict(data["a"])
        return journey

    def signed(self):
        return signing.dumps(
            {"t": self.version.tool_id, "v": self.version.number, "a": self.answers},
            salt=SALT,
            compress=True,
        )

    def check(self, answers):
        """FlowError unless every key is an indicator of this version and every value a
        rating on its scale."""
        indicators = self.indicator_keys
        ratings = self.rating_keys
        for key, rating in answers.items():
            if not isinstance(key, str) or key not in indicators:
                raise unknown_indicator()
            if not isinstance(rating, str) or rating not in ratings:
                raise off_scale()

    # -- the version's content

    @property
    def content(self):
        return self.version.content

    @property
    def domains(self):
        return self.content["domains"]

    @property
    def scale(self):
        return self.content["scale"]

    @property
    def indicator_keys(self):
        return {i["key"] for domain in self.domains for i in domain["indicators"]}

    @property
    def rating_keys(self):
        return {option["key"] for option in self.scale}

    # -- progress

    def rated(self, index):
        return sum(1 for i in self.domains[index]["indicators"] if i["key"] in self.answers)

    def is_done(self, index):
        return self.rated(index) == len(self.domains[index]["indicators"])

    @property
    def complete(self):
        return all(self.is_done(index) for index in range(len(self.domains)))

    def next_to_do(self, after):
        """The first domain after `after` (then from the first) still to answer, or None."""
        count = len(self.domains)
        for step in range(1, count + 1):
            index = (after + step) % count
            if not self.is_done(index):
                return index
        return None

    # -- a domain's page

    def field_names(self, index):
        """{form field name: indicator key} of the domain at `index`: fields are named by
        position, so no indicator key reaches a page's address, even as a #fragment."""
        return {
            f"{RATING_PREFIX}{position}": indicator["key"]
            for position, indicator in enumerate(self.domains[index]["indicators"], start=1)
        }

    def check_posted(self, data, index):
        """FlowError if the POST `data` rates an indicator that is not on the domain's page,
        or sends a rating off the scale (or more than one for an indicator)."""
        names = self.field_names(index)
        ratings = self.rating_keys
        for name in data:
            if not name.startswith(RATING_PREFIX):
                continue
            if name not in names:
                raise unknown_indicator()
            values = data.getlist(name)
            if len(values) != 1 or values[0] not in ratings:
                raise off_scale()

    def initial(self, index):
        return {
            name: self.answers[key]
            for name, key in self.field_names(index).items()
            if key in self.answers
        }

    def save(self, index, cleaned):
        for name, key in self.field_names(index).items():
            self.answers[key] = cleaned[name]


# -- what the pages show ---------------------------------------------------------------------

STATUS_DONE = "Completed"
STATUS_NOT_STARTED = "Not yet started"


def tasks(journey):
    """The task list: each domain with its status and how many indicators it has. (A
    domain's page saves all its ratings at once, so a domain is either done or not.)"""
    rows = []
    for index, domain in enumerate(journey.domains):
        rated = journey.rated(index)
        total = len(domain["indicators"])
        rows.append(
            {
                "index": index,
                "number": index + 1,
                "title": domain["title"],
                "action": action_value("domain", index),
                "status": STATUS_DONE if rated == total else STATUS_NOT_STARTED,
                "hint": f"{total} indicator{'' if total == 1 else 's'}",
            }
        )
    return rows


def _labels(journey):
    return {option["key"]: option["label"] for option in journey.scale}


def answer_groups(journey):
    """Each domain with its indicators and the label of the rating given (or None)."""
    label_of = _labels(journey)
    return [
        {
            "index": index,
            "title": domain["title"],
            "change": action_value("change", index),
            "rows": [
                {
                    "text": indicator["text"],
                    "rating": label_of.get(journey.answers.get(indicator["key"])),
                }
                for indicator in domain["indicators"]
            ],
        }
        for index, domain in enumerate(journey.domains)
    ]


@dataclass
class OutcomeSummary:
    """What the outcome page and its PDF show."""

    level: dict  # the frozen {"id", "slug", "name"}
    level_row: object  # the guide's live Level (what to do next), or None if it has gone
    level_url: str
    rule: str  # the rule that applied, in words, or "" for "otherwise"
    most_concern: list  # {"title", "counts": ["2 rated Very concerned", ...]}
    strengths: list  # {"domain", "text"}
    not_known: list  # {"domain", "text", "who_could_tell"}
    answers: list  # answer_groups
    version: object


def _kind_labels(journey):
    labels = {}
    for option in journey.scale:
        labels.setdefault(option["kind"], option["label"])
    return labels


def outcome_summary(journey):
    """The indicative level for the answers (rules.outcome), the guide's live Level for what
    to do next (one query), and the domains of most concern, strengths and "not known"."""
    from hub.decision_aids.models import Level

    found = rules.outcome(journey.content, journey.answers)
    level_row = Level.objects.filter(pk=found.level["id"]).first()
    slug = level_row.slug if level_row is not None else found.level["slug"]
    kind_label = _kind_labels(journey)
    most_concern = []
    for row in found.most_concern:
        counts = [
            f"{row[kind]} rated {kind_label.get(kind, kind)}"
            for kind in ("serious", "some")
            if row[kind]
        ]
        most_concern.append({"title": row["domain"]["title"], "counts": counts})
    rule = ""
    if found.rule is not None:
        rule = rules.rule_words(journey.content["rules"][found.rule])
    return OutcomeSummary(
        level=found.level,
        level_row=level_row,
        level_url=reverse("decision_aids:level", args=[slug]),
        rule=rule,
        most_concern=most_concern,
        strengths=[
            {"domain": domain["title"], "text": indicator["text"]}
            for domain, indicator in found.strengths
        ],
        not_known=[
            {
                "domain": domain["title"],
                "text": indicator["text"],
                "who_could_tell": indicator["who_could_tell"],
            }
            for domain, indicator in found.not_known
        ],
        answers=answer_groups(journey),
        version=journey.version,
    )
