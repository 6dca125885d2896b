"""The domain registry: how a domain (library, procedures, training, section 11, ...) takes
part in what every domain shares, without being named anywhere else.

Each `hub.*` app declares one `Domain` in its own `domain.py` and registers it from its
`AppConfig.ready()`. Everything cross-cutting reads the registry: audit action labels, the
personal-data download and account deletion, retention, the scheduler (`manage.py run_jobs`),
page-cache purging, main navigation and the account home page, the staff dashboard ("what
needs doing"), the figures reports can use, the records an agency may attach to its section 11
answers as evidence, the topics and resources it publishes (the yearly report, the open-data
API and Atom feeds), and the demo loader. `manage.py check` fails when an installed `hub.*`
app has no declaration, or a model holding a person is covered by none (hub/core/checks.py).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# -- what a domain can contribute ------------------------------------------------------------


@dataclass(frozen=True)
class PersonalData:
    """A part of the personal-data download, and what account deletion does with it.

    `export(user)` returns JSON-ready data (under `key` in the download). `erase(user)` runs
    inside the deletion's transaction before the account row goes; rows that cascade from the
    user need no erase. `models` names every model ("app_label.ModelName") whose rows this
    covers, so the system check can tell that nothing holding a person is forgotten."""

    key: str
    models: tuple[str, ...]
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] | None = None


@dataclass(frozen=True)
class Retention:
    """Rows removed once older than `keep()`: `prune(now)` deletes them, returns how many.
    `models` as for PersonalData; `what` and `how_long` are the README's words."""

    what: str
    how_long: str
    models: tuple[str, ...]
    prune: Callable[[datetime.datetime], int]


@dataclass(frozen=True)
class Job:
    """A periodic job run by `manage.py run_jobs`: every `every`, or daily at `at` (local
    time). `run(now)` must be safe to run again or late; it returns something to log."""

    name: str
    run: Callable[[datetime.datetime], Any]
    every: datetime.timedelta | None = None
    at: datetime.time | None = None
    description: str = ""

    def __post_init__(self):
        if (self.every is None) == (self.at is None):
            raise ValueError(f"Job {self.name!r} needs exactly one of `every` and `at`.")


@dataclass(frozen=True)
class Link:
    """A link in the main navigation (every page: `shown(request)` must be cheap) or on the
    account home page (only ever seen signed in)."""

    text: str
    url: Callable[[Any], str]
    order: int = 100
    shown: Callable[[Any], bool] = lambda request: True
    active_for: str = ""  # the view names (a prefix) on which it is marked current
    description: str = ""


# The admin menu's groups of staff screens, in the partnership's words, in menu order:
# (key, label, icon). A domain's StaffLink names one of the keys.
STAFF_GROUPS = (
    ("content", "Content", "doc-empty-inverse"),
    ("guidance", "Protocols and guidance", "doc-full"),
    ("procedures", "Procedures", "list-ol"),
    ("training", "Training team", "group"),
    ("assurance", "Section 11", "tasks"),
    ("reviews", "Reviews and learning", "glasses"),
    ("people", "People and audit", "user"),
)


@dataclass(frozen=True)
class StaffLink:
    """A staff screen: listed in the admin menu under `group` (a key of STAFF_GROUPS) and on
    the account page, for whoever `shown(request)` allows (the screen itself checks again).
    `url(request)` may depend on the person (their own partnership's settings, say)."""

    group: str
    text: str
    url: Callable[[Any], str]
    shown: Callable[[Any], bool]
    order: int = 100
    description: str = ""


@dataclass(frozen=True)
class Todo:
    """One line of a staff member's "what needs doing": `items(user)` yields
    (text, url, count) for what this person may act on."""

    name: str
    items: Callable[[Any], list[tuple[str, str, int]]]


@dataclass(frozen=True)
class Figure:
    """A number a report may show: `compute(partnership, start, end)` for a date range
    (a count, or a rate when `unit` is "%"; None when it cannot be worked out, say a rate of
    nothing). `counts_people` marks figures about people, which reports suppress when small.
    `breakdown(partnership, start, end)`, when given, splits it: [(label, count), ...] (per
    agency, per briefing), for a report's table and bar chart; with `columns` (the parts of
    each bar, in order) it returns [(label, [count per column]), ...] for a stacked bar chart.
    `key` names it for good within its domain (reports keep it): the name, slugified, unless
    given; `description` says in a sentence what it counts, for the editor choosing it."""

    name: str
    unit: str
    compute: Callable[[Any, datetime.date, datetime.date], float | int | None]
    counts_people: bool = False
    breakdown: Callable[[Any, datetime.date, datetime.date], list[tuple[str, Any]]] | None = None
    columns: tuple[str, ...] = ()
    key: str = ""
    description: str = ""

    @property
    def slug(self):
        from django.utils.text import slugify

        return self.key or slugify(self.name)


