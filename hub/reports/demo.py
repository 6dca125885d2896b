"""The demo's yearly reports: Westshire's published report for the last complete reporting
year, with its figures frozen, and a draft for the year in progress.

The report is written as the partnership's editors would write it, under the skeleton's
headings (hub/reports/blocks.py SKELETON), with figures from every domain that offers some
(each domain's demo puts activity in that year: hub/demo/years.py), in several kinds of chart,
and search topics picked from what the search insight shows for the year. Everything in it is
fictional and the pages are marked as demo content. It is published the way an editor
publishes, through Wagtail's revision, which freezes its figures (hub/reports/services.py).

A partnership whose site already has a yearly reports page is left as it is, so loading twice
changes nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from hub.core.domains import domains, every, figures
from hub.demo.years import current_year, last_complete_year
from hub.reports.blocks import SKELETON
from hub.reports.figures import year_label
from hub.reports.models import YearlyReportIndexPage, YearlyReportPage

SOURCE = "search"  # the search insight's topics (hub/search/topics.py)
TOPICS_PICKED = 4
# The partners sign the report off some months after the year ends.
SIGN_OFF_AFTER = datetime.timedelta(days=168)

# The published report's words, one entry per skeleton heading, in its order.
SECTIONS = [
    """<p>The Westshire Safeguarding Children Partnership (demo) is led by the three
    safeguarding partners: Westshire County Council (demo), NHS Westshire Integrated Care
    Board (demo) and Westmoor Police (demo). Schools, health providers, the probation service
    and voluntary, faith and sport organisations are relevant agencies and take part in our
    subgroups. An independent scrutineer challenged the partners twice this year.</p>
    <p>This report is fictional: it was written to show how the Hub helps a partnership
    report on its year.</p>""",
    """<p>We set three priorities for the year: <b>neglect</b>, <b>children at risk outside
    the home</b>, and <b>working together when professionals disagree</b>.</p>
    <ul><li>The neglect toolkit and the threshold guidance were reviewed with practitioners,
    and the threshold guidance was reviewed on time.</li>
    <li>The escalation protocol was used across agencies, and good practice between agencies
    was recorded as well as disagreement.</li>
    <li>The regional child protection procedures were updated twice.</li></ul>""",
    """<p>Some agreed actions slipped. An escalation waited past its stage's target at the
    end of the year, one agency's action from a practice review was not finished on time,
    and some of our documents were reviewed more than a year after their last version. The
    business unit now reports overdue actions to the executive every quarter.</p>""",
    """<p>The panel completed a rapid review within 15 working days and published the local
    review about Child W, with a 7-minute briefing that teams used in their meetings. Agencies'
    actions from the review are tracked on the Hub and signed off by the panel when the
    evidence shows the change.</p>""",
    """<p>The multi-agency training programme ran face-to-face, live online and e-learning
    sessions. People told us how confident they felt before and after each course, and some
    weeks later whether the training had changed what they do.</p>""",
    """<p>Westshire ran a mid-point check of section 11 self-assessments with six agencies.
    Ratings were agreed with each agency after challenge, and compared with the same
    agency's ratings in the last full round.</p>""",
    """<p>Young people from the participation group reviewed our online safety guide for
    parents and told us what they wanted adults to know. Parents' questions about gaming
    shaped its new section.</p>""",
    """<p>Next year we will keep neglect as a priority, run the full section 11 round with
    every agency, and measure whether the training changes practice six months on, not only
    eight weeks on.</p>""",
]

QUOTE = (
    "Adults always ask if we are safe online, but they don't ask what we actually do there. "
    "Ask us first, then we can tell you what worries us.",
    "A young person, 15, from the participation group",
)

