import pytest
from django.core.exceptions import ValidationError

from hub.decision_aids import rules
from hub.decision_aids.models import OutcomeRule, ToolVersion
from hub.decision_aids.services import tool_content, tool_publish
from tests.decision_aids.conftest import level_of


def _answers(content, ratings):
    """{indicator key: rating key} from [[label, ...] per domain]."""
    key_of = {option["label"]: option["key"] for option in content["scale"]}
    return {
        indicator["key"]: key_of[label]
        for domain, labels in zip(content["domains"], ratings, strict=True)
        for indicator, label in zip(domain["indicators"], labels, strict=True)
    }


def test_publishing_freezes_the_tool_as_version_one_with_stable_keys(test_tool):
    version = ToolVersion.objects.get(tool=test_tool)
    assert version.number == 1
    content = version.content
    assert [d["title"] for d in content["domains"]] == ["Basic care", "Supervision"]
    keys = [i["key"] for d in content["domains"] for i in d["indicators"]]
    assert len(set(keys)) == 6 and all(keys)
    assert tool_content(test_tool)["domains"] == content["domains"]
    assert [rule["level"]["slug"] for rule in content["rules"]] == [
        "t-statutory",
        "t-targeted",
        "t-early-help",
    ]


@pytest.mark.parametrize(
    ("ratings", "level"),
    [
        ([["Not concerned"] * 3, ["Not concerned"] * 3], "t-universal"),
        ([["Very concerned", "Very concerned", "Not known"], ["Not concerned"] * 3], "t-statutory"),
        ([["Very concerned", "Not concerned", "Not known"], ["Not concerned"] * 3], "t-targeted"),
        (
            [["Some concern"] * 2 + ["Not known"], ["Some concern"] * 2 + ["Not known"]],
            "t-early-help",
        ),
        ([["Some concern"] * 3, ["Not concerned"] * 3], "t-universal"),
    ],
)
def test_the_first_rule_that_applies_gives_the_level(test_tool, ratings, level):
    content = ToolVersion.objects.get(tool=test_tool).content
    assert rules.outcome(content, _answers(content, ratings)).level["slug"] == level


def test_the_check_finds_every_outcome_of_the_test_tool_reachable(test_tool):
    found = rules.check(tool_content(test_tool))
    assert found.ok, found.problems
    assert set(found.examples) == {0, 1, 2, None}


def test_a_rule_shadowed_by_an_earlier_one_stops_publishing(test_tool, westshire_guide):
    OutcomeRule.objects.create(
        tool=test_tool,
        counted="serious",
        at_least=3,
        in_domains=1,
        level=level_of(westshire_guide, "t-statutory"),
        sort_order=10,
    )
    with pytest.raises(ValidationError) as refused:
        tool_publish(tool=test_tool, by=None)
    assert "Rule 4 can never be reached" in str(refused.value)
    assert ToolVersion.objects.filter(tool=test_tool).count() == 1


def test_a_rule_no_answers_can_meet_is_named_as_impossible(test_tool, westshire_guide):
    OutcomeRule.objects.create(
        tool=test_tool,
        counted="some",
        at_least=4,
        in_domains=1,
        level=level_of(westshire_guide, "t-early-help"),
        sort_order=-1,
    )
    found = rules.check(tool_content(test_tool))
    assert "Rule 1 can never apply" in found.problems[0]
