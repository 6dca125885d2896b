"""The yearly report's blocks: the editor's narrative, and figures pulled for the report's
year from every domain through the registry (hub/core/domains.py `figures()`), never named
here."""

from wagtail import blocks

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

CHART_CHOICES = [
    ("", "No chart: the figure, and its table when it has one"),
    ("bar", "Bar chart of its parts"),
    ("stacked", "Stacked bar chart of its parts"),
    ("line", "Line chart over this and earlier years"),
]


def figure_choices():
    """Every figure the domains offer, by its lasting key, labelled with its domain."""
    from hub.core.domains import figures

    return sorted(
        ((key, f"{domain.name}: {figure.name}") for key, (domain, figure) in figures().items()),
        key=lambda choice: choice[1].lower(),
    )


def topic_source_choices():
    from hub.core.domains import every

    return [(source.key, source.label) for source in every("topic_sources")]


class FigureBlock(blocks.StructBlock):
    figure = blocks.ChoiceBlock(choices=figure_choices)
    chart = blocks.ChoiceBlock(choices=CHART_CHOICES, required=False)
    show_breakdown = blocks.BooleanBlock(
        required=False,
        default=True,
        help_text="Show the table of its parts (per agency, per course) when it has them.",
    )
    caption = blocks.TextBlock(
        required=False,
        max_length=600,
        help_text="What the figure tells readers, in your words: its impact, not just its size.",
    )

    class Meta:
        icon = "table"
        label = "Figure from the Hub"


class HeadlineFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    figures = blocks.ListBlock(blocks.ChoiceBlock(choices=figure_choices), min_num=1, max_num=6)

    class Meta:
        icon = "pick"
        label = "Headline figures"


class SearchTopicsBlock(blocks.StructBlock):
    source = blocks.ChoiceBlock(choices=topic_source_choices)
    topics = blocks.ListBlock(
        blocks.CharBlock(max_length=100),
        min_num=1,
        max_num=12,
        help_text="Topics picked from the search insight report for the year; nothing is "
        "added unless you pick it.",
    )
    caption = blocks.TextBlock(required=False, max_length=600)

    class Meta:
        icon = "search"
        label = "What people searched for"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=1000)
    attribution = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Who said it, never their name: 'A young person, 15', 'A parent'.",
    )

    class Meta:
        icon = "openquote"
        label = "Quotation"


class ReportStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        max_length=120,
        icon="title",
        form_classname="title",
        help_text="Starts a section; listed in the report's table of contents.",
    )
    subheading = blocks.CharBlock(max_length=120, icon="title")
    text = blocks.RichTextBlock(features=TEXT_FEATURES)
    headline_figures = HeadlineFiguresBlock()
    figure = FigureBlock()
    search_topics = SearchTopicsBlock()
    quote = QuoteBlock()


# Working Together 2023's expectations of the yearly report, as a new report's sections.
SKELETON = (
    (
        "Our arrangements",
        "Who the safeguarding partners are, the relevant agencies, and how the arrangements work.",
    ),
    (
        "Our priorities and the progress we made",
        "What the partners set out to do this year, "
        "what they did and the difference it made to children.",
    ),
    ("Where progress was limited", "What did not go as planned, why, and what happens next."),
    (
        "Learning from reviews",
        "Rapid reviews and practice reviews this year, what they taught "
        "and what changed because of them.",
    ),
    (
        "Training and its impact",
        "The multi-agency training offered, who took it up, and evidence that practice changed.",
    ),
    (
        "Assurance",
        "Section 11 and other assurance work: what it showed about how well agencies "
        "keep children safe.",
    ),
    (
        "The voice of children and families",
        "How children, young people and families shaped the partnership's work.",
    ),
    (
        "Our priorities for next year",
        "What the partners will do next year and how they will know it worked.",
    ),
)


def skeleton():
    """A new report's body: each heading with a prompt for the editor to replace."""
    from wagtail.rich_text import RichText

    body = []
    for heading, prompt in SKELETON:
        body.append(("heading", heading))
        body.append(("text", RichText(f"<p>{prompt}</p>")))
    return body