@dataclass(frozen=True)
class TopicSource:
    """Topics an editor may pick for a report from what a domain already shows staff (the
    search insight report): `topics(partnership, start, end)` returns [(topic, count)] that
    the domain would show for that range, and `count(partnership, start, end, topic)` one
    topic's count. Nothing is pulled into a report unless an editor picks it."""

    key: str
    label: str
    topics: Callable[[Any, datetime.date, datetime.date], list[tuple[str, int]]]
    count: Callable[[Any, datetime.date, datetime.date, str], int]


@dataclass(frozen=True)
class ApiResource:
    """A part of the read-only open-data API, served under /api/v1/<prefix>/ (hub/opendata
    builds the one API from every domain's): `router()` returns its django-ninja Router of
    GET operations, answering for the partnership of the request's host. `sections` are the
    page-cache sections (hub/ops/page_cache.py) its answers are kept and purged under."""

    prefix: str
    title: str
    router: Callable[[], Any]
    description: str = ""
    sections: tuple[str, ...] = ("content",)
    order: int = 100


@dataclass(frozen=True)
class FeedEntry:
    """One entry of an Atom feed. `id` must never change for the same thing (a tag: URI or
    the permanent address); `updated` is timezone-aware."""

    id: str
    title: str
    url: str
    updated: datetime.datetime
    summary: str = ""
    published: datetime.datetime | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    """An Atom feed served at /feeds/<key>/ (hub/opendata): `entries(partnership, request)`
    returns its FeedEntry list, newest first, public content only. Pages for which
    `linked_from(request)` holds name it in a `<link rel="alternate">`. `sections` as for
    ApiResource."""

    key: str
    title: str
    entries: Callable[[Any, Any], list[FeedEntry]]
    subtitle: str = ""
    linked_from: Callable[[Any], bool] = lambda request: True
    sections: tuple[str, ...] = ("content",)
    order: int = 100


@dataclass(frozen=True)
class EvidenceSource:
    """Records a domain keeps that an agency's lead may choose to attach to a section 11
    answer as evidence (nothing is attached unless they choose it): `records(agency,
    partnership)` returns [(key, text, date)], newest first, for that agency's records in that
    partnership; `key` stays the same for the same record, so one is attached at most once."""

    key: str
    label: str
    records: Callable[[Any, Any], list[tuple[str, str, datetime.date]]]


@dataclass(frozen=True)
class Searchable:
    """Content a domain offers to site search (hub/search/indexing.py), as one of the
    search page's types ("Show: <label>").

    `chunks(ids)` returns {source id: [unsaved SearchChunk, ...]} for the sources named in
    `ids` (None: every source the domain has), each chunk with its scope, visibility, kind,
    title, heading, text and url; a source named but missing, withdrawn or not yet published
    maps to [] (or is left out), and its chunks leave the index. `changes` maps a model label
    ("app_label.ModelName") to `affected(row)`: the source ids a saved or deleted row of that
    model changes, so they are indexed again once the transaction commits. `synonyms
    (partnership)` adds [[word, other words, ...], ...] the domain knows (a glossary)."""

    kind: str  # the source type in the index and the filter's value in the query string
    label: str
    chunks: Callable[[Any], dict[str, list]]
    changes: dict[str, Callable[[Any], Any]] = field(default_factory=dict)
    order: int = 100
    synonyms: Callable[[Any], list[list[str]]] | None = None


@dataclass(frozen=True)
class RoleDef:
    """A role a domain adds to the permission table (hub/core/permissions.py): held for a
    partnership, for the holder's own agency, or for a consortium; no migration needed."""

    value: str
    label: str
    actions: frozenset[str]
    scope: str = "partnership"  # "partnership", "agency" or "consortium"
    assignable: bool = True  # whether a partnership admin may give it

    def __post_init__(self):
        if not 0 < len(self.value) <= 40:
            raise ValueError(f"Role {self.value!r}: a value of 1 to 40 characters.")
        if self.scope not in ("partnership", "agency", "consortium"):
            raise ValueError(f"Role {self.value!r}: unknown scope {self.scope!r}.")


@dataclass(frozen=True)
class SignOff:
    """A kind of change a partnership may require a second person to approve before readers
    see it (hub/core/sign_off.py). `regional` when the consortium's regional changes of this
    kind can require it too (set by the consortium's editors)."""

    key: str
    label: str
    description: str = ""
    regional: bool = False