# Figure blocks after each section's words (by skeleton position): (kind, value).
FIGURE_BLOCKS = {
    0: [
        (
            "headline_figures",
            {
                "heading": "The year in numbers",
                "figures": [
                    "training.sessions-held",
                    "training.places-taken",
                    "assurance.agencies-returned",
                    "reviews.rapid-reviews",
                    "escalations.escalations-raised",
                    "procedures.releases-published",
                ],
            },
        ),
    ],
    1: [
        (
            "figure",
            {
                "figure": "procedures.chapters-changed",
                "chart": "bar",
                "caption": "Each release of the procedures brought changed chapters to "
                "practitioners in Westshire.",
            },
        ),
        (
            "headline_figures",
            {
                "heading": "Working together",
                "figures": [
                    "escalations.escalations-closed",
                    "escalations.good-practice-recorded",
                    "library.documents-reviewed-on-time",
                ],
            },
        ),
        ("search_topics", {"caption": "What professionals looked for on our website."}),
    ],
    2: [
        (
            "headline_figures",
            {
                "heading": "Where we fell short",
                "figures": [
                    "escalations.escalations-open-past-a-stages-target",
                    "reviews.review-actions-overdue",
                    "library.documents-reviewed-late",
                    "library.documents-overdue-for-review",
                ],
            },
        ),
    ],
    3: [
        (
            "headline_figures",
            {
                "heading": "Reviews",
                "figures": [
                    "reviews.rapid-reviews",
                    "reviews.rapid-reviews-sent-within-15-working-days",
                    "reviews.reviews-published",
                    "reviews.review-actions-signed-off",
                    "reviews.7-minute-briefings-published",
                ],
            },
        ),
        (
            "figure",
            {
                "figure": "reviews.team-discussions-of-7-minute-briefings",
                "chart": "bar",
                "caption": "Teams discussed the briefing together, and told us what they changed.",
            },
        ),
        ("figure", {"figure": "reviews.agencies-whose-teams-used-a-7-minute-briefing"}),
    ],
    4: [
        (
            "headline_figures",
            {
                "heading": "Training",
                "figures": [
                    "training.places-offered",
                    "training.fill-rate",
                    "training.attendance-rate",
                    "training.no-show-rate",
                ],
            },
        ),
        (
            "figure",
            {
                "figure": "training.attendance-by-agency-type",
                "chart": "stacked",
                "caption": "Every type of organisation came to the training; no-shows were "
                "few, and we follow each one up with the organisation.",
            },
        ),
        (
            "figure",
            {
                "figure": "training.fill-rate",
                "chart": "line",
                "show_breakdown": False,
                "caption": "How full the sessions were, this year and before.",
            },
        ),
        (
            "headline_figures",
            {
                "heading": "Confidence, from 1 to 5",
                "figures": ["training.confidence-before", "training.confidence-after"],
            },
        ),
        (
            "figure",
            {
                "figure": "training.practice-changed",
                "chart": "bar",
                "caption": "Most people who answered said the training changed what they do.",
            },
        ),
    ],
    5: [
        (
            "headline_figures",
            {
                "heading": "Section 11",
                "figures": [
                    "assurance.agencies-invited",
                    "assurance.agencies-returned",
                    "assurance.actions-open",
                    "assurance.actions-completed",
                ],
            },
        ),
        (
            "figure",
            {
                "figure": "assurance.ratings-by-standard",
                "chart": "stacked",
                "caption": "Standard by standard, where agencies meet what we expect and "
                "where they are still working towards it.",
            },
        ),
        (
            "figure",
            {
                "figure": "assurance.standards-met",
                "chart": "line",
                "show_breakdown": False,
                "caption": "The share of standards agencies meet, round by round.",
            },
        ),
        (
            "figure",
            {
                "figure": "assurance.ratings-improved",
                "chart": "bar",
                "caption": "Compared with the last full round, more ratings went up than down.",
            },
        ),
    ],
}


def load(context):
    """Westshire's yearly reports page, its published report for the last complete year and
    a draft for the year in progress, unless its site has a yearly reports page; returns the
    pages made."""
    partnership = context.partnerships.get("westshire")
    if partnership is None or partnership.site is None:
        return []
    home = partnership.site.root_page
    if YearlyReportIndexPage.objects.descendant_of(home).exists():
        return []
    with transaction.atomic():
        index = _index(home)
        today = timezone.localdate()
        start, end = last_complete_year(today)
        published = _report(index, start, end, body=_published_body(partnership, start, end))
        published.signed_off_on = min(today, end + SIGN_OFF_AFTER)
        published.save_revision().publish()
        draft = _report(index, *current_year(today), body=_draft_body())
        draft.save_revision()
    return [index, published, draft]


