import pytest

from hub.core.models import Role
from hub.decision_aids.models import Level, LevelsGuide, OutcomeRule, RatingOption, Tool
from hub.decision_aids.services import tool_publish

TEST_LEVELS = (
    ("t-universal", "Test universal"),
    ("t-early-help", "Test early help"),
    ("t-targeted", "Test targeted"),
    ("t-statutory", "Test statutory"),
)


@pytest.fixture
def westshire_guide(westshire):
    """Westshire's levels-of-need guide (the demo's, or a new one), with four test levels of
    our own added."""
    guide, _ = LevelsGuide.objects.get_or_create(
        partnership=westshire, defaults={"consortium_id": westshire.consortium_id}
    )
    for order, (slug, name) in enumerate(TEST_LEVELS, start=100):
        Level.objects.get_or_create(
            guide=guide,
            slug=slug,
            defaults={
                "name": name,
                "sort_order": order,
                "summary": f"{name}: children whose needs are at this test level.",
                "what_to_do": f"<p>What to do next at {name}.</p>",
            },
        )
    return guide


def level_of(guide, slug):
    return Level.objects.get(guide=guide, slug=slug)


def _indicator(text, who=""):
    return {"text": text, "hint": "", "who_could_tell": who}


@pytest.fixture
def test_tool(westshire, westshire_guide):
    """A published Westshire tool: two domains of three indicators, four ratings, and rules
    'two serious in a domain → statutory; one serious → targeted; some-or-serious twice in
    two domains → early help; otherwise universal'."""
    guide = westshire_guide
    tool = Tool(
        consortium_id=westshire.consortium_id,
        partnership=westshire,
        title="Test screening tool",
        slug="test-screening",
        summary="A screening tool for the tests.",
        introduction="<p>Use this test tool to think through your worries.</p>",
        guidance="<p>The outcome supports your judgement; it is not a decision.</p>",
        guide=guide,
        otherwise_level=level_of(guide, "t-universal"),
        domains=[
            (
                "domain",
                {
                    "title": "Basic care",
                    "guidance": "Food, warmth and hygiene.",
                    "indicators": [
                        _indicator("Quolliver meals are regular", "the school nurse"),
                        _indicator("Clothing suits the weather"),
                        _indicator("Hygiene needs are met"),
                    ],
                },
            ),
            (
                "domain",
                {
                    "title": "Supervision",
                    "guidance": "Who looks after the child, and where.",
                    "indicators": [
                        _indicator("An adult knows where the child is"),
                        _indicator("The home is safe", "the health visitor"),
                        _indicator("Care when parents are away is arranged"),
                    ],
                },
            ),
        ],
    )
    tool.save()
    for order, (label, kind) in enumerate(
        (
            ("Not concerned", "strength"),
            ("Some concern", "some"),
            ("Very concerned", "serious"),
            ("Not known", "unknown"),
        )
    ):
        RatingOption.objects.create(tool=tool, label=label, kind=kind, sort_order=order)
    for order, (counted, at_least, in_domains, slug) in enumerate(
        (
            ("serious", 2, 1, "t-statutory"),
            ("serious", 1, 1, "t-targeted"),
            ("concern", 2, 2, "t-early-help"),
        )
    ):
        OutcomeRule.objects.create(
            tool=tool,
            counted=counted,
            at_least=at_least,
            in_domains=in_domains,
            level=level_of(guide, slug),
            sort_order=order,
        )
    tool_publish(tool=tool, by=None)
    return tool


@pytest.fixture
def westshire_editor(staff):
    return staff(Role.EDITOR, email="aids-editor@westshire.example")


@pytest.fixture
def consortium_editor(staff):
    return staff(Role.CONSORTIUM_EDITOR, email="aids-regional-editor@consortium.example")
