"""The levels of need and the screening tools in site search: each level page found by its
indicators' words, leading to the indicator; each published tool's start page; a change found
once saved and gone once deleted; and each partnership finding only the guide and tools its
site shows (its own, or else the regional ones)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from hub.decision_aids.models import Level, LevelsGuide, NeedDomain, NeedIndicator, Tool
from hub.decision_aids.queries import guide_for
from hub.decision_aids.services import tool_publish
from hub.search.models import SearchChunk
from hub.search.results import run

pytestmark = pytest.mark.django_db

TOOL_URL = reverse("decision_aids:tool", args=["neglect-screening"])


def urls(query, partnership):
    return [
        result.url for result in run(query, partnership=partnership, user=AnonymousUser()).results
    ]


def guide_urls(query, partnership):
    return [
        url
        for url in urls(query, partnership)
        if url.startswith(("/levels-of-need/", "/decision-aids/"))
    ]


@pytest.fixture
def saved(django_capture_on_commit_callbacks):
    """Run what a save asks for once it commits (the search index's update, at once)."""

    def save(*rows, delete=False):
        with django_capture_on_commit_callbacks(execute=True):
            for row in rows:
                row.delete() if delete else row.save()

    return save


def indicator(guide, level, domain, topic):
    return NeedIndicator.objects.get(
        guide=guide, level__slug=level, domain__slug=domain, topic=topic
    )


def test_an_indicators_words_find_its_level_page_at_the_indicator(westshire):
    need = indicator(guide_for(westshire), "targeted", "safety-outside-the-home", "Going missing")
    found = urls("return home interview", westshire)
    assert f"{reverse('decision_aids:level', args=['targeted'])}#need-{need.pk}" in found[:5]


def test_neglect_and_early_help_find_the_guide_and_the_screening_tool(westshire):
    assert TOOL_URL in urls("neglect screening", westshire)[:3]
    early_help = urls("early help", westshire)
    assert any(
        url.startswith(reverse("decision_aids:level", args=["early-help"])) for url in early_help
    )


def test_a_saved_change_is_found_and_a_deleted_indicator_is_gone(westshire, saved):
    guide = guide_for(westshire)
    need = indicator(guide, "early-help", "childs-development", "Health")
    assert guide_urls("quillwort", westshire) == []
    need.text = "The child's quillwort allergy is not managed at home."
    saved(need)
    assert guide_urls("quillwort", westshire) == [
        f"{reverse('decision_aids:level', args=['early-help'])}#need-{need.pk}"
    ]
    saved(need, delete=True)
    assert guide_urls("quillwort", westshire) == []


def test_an_indicator_moved_to_another_level_leaves_the_old_levels_page(westshire, saved):
    guide = guide_for(westshire)
    need = indicator(guide, "early-help", "childs-development", "Health")
    need.text = "A marshwort worry for the search test."
    saved(need)
    need.level = Level.objects.get(guide=guide, slug="targeted")
    saved(need)
    assert guide_urls("marshwort", westshire) == [
        f"{reverse('decision_aids:level', args=['targeted'])}#need-{need.pk}"
    ]


def test_renaming_a_level_or_a_domain_is_found(westshire, saved):
    guide = guide_for(westshire)
    level = Level.objects.get(guide=guide, slug="specialist")
    level.name = "Specialist and statutory bryony"
    saved(level)
    # Every chunk of the level's page carries its name (the best is one of its indicators).
    specialist = reverse("decision_aids:level", args=["specialist"])
    assert [url.split("#")[0] for url in guide_urls("bryony", westshire)] == [specialist]
    domain = NeedDomain.objects.get(guide=guide, slug="family-and-environment")
    domain.name = "Family, home and sorrel"
    saved(domain)
    found = guide_urls("sorrel", westshire)
    assert reverse("decision_aids:guide") in found
    assert any(url.startswith(reverse("decision_aids:level", args=["universal"])) for url in found)


def test_northmoor_never_finds_westshires_own_guide_and_westshire_not_the_regional_one(
    westshire, northmoor, saved
):
    own = indicator(guide_for(westshire), "universal", "childs-development", "Health")
    own.text = "Westshire's own goldenrod indicator."
    regional = indicator(guide_for(northmoor), "universal", "childs-development", "Health")
    regional.text = "The regional feverfew indicator."
    saved(own, regional)
    assert guide_urls("goldenrod", westshire) and not guide_urls("goldenrod", northmoor)
    assert guide_urls("feverfew", northmoor) and not guide_urls("feverfew", westshire)
    # The regional guide is indexed for Northmoor's site alone, not for the whole consortium.
    chunks = SearchChunk.objects.filter(source_type="levels", text__contains="feverfew")
    assert {(chunk.partnership_id, chunk.consortium_id) for chunk in chunks} == {
        (northmoor.pk, None)
    }


def test_a_partnership_whose_own_guide_goes_finds_the_regional_one(westshire, saved):
    regional = LevelsGuide.objects.get(partnership__isnull=True)
    need = indicator(regional, "targeted", "parenting-capacity", "Basic care")
    need.text = "The regional yarrow indicator."
    saved(need)
    assert guide_urls("yarrow", westshire) == []
    own = guide_for(westshire)
    with_tools = list(Tool.objects.filter(guide=own))
    saved(*with_tools, delete=True)
    saved(*NeedIndicator.objects.filter(guide=own), delete=True)
    saved(own, delete=True)
    assert guide_urls("yarrow", westshire) == [
        f"{reverse('decision_aids:level', args=['targeted'])}#need-{need.pk}"
    ]
    # And the regional tool now takes the address Westshire's own had.
    assert TOOL_URL in guide_urls("neglect screening", westshire)


def test_a_published_tool_is_found_by_its_latest_version_for_the_sites_that_use_it(
    westshire, northmoor, saved, django_capture_on_commit_callbacks
):
    own = Tool.objects.get(partnership=westshire, slug="neglect-screening")
    own.summary = "Think through a child's daily care, with a hawthorn question."
    saved(own)
    # The draft is not what practitioners use: nothing is found until it is published.
    assert guide_urls("hawthorn", westshire) == []
    with django_capture_on_commit_callbacks(execute=True):
        with_version = tool_publish(tool=own, by=None)
    assert with_version.number == 2
    assert guide_urls("hawthorn", westshire) == [TOOL_URL]
    assert guide_urls("hawthorn", northmoor) == []
    # Westshire's own tool takes the regional one's address on its site.
    regional = Tool.objects.get(partnership__isnull=True, slug="neglect-screening")
    chunks = SearchChunk.objects.filter(source_type="levels", source_id=f"tool-{regional.pk}")
    assert set(chunks.values_list("partnership_id", flat=True)) == {northmoor.pk}


def test_an_unpublished_tool_is_never_found(westshire, saved):
    own = Tool.objects.get(partnership=westshire, slug="neglect-screening")
    regional = Tool.objects.get(partnership__isnull=True, slug="neglect-screening")
    saved(*own.versions.all(), delete=True)
    # Westshire's own tool is gone from search; the regional one, published, takes its
    # address on Westshire's site as it does on the tools page (queries.published_tools).
    found = SearchChunk.objects.filter(source_type="levels", partnership=westshire)
    assert not found.filter(source_id=f"tool-{own.pk}").exists()
    assert found.filter(source_id=f"tool-{regional.pk}").exists()
    saved(*regional.versions.all(), delete=True)
    assert TOOL_URL not in guide_urls("neglect screening", westshire)
    assert not SearchChunk.objects.filter(source_id__startswith="tool-").exists()
