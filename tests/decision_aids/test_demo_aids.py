"""The demo's levels of need and neglect screening tool: Westshire's own, and the regional
versions Northmoor uses; every outcome of the tools reachable; the demo's threshold material
pointing to the guide."""

import pytest
from django.test import Client

from hub.decision_aids import rules
from hub.decision_aids.models import LevelsGuide, NeedIndicator, Tool
from hub.decision_aids.queries import guide_for, published_tools
from hub.decision_aids.services import latest_version
from hub.demo.decision_aids import load_decision_aids
from hub.library.models import LibraryDocument
from hub.procedures.queries import chapter_at

pytestmark = pytest.mark.django_db

LEVELS = ["universal", "early-help", "targeted", "specialist"]


def demo_tools():
    return list(
        Tool.objects.filter(slug="neglect-screening", versions__isnull=False).select_related(
            "partnership"
        )
    )


def test_westshire_uses_its_own_guide_and_tool_and_northmoor_the_regional_ones(
    westshire, northmoor
):
    own, regional = guide_for(westshire), guide_for(northmoor)
    assert own.partnership == westshire
    assert regional.is_regional and regional.consortium_id == northmoor.consortium_id
    assert [tool.partnership for tool in published_tools(westshire)] == [westshire]
    assert [tool.is_regional for tool in published_tools(northmoor)] == [True]
    assert published_tools(northmoor)[0].guide == regional
    assert published_tools(westshire)[0].guide == own


def test_the_demo_tools_pass_the_check_with_every_outcome_reachable():
    tools = demo_tools()
    assert len(tools) == 2
    for tool in tools:
        version = latest_version(tool)
        assert version.number == 1
        content = version.content
        found = rules.check(content)
        assert found.ok, found.problems
        # Every rule, and "otherwise", is the outcome for some answers.
        assert set(found.examples) == {None, *range(len(content["rules"]))}
        assert [rule["level"]["slug"] for rule in content["rules"]] + [
            content["otherwise"]["slug"]
        ] == ["specialist", "specialist", "targeted", "targeted", "early-help", "universal"]


def test_the_neglect_tool_has_four_domains_of_about_thirty_indicators_on_a_four_point_scale():
    for tool in demo_tools():
        content = latest_version(tool).content
        assert len(content["domains"]) == 4
        indicators = [i for domain in content["domains"] for i in domain["indicators"]]
        assert len(indicators) == 30
        assert all(indicator["hint"] for indicator in indicators)
        assert sum(1 for indicator in indicators if indicator["who_could_tell"]) >= 20
        assert [(option["label"], option["kind"]) for option in content["scale"]] == [
            ("Not concerned", "strength"),
            ("Some concern", "some"),
            ("Very concerned", "serious"),
            ("Not known", "unknown"),
        ]
        # The outcome's levels are the tool's guide's levels.
        slugs = set(tool.guide.levels.values_list("slug", flat=True))
        assert {rule["level"]["slug"] for rule in content["rules"]} <= slugs


def test_every_topic_is_described_at_every_level_with_chapters_the_readers_can_open(
    westshire, northmoor
):
    for partnership in (westshire, northmoor):
        guide = guide_for(partnership)
        assert list(guide.levels.values_list("slug", flat=True)) == LEVELS
        assert guide.domains.count() == 4
        by_topic = {}
        for indicator in NeedIndicator.objects.filter(guide=guide).select_related(
            "level", "chapter"
        ):
            by_topic.setdefault((indicator.domain_id, indicator.topic), []).append(
                indicator.level.slug
            )
            if indicator.chapter is not None:
                assert chapter_at(partnership, indicator.chapter.slug) is not None
        assert len(by_topic) == 12
        assert all(sorted(levels, key=LEVELS.index) == LEVELS for levels in by_topic.values())
        assert NeedIndicator.objects.filter(guide=guide, chapter__isnull=False).count() >= 30


def test_what_to_do_next_names_who_to_call_the_form_the_referral_route_and_escalation(
    westshire, northmoor
):
    westshire_levels = {level.slug: level.what_to_do for level in guide_for(westshire).levels.all()}
    specialist = westshire_levels["specialist"]
    assert "Westshire Children's Front Door on 01632 960 100" in specialist
    assert "01632 960 199" in specialist
    assert 'href="/procedures/making-a-referral/"' in specialist
    assert 'href="/library/early-help-assessment-template/"' in westshire_levels["early-help"]
    for text in westshire_levels.values():
        assert 'href="/library/resolving-professional-differences-protocol/"' in text
    # The regional guide names no partnership's own services or numbers.
    regional = guide_for(northmoor)
    texts = [regional.introduction, *regional.levels.values_list("what_to_do", flat=True)]
    texts += NeedIndicator.objects.filter(guide=regional).values_list("services", flat=True)
    assert not [text for text in texts if "Westshire" in text or "01632" in text]
    for text in regional.levels.values_list("what_to_do", flat=True):
        assert 'href="/procedures/resolving-professional-differences/"' in text


def test_the_demo_guides_and_tools_say_they_are_demonstration_content():
    for guide in LevelsGuide.objects.all():
        assert "demonstration content" in guide.introduction
    for tool in demo_tools():
        assert "demonstration content" in latest_version(tool).content["introduction"]


def test_the_threshold_document_and_the_levels_chapters_link_to_the_guide(northmoor_client):
    threshold = LibraryDocument.objects.get(slug="effective-support-threshold-guidance")
    assert "/levels-of-need/" in threshold.summary
    current = threshold.versions.order_by("-number").first()
    assert "/levels-of-need/" in current.text
    westshire_chapter = Client().get("/procedures/westshire-levels-of-need/").content.decode()
    assert 'href="/levels-of-need/"' in westshire_chapter
    # Northmoor has no levels chapter of its own: its early help information links instead.
    northmoor_chapter = northmoor_client.get("/procedures/early-help/").content.decode()
    assert 'href="/levels-of-need/"' in northmoor_chapter


def test_loading_the_demo_again_changes_nothing(westshire, northmoor):
    before = (
        LevelsGuide.objects.count(),
        NeedIndicator.objects.count(),
        Tool.objects.count(),
    )
    partnerships = {"westshire": westshire, "northmoor": northmoor}
    assert load_decision_aids(westshire.consortium, partnerships) == 0
    after = (LevelsGuide.objects.count(), NeedIndicator.objects.count(), Tool.objects.count())
    assert after == before