def _index(home):
    index = YearlyReportIndexPage(
        title="Yearly reports",
        slug="yearly-reports",
        summary="What the safeguarding partners did each year, and the difference it made.",
        intro="<p>Each year the safeguarding partners publish a report on how the "
        "arrangements worked. This is fictional demo content.</p>",
        is_demo_content=True,
        live=False,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _report(index, start, end, *, body):
    label = year_label(start, end)
    in_progress = end >= timezone.localdate()
    report = YearlyReportPage(
        title=f"Yearly report {label}",
        slug=f"{start.year}-to-{end.year}" if start.year != end.year else str(start.year),
        summary=(
            f"Our report on {label}: being written as the year goes."
            if in_progress
            else f"How the partners kept children safe in {label}, and what changed."
        ),
        starts_on=start,
        ends_on=end,
        body=body,
        is_demo_content=True,
        live=False,
    )
    index.add_child(instance=report)
    return report


def _published_body(partnership, start, end):
    offered = figures()
    sections = {position: list(blocks) for position, blocks in FIGURE_BLOCKS.items()}
    missing = _figures_of_domains_not_shown(offered)
    if missing:
        sections[1].append(
            ("headline_figures", {"heading": "More from the Hub", "figures": missing})
        )
    body = []
    for position, (heading, _prompt) in enumerate(SKELETON):
        body.append({"type": "heading", "value": heading})
        body.append({"type": "text", "value": _words(SECTIONS[position])})
        if position == 6:
            text, attribution = QUOTE
            body.append({"type": "quote", "value": {"text": text, "attribution": attribution}})
        for kind, value in sections.get(position, []):
            block = _block(kind, value, offered, partnership, start, end)
            if block is not None:
                body.append(block)
    return body


def _figures_of_domains_not_shown(offered):
    """The first figure of each domain offering figures that the blocks above leave out (a
    domain added since this demo was written), at most six."""
    shown = set()
    for blocks in FIGURE_BLOCKS.values():
        for _kind, value in blocks:
            shown.update(value.get("figures", [value.get("figure")]))
    shown_domains = {key.split(".")[0] for key in shown if key and key in offered}
    missing = []
    for domain in domains():
        keys = [key for key, (owner, _) in offered.items() if owner.label == domain.label]
        if keys and domain.label not in shown_domains:
            missing.append(keys[0])
    return missing[:6]


def _block(kind, value, offered, partnership, start, end):
    """The raw block, leaving out figures no domain offers any more; None when nothing of it
    is left."""
    if kind == "figure":
        if value["figure"] not in offered:
            return None
        return {
            "type": kind,
            "value": {"chart": "", "show_breakdown": True, "caption": "", **value},
        }
    if kind == "headline_figures":
        keys = [key for key in value["figures"] if key in offered][:6]
        return {"type": kind, "value": {**value, "figures": keys}} if keys else None
    if kind == "search_topics":
        source = next((s for s in every("topic_sources") if s.key == SOURCE), None)
        picked = source.topics(partnership, start, end)[:TOPICS_PICKED] if source else []
        if not picked:
            return None
        topics = [topic for topic, _count in picked]
        return {"type": kind, "value": {"source": SOURCE, "topics": topics, **value}}
    return {"type": kind, "value": value}


def _draft_body():
    """The skeleton's headings and prompts, with the training figures the editor has added so
    far."""
    offered = figures()
    body = []
    for heading, prompt in SKELETON:
        body.append({"type": "heading", "value": heading})
        body.append({"type": "text", "value": f"<p>{prompt}</p>"})
        if heading == SKELETON[4][0]:
            keys = ["training.sessions-held", "training.places-taken", "training.fill-rate"]
            keys = [key for key in keys if key in offered]
            if keys:
                body.append(
                    {"type": "headline_figures", "value": {"heading": "So far", "figures": keys}}
                )
    return body


def _words(html):
    return " ".join(html.split())