@dataclass(frozen=True)
class Domain:
    label: str  # the app label
    name: str  # in words, for people
    audit_actions: dict[str, str] = field(default_factory=dict)
    # permission actions it adds (value -> what it allows, in words), roles it adds, and the
    # actions of its own it gives to roles declared elsewhere (role value -> action values)
    actions: dict[str, str] = field(default_factory=dict)
    roles: tuple[RoleDef, ...] = ()
    grants: dict[str, tuple[str, ...]] = field(default_factory=dict)
    personal_data: tuple[PersonalData, ...] = ()
    retention: tuple[Retention, ...] = ()
    jobs: tuple[Job, ...] = ()
    # model label -> page-cache sections its rows appear on
    cache_purge: dict[str, tuple[str, ...]] = field(default_factory=dict)
    search: tuple[Searchable, ...] = ()
    navigation: tuple[Link, ...] = ()
    account_links: tuple[Link, ...] = ()
    staff_links: tuple[StaffLink, ...] = ()
    todos: tuple[Todo, ...] = ()
    figures: tuple[Figure, ...] = ()
    topic_sources: tuple[TopicSource, ...] = ()
    api: tuple[ApiResource, ...] = ()
    feeds: tuple[Feed, ...] = ()
    evidence_sources: tuple[EvidenceSource, ...] = ()
    sign_offs: tuple[SignOff, ...] = ()
    # called by `load_demo` with the consortium and partnerships, in ascending demo_order,
    # after the partnerships, sites and accounts exist; it makes its own transaction
    demo: Callable[[Any], Any] | None = None
    demo_order: int = 100


# -- the registry ---------------------------------------------------------------------------

_domains: dict[str, Domain] = {}
# What is read on every request or every save, worked out once per change of the registry.
_derived: dict[str, Any] = {}


def register(domain: Domain) -> Domain:
    """Called from the app's ready(); registering the same label twice replaces it (tests)."""
    _domains[domain.label] = domain
    _derived.clear()
    return domain


def unregister(label: str) -> None:
    _domains.pop(label, None)
    _derived.clear()


def domains() -> list[Domain]:
    return list(_domains.values())


def declared(label: str) -> bool:
    return label in _domains


def every(attribute: str) -> tuple:
    """Every domain's contributions of one kind, in registration order; links and anything
    else with an `order` sorted by it."""
    if attribute not in _derived:
        found = []
        for domain in _domains.values():
            value = getattr(domain, attribute)
            found.extend(value.items() if isinstance(value, dict) else value)
        if found and hasattr(found[0], "order"):
            found.sort(key=lambda item: item.order)
        _derived[attribute] = tuple(found)
    return _derived[attribute]


def derived(key: str, compute: Callable[[], Any]) -> Any:
    """`compute()`, worked out once per change of the registry."""
    if key not in _derived:
        _derived[key] = compute()
    return _derived[key]


def purge_sections(model_label: str) -> tuple[str, ...] | None:
    """The page-cache sections showing rows of the model "app_label.modelname"."""
    if "purge" not in _derived:
        _derived["purge"] = {label.lower(): sections for label, sections in every("cache_purge")}
    return _derived["purge"].get(model_label.lower())


def todos_for(user) -> list[dict]:
    """Every domain's "what needs doing" lines for `user`, as the account page and the admin
    dashboard show them."""
    return [
        {"text": text, "href": href, "count": count}
        for todo in every("todos")
        for text, href, count in todo.items(user)
    ]


def staff_links_for(request, group=None) -> list[tuple[str, str, list[StaffLink]]]:
    """The staff screens this person may use, as [(group key, group label, links)] in menu
    order, leaving out empty groups (or only `group`'s)."""
    found = []
    for key, label, _icon in STAFF_GROUPS:
        if group is not None and key != group:
            continue
        links = [link for link in every("staff_links") if link.group == key]
        links = [link for link in links if link.shown(request)]
        if links:
            found.append((key, label, links))
    return found


def figures() -> dict[str, tuple[Domain, Figure]]:
    """Every figure a report may use, by its lasting key "<domain label>.<figure slug>"."""
    return derived(
        "figures by key",  # not "figures": every("figures") keeps its tuple under that
        lambda: {
            f"{domain.label}.{figure.slug}": (domain, figure)
            for domain in _domains.values()
            for figure in domain.figures
        },
    )


def jobs() -> dict[str, Job]:
    return {job.name: job for job in every("jobs")}


def register_app(app_config) -> Domain:
    """Register the DOMAIN of an app's `domain` module; call it from the app's ready()."""
    from importlib import import_module

    return register(import_module(f"{app_config.name}.domain").DOMAIN)


def jobs_markdown() -> str:
    """The schedule as the README shows it (tests/core/test_domains.py keeps them equal)."""
    lines = ["| job | when | what it does |", "|---|---|---|"]
    for job in jobs().values():
        when = (
            f"every {int(job.every.total_seconds() // 60)} minutes"
            if job.every
            else f"daily at {job.at:%H:%M}"
        )
        lines.append(f"| `{job.name}` | {when} | {job.description} |")
    return "\n".join(lines) + "\n"


def retention_markdown() -> str:
    """Every retention rule as the README shows it."""
    lines = ["| what | how long |", "|---|---|"]
    for rule in every("retention"):
        lines.append(f"| {rule.what} | {rule.how_long} |")
    return "\n".join(lines) + "\n"
