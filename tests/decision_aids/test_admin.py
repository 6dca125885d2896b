"""The editors' decision aids screens in Wagtail's admin: levels-of-need guides with their
levels and domains, indicators, and screening tools with their "Check and publish" screen.

A partnership's editors reach only their partnership's own guide and tools, consortium
editors only the regional ones; every other id answers 404 on every screen. Choices are the
editor's own and are checked again when posted. A save shows the check's findings; publishing
makes the next version once the check passes and something has changed."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
)

from hub.core import audit
from hub.core.models import Role
from hub.decision_aids.models import (
    Level,
    LevelsGuide,
    NeedDomain,
    NeedIndicator,
    OutcomeRule,
    RatingOption,
    Tool,
    ToolVersion,
)
from hub.procedures.models import Chapter, ChapterVersion, Manual, Part, Release
from tests.budgets import TEN_TIMES, signed_in, within_budget
from tests.decision_aids.conftest import level_of

pytestmark = pytest.mark.django_db


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def followed(client, response):
    """The page a redirect leads to (where the messages show)."""
    assert response.status_code == 302, response.content.decode()[:2000]
    return page(client.get(response["Location"]))


def text_of(html):
    """The page's words, as a reader sees them (entities decoded, spaces collapsed)."""
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def messages_of(html):
    soup = BeautifulSoup(html, "html.parser")
    return " ".join(
        " ".join(item.get_text(" ").split()) for item in soup.select(".messages li, .messages")
    )


def url(viewset, name, row=None):
    return reverse(f"decision_aids_{viewset}:{name}", args=[row.pk] if row is not None else [])


# --- Fixtures ------------------------------------------------------------------------------


@pytest.fixture
def editor_client(westshire_editor):
    return signed_in(westshire_editor)


@pytest.fixture
def regional_client(consortium_editor):
    return signed_in(consortium_editor)


@pytest.fixture
def northmoor_client(staff):
    return signed_in(staff(Role.EDITOR, partnership="northmoor", email="aids@northmoor.example"))


def _levels(guide, prefix):
    for order, name in enumerate(("Universal", "Early help", "Statutory")):
        Level.objects.get_or_create(
            guide=guide,
            slug=f"{prefix}-{name.lower().replace(' ', '-')}",
            defaults={
                "name": f"{prefix.title()} {name.lower()}",
                "sort_order": 200 + order,
                "summary": f"Children at the {name.lower()} level ({prefix} test).",
                "what_to_do": "<p>Talk to the test front door.</p>",
            },
        )


@pytest.fixture
def regional_guide(westshire):
    guide, _ = LevelsGuide.objects.get_or_create(
        partnership=None,
        consortium_id=westshire.consortium_id,
        defaults={"title": "Regional levels of need"},
    )
    _levels(guide, "regional")
    return guide


@pytest.fixture
def northmoor_guide(northmoor):
    guide, _ = LevelsGuide.objects.get_or_create(
        partnership=northmoor,
        defaults={"consortium_id": northmoor.consortium_id, "title": "Northmoor levels"},
    )
    _levels(guide, "northmoor")
    return guide


@pytest.fixture
def basic_care(westshire_guide):
    domain, _ = NeedDomain.objects.get_or_create(
        guide=westshire_guide,
        slug="t-basic-care",
        defaults={"name": "Test basic care", "sort_order": 100},
    )
    return domain


@pytest.fixture
def westshire_indicator(westshire_guide, basic_care):
    return NeedIndicator.objects.create(
        guide=westshire_guide,
        level=level_of(westshire_guide, "t-early-help"),
        domain=basic_care,
        topic="Test nutrition",
        text="Meals are sometimes missed.",
    )


def _tool(owner_guide, *, partnership, slug, title):
    tool = Tool.objects.create(
        consortium_id=owner_guide.consortium_id,
        partnership=partnership,
        title=title,
        slug=slug,
        summary="A tool for the admin tests.",
        introduction="<p>Test introduction.</p>",
        guide=owner_guide,
        otherwise_level=owner_guide.levels.order_by("sort_order").first(),
        domains=[
            (
                "domain",
                {
                    "title": "Test domain",
                    "guidance": "",
                    "indicators": [{"text": "A test indicator", "hint": "", "who_could_tell": ""}],
                },
            )
        ],
    )
    RatingOption.objects.create(tool=tool, label="Not concerned", kind="strength", sort_order=0)
    RatingOption.objects.create(tool=tool, label="Very concerned", kind="serious", sort_order=1)
    OutcomeRule.objects.create(
        tool=tool,
        counted="serious",
        at_least=1,
        in_domains=1,
        level=owner_guide.levels.order_by("-sort_order").first(),
    )
    return tool


@pytest.fixture
def regional_tool(regional_guide):
    return _tool(regional_guide, partnership=None, slug="regional-test-tool", title="Regional tool")


@pytest.fixture
def northmoor_tool(northmoor_guide, northmoor):
    return _tool(northmoor_guide, partnership=northmoor, slug="nm-tool", title="Northmoor tool")


def tool_form_data(tool, *, rules=None, **fields):
    """The tool's edit form as its page posts it (every rating, domain, indicator and rule
    with its id), with `fields` and `rules` [{"counted", "at_least", "in_domains", "level",
    "id"?}] instead of the saved ones."""
    tool.refresh_from_db()
    scale = [
        {"id": str(o.pk), "label": o.label, "hint": o.hint, "kind": o.kind}
        for o in tool.scale.all()
    ]
    saved_rules = [
        {
            "id": str(r.pk),
            "counted": r.counted,
            "at_least": str(r.at_least),
            "in_domains": str(r.in_domains),
            "level": str(r.level_id),
        }
        for r in tool.rules.all()
    ]
    domains = {"count": str(len(tool.domains))}
    for index, block in enumerate(tool.domains):
        items = block.value["indicators"].bound_blocks
        indicators = {"count": str(len(items))}
        for position, item in enumerate(items):
            indicators[str(position)] = {
                "deleted": "",
                "order": str(position),
                "id": item.id,
                "value": {
                    "text": item.value["text"],
                    "hint": item.value["hint"] or "",
                    "who_could_tell": item.value["who_could_tell"] or "",
                },
            }
        domains[str(index)] = {
            "type": "domain",
            "deleted": "",
            "order": str(index),
            "id": block.id,
            "value": {
                "title": block.value["title"],
                "guidance": block.value["guidance"] or "",
                "indicators": indicators,
            },
        }
    if rules is None:
        rules = saved_rules
    data = {
        "title": tool.title,
        "slug": tool.slug,
        "summary": tool.summary,
        "introduction": rich_text(tool.introduction),
        "guidance": rich_text(tool.guidance),
        "guide": str(tool.guide_id),
        "otherwise_level": str(tool.otherwise_level_id),
        "scale": inline_formset(scale, initial=len(scale)),
        "rules": inline_formset(
            [{key: str(value) for key, value in rule.items()} for rule in rules],
            initial=sum(1 for rule in rules if rule.get("id")),
        ),
        "domains": domains,
    }
    data.update(fields)
    return nested_form_data(data)


def saved_rules(tool):
    return [
        {
            "id": r.pk,
            "counted": r.counted,
            "at_least": r.at_least,
            "in_domains": r.in_domains,
            "level": r.level_id,
        }
        for r in tool.rules.all()
    ]


# --- Who sees what -------------------------------------------------------------------------


def test_a_partnership_editor_lists_only_their_own_guide_tools_and_indicators(
    editor_client, test_tool, regional_tool, northmoor_tool, westshire_indicator, basic_care
):
    guides = page(editor_client.get(url("guides", "index")))
    assert url("guides", "edit", test_tool.guide) in guides
    assert url("guides", "edit", northmoor_tool.guide) not in guides
    assert url("guides", "edit", regional_tool.guide) not in guides

    tools = page(editor_client.get(url("tools", "index")))
    assert "Test screening tool" in tools
    assert "Regional tool" not in tools
    assert "Northmoor tool" not in tools
    assert url("tools", "publish", test_tool) in tools

    indicators = page(editor_client.get(url("indicators", "index"), {"domain": basic_care.pk}))
    assert "Test nutrition" in indicators


def test_a_consortium_editor_lists_only_the_regional_guide_and_tools(
    regional_client, test_tool, regional_tool, westshire_indicator
):
    guides = page(regional_client.get(url("guides", "index")))
    assert url("guides", "edit", regional_tool.guide) in guides
    assert url("guides", "edit", test_tool.guide) not in guides
    tools = page(regional_client.get(url("tools", "index")))
    assert "Regional tool" in tools
    assert "Test screening tool" not in tools
    indicators = page(regional_client.get(url("indicators", "index"), {"q": "Test nutrition"}))
    assert url("indicators", "edit", westshire_indicator) not in indicators
    for viewset, row in (("tools", test_tool), ("guides", test_tool.guide)):
        assert regional_client.get(url(viewset, "edit", row)).status_code == 404
    assert regional_client.get(url("indicators", "edit", westshire_indicator)).status_code == 404


def test_a_partnership_editor_cannot_reach_the_regional_guide_or_tools(
    editor_client, regional_tool
):
    for viewset, row in (("tools", regional_tool), ("guides", regional_tool.guide)):
        assert editor_client.get(url(viewset, "edit", row)).status_code == 404
    assert editor_client.get(url("tools", "publish", regional_tool)).status_code == 404


def test_a_northmoor_editors_forged_ids_answer_404_on_every_screen_and_change_nothing(
    northmoor_client, test_tool, westshire_indicator
):
    guide = test_tool.guide
    screens = {
        "guides": (guide, ("edit", "delete", "history", "usage")),
        "indicators": (westshire_indicator, ("edit", "delete", "history", "usage")),
        "tools": (test_tool, ("edit", "delete", "history", "usage", "publish")),
    }
    for viewset, (row, names) in screens.items():
        for name in names:
            address = url(viewset, name, row)
            assert northmoor_client.get(address).status_code == 404, address
            assert northmoor_client.post(address, {"title": "Taken"}).status_code == 404, address
    assert ToolVersion.objects.filter(tool=test_tool).count() == 1
    assert Tool.objects.get(pk=test_tool.pk).title == "Test screening tool"
    assert LevelsGuide.objects.filter(pk=guide.pk).exists()
    assert NeedIndicator.objects.filter(pk=westshire_indicator.pk).exists()


def test_people_who_edit_nothing_here_are_kept_out(staff, test_tool):
    coordinator = signed_in(staff(Role.TRAINING_COORDINATOR, email="coordinator@aids.example"))
    for address in (url("guides", "index"), url("tools", "index"), url("indicators", "index")):
        assert coordinator.get(address).status_code in (302, 403, 404), address
    assert coordinator.get(url("tools", "publish", test_tool)).status_code in (302, 403, 404)


# --- Guides --------------------------------------------------------------------------------


def remove_regional_guide(consortium_id):
    """The demo's regional guide and tool gone, so the consortium can make its guide anew."""
    regional = LevelsGuide.objects.filter(partnership=None, consortium_id=consortium_id)
    Tool.objects.filter(guide__in=regional).delete()
    NeedIndicator.objects.filter(guide__in=regional).delete()
    regional.delete()


def test_a_consortium_editor_makes_the_regional_guide_and_its_owner_stays(
    regional_client, consortium_editor, westshire
):
    remove_regional_guide(westshire.consortium_id)
    form = page(regional_client.get(url("guides", "add")))
    assert "Regional (whole consortium)" in form
    assert (
        "Westshire" not in BeautifulSoup(form, "html.parser").find("select", {"name": "owner"}).text
    )
    data = nested_form_data(
        {
            "owner": f"regional-{westshire.consortium_id}",
            "title": "Test regional levels",
            "introduction": rich_text("<p>Shared by every partnership.</p>"),
            "levels": inline_formset(
                [
                    {
                        "name": "Test universal",
                        "slug": "test-universal",
                        "summary": "Every child.",
                        "what_to_do": rich_text("<p>Universal services.</p>"),
                    }
                ]
            ),
            "domains": inline_formset(
                [{"name": "Test health", "slug": "test-health", "description": ""}]
            ),
        }
    )
    response = regional_client.post(url("guides", "add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    guide = LevelsGuide.objects.get(title="Test regional levels")
    assert guide.partnership is None
    assert guide.consortium_id == westshire.consortium_id
    assert [level.name for level in guide.levels.all()] == ["Test universal"]
    entry = audit.entries().get(action="hub.decision_aids.guide_changed", object_id=str(guide.pk))
    assert entry.user == consortium_editor

    # Posting another owner on the edit form changes nothing: the owner is not offered.
    edit = querydict_from_html(
        page(regional_client.get(url("guides", "edit", guide))), "w-editor-form"
    )
    edit["owner"] = f"partnership-{westshire.pk}"
    edit["title"] = "Test regional levels, renamed"
    assert regional_client.post(url("guides", "edit", guide), edit).status_code == 302
    guide.refresh_from_db()
    assert guide.title == "Test regional levels, renamed"
    assert guide.partnership is None


def test_a_second_guide_for_the_same_partnership_is_a_form_error(
    editor_client, westshire_guide, westshire
):
    form = page(editor_client.get(url("guides", "add")))
    assert "Regional (whole consortium)" not in form
    data = nested_form_data(
        {
            "owner": f"partnership-{westshire.pk}",
            "title": "A second Westshire guide",
            "introduction": rich_text(""),
            "levels": inline_formset([]),
            "domains": inline_formset([]),
        }
    )
    html = page(editor_client.post(url("guides", "add"), data))
    assert "already has a levels-of-need guide" in html
    assert LevelsGuide.objects.filter(partnership=westshire).count() == 1


def test_a_partnership_editor_cannot_make_a_regional_or_another_partnerships_guide(
    editor_client, northmoor, westshire
):
    for owner in (f"regional-{westshire.consortium_id}", f"partnership-{northmoor.pk}"):
        data = nested_form_data(
            {
                "owner": owner,
                "title": "Smuggled guide",
                "introduction": rich_text(""),
                "levels": inline_formset([]),
                "domains": inline_formset([]),
            }
        )
        html = page(editor_client.post(url("guides", "add"), data))
        assert "Choose one of the partnerships you edit for" in html
    assert not LevelsGuide.objects.filter(title="Smuggled guide").exists()


def _guide_form_removing(client, guide, relation, row):
    data = querydict_from_html(page(client.get(url("guides", "edit", guide))), "w-editor-form")
    prefix = next(
        key[: -len("-id")]
        for key, value in data.items()
        if key.startswith(f"{relation}-") and key.endswith("-id") and value == str(row.pk)
    )
    data[f"{prefix}-DELETE"] = "1"
    return data


def test_removing_a_level_or_domain_in_use_is_refused_with_the_reason(
    editor_client, test_tool, westshire_indicator, basic_care
):
    guide = test_tool.guide
    statutory = level_of(guide, "t-statutory")  # the tool's first rule
    html = page(
        editor_client.post(
            url("guides", "edit", guide),
            _guide_form_removing(editor_client, guide, "levels", statutory),
        )
    )
    assert (
        "The level “Test statutory” cannot be removed: it is used by the outcome rules of "
        "Test screening tool."
    ) in text_of(html)
    assert Level.objects.filter(pk=statutory.pk).exists()

    html = page(
        editor_client.post(
            url("guides", "edit", guide),
            _guide_form_removing(editor_client, guide, "domains", basic_care),
        )
    )
    assert (
        "The domain “Test basic care” cannot be removed: it is used by 1 indicator of the "
        "guide. Move them to another domain first."
    ) in text_of(html)
    assert NeedDomain.objects.filter(pk=basic_care.pk).exists()


def test_removing_an_unused_level_works(editor_client, westshire_guide):
    spare = Level.objects.create(
        guide=westshire_guide,
        slug="t-spare",
        name="Test spare level",
        sort_order=150,
        summary="Unused.",
        what_to_do="<p>Nothing.</p>",
    )
    data = _guide_form_removing(editor_client, westshire_guide, "levels", spare)
    assert editor_client.post(url("guides", "edit", westshire_guide), data).status_code == 302
    assert not Level.objects.filter(pk=spare.pk).exists()


def test_deleting_a_guide_a_tool_uses_is_refused_with_the_reason(editor_client, test_tool):
    guide = test_tool.guide
    html = followed(editor_client, editor_client.post(url("guides", "delete", guide)))
    assert "cannot be deleted: the screening tools" in messages_of(html)
    assert "Test screening tool" in messages_of(html)
    assert LevelsGuide.objects.filter(pk=guide.pk).exists()


def test_deleting_a_guide_no_tool_uses_takes_its_levels_areas_and_indicators(
    editor_client, westshire_guide
):
    Tool.objects.filter(guide=westshire_guide).delete()
    assert NeedIndicator.objects.filter(guide=westshire_guide).exists()
    html = followed(editor_client, editor_client.post(url("guides", "delete", westshire_guide)))
    assert "cannot be deleted" not in messages_of(html)
    assert not LevelsGuide.objects.filter(pk=westshire_guide.pk).exists()
    assert not Level.objects.filter(guide_id=westshire_guide.pk).exists()
    assert not NeedDomain.objects.filter(guide_id=westshire_guide.pk).exists()
    assert not NeedIndicator.objects.filter(guide_id=westshire_guide.pk).exists()


# --- Indicators ----------------------------------------------------------------------------


@pytest.fixture
def northmoor_local_chapter(northmoor):
    manual = Manual.objects.get(consortium_id=northmoor.consortium_id)
    chapter = Chapter.objects.create(
        manual=manual,
        partnership=northmoor,
        part=Part.objects.filter(manual=manual).first(),
        slug="test-northmoor-only",
    )
    release = Release.objects.create(
        manual=manual,
        partnership=northmoor,
        title="Test Northmoor release",
        published_at="2026-01-01T09:00:00Z",
    )
    ChapterVersion.objects.create(
        chapter=chapter,
        release=release,
        title="Test Northmoor-only chapter",
        body="<p>Northmoor only.</p>",
        change_type="new",
        change_summary="New.",
    )
    return chapter


def indicator_data(guide, level, domain, **overrides):
    return {
        "guide": guide.pk,
        "level": level.pk,
        "domain": domain.pk,
        "topic": "Test supervision",
        "text": "Left alone for short times.",
        "services": rich_text(""),
        "chapter": "",
        "sort_order": "0",
        **overrides,
    }


def test_an_indicators_choices_are_the_editors_guide_only_and_forged_ones_are_refused(
    editor_client,
    westshire_editor,
    westshire_guide,
    basic_care,
    northmoor_guide,
    regional_guide,
    northmoor_local_chapter,
):
    html = page(editor_client.get(url("indicators", "add") + f"?guide={westshire_guide.pk}"))
    soup = BeautifulSoup(html, "html.parser")
    levels = soup.find("select", {"name": "level"}).get_text()
    assert "Test early help" in levels
    assert "Northmoor" not in levels
    assert "Regional" not in levels
    guide_choice = soup.find("select", {"name": "guide"}).find("option", selected=True)
    assert guide_choice["value"] == str(westshire_guide.pk)
    assert "Test Northmoor-only chapter" not in html

    northmoor_level = northmoor_guide.levels.first()
    for forged, error in (
        ({"level": northmoor_level.pk}, "Select a valid choice"),
        ({"guide": northmoor_guide.pk}, "Choose one of your guides"),
        ({"chapter": northmoor_local_chapter.pk}, "Select a valid choice"),
    ):
        data = {
            **indicator_data(
                westshire_guide, level_of(westshire_guide, "t-early-help"), basic_care
            ),
            **forged,
        }
        html = page(editor_client.post(url("indicators", "add"), data))
        assert error in text_of(html), forged
    assert not NeedIndicator.objects.filter(topic="Test supervision").exists()

    data = indicator_data(westshire_guide, level_of(westshire_guide, "t-early-help"), basic_care)
    assert editor_client.post(url("indicators", "add"), data).status_code == 302
    made = NeedIndicator.objects.get(topic="Test supervision")
    assert made.guide == westshire_guide
    entry = audit.entries().get(action="hub.decision_aids.guide_changed", object_id=str(made.pk))
    assert entry.user == westshire_editor
    assert entry.data["details"] == {"change": "created", "guide": westshire_guide.pk}


def test_a_level_or_chapter_of_another_of_the_editors_guides_is_a_form_error(
    staff, westshire_guide, basic_care, northmoor_guide, northmoor_local_chapter
):
    # Someone who edits for both partnerships is offered both guides' levels and chapters,
    # but an indicator's level must be its own guide's, and its chapter one that guide's
    # readers can see.
    superuser = staff(Role.EDITOR, email="both@aids.example")
    superuser.is_superuser = True
    superuser.save()
    client = signed_in(superuser)
    data = indicator_data(westshire_guide, northmoor_guide.levels.first(), basic_care)
    html = text_of(page(client.post(url("indicators", "add"), data)))
    assert f"Choose a level of {westshire_guide}" in html
    data = indicator_data(
        westshire_guide,
        level_of(westshire_guide, "t-early-help"),
        basic_care,
        chapter=northmoor_local_chapter.pk,
    )
    html = text_of(page(client.post(url("indicators", "add"), data)))
    assert "Choose a chapter that readers of this guide can see" in html
    assert not NeedIndicator.objects.filter(topic="Test supervision").exists()


def test_the_indicator_list_filters_by_guide_level_and_domain(
    editor_client, westshire_guide, basic_care, westshire_indicator
):
    NeedIndicator.objects.create(
        guide=westshire_guide,
        level=level_of(westshire_guide, "t-statutory"),
        domain=basic_care,
        topic="Test housing",
        text="No working heating.",
    )
    statutory = level_of(westshire_guide, "t-statutory")
    html = page(editor_client.get(url("indicators", "index"), {"level": statutory.pk}))
    assert "Test housing" in html
    assert "Test nutrition" not in html
    html = page(
        editor_client.get(
            url("indicators", "index"), {"guide": westshire_guide.pk, "domain": basic_care.pk}
        )
    )
    assert "Test housing" in html and "Test nutrition" in html


# --- Tools: saving -------------------------------------------------------------------------


def test_saving_a_tool_shows_that_every_outcome_can_be_reached(
    editor_client, westshire_editor, test_tool
):
    data = tool_form_data(test_tool, title="Test screening tool, edited")
    html = followed(editor_client, editor_client.post(url("tools", "edit", test_tool), data))
    assert "Every outcome can be reached" in messages_of(html)
    test_tool.refresh_from_db()
    assert test_tool.title == "Test screening tool, edited"
    entry = audit.entries().get(action="hub.decision_aids.tool_changed")
    assert entry.user == westshire_editor
    assert entry.data["details"] == {"change": "edited"}


def test_a_saved_draft_with_a_shadowed_rule_is_kept_and_its_problem_shown(
    editor_client, test_tool, westshire_guide
):
    rules = [
        *saved_rules(test_tool),
        {
            "counted": "serious",
            "at_least": 3,
            "in_domains": 1,
            "level": level_of(westshire_guide, "t-statutory").pk,
        },
    ]
    data = tool_form_data(test_tool, rules=rules)
    html = followed(editor_client, editor_client.post(url("tools", "edit", test_tool), data))
    assert "Rule 4 can never be reached" in messages_of(html)
    assert "cannot be published until" in messages_of(html)
    assert test_tool.rules.count() == 4


def test_a_tools_level_choices_are_its_guides_and_a_forged_level_is_refused(
    editor_client, test_tool, northmoor_guide, regional_guide
):
    html = page(editor_client.get(url("tools", "edit", test_tool)))
    otherwise = BeautifulSoup(html, "html.parser").find("select", {"name": "otherwise_level"})
    options = otherwise.get_text()
    assert "Test universal" in options
    assert "Northmoor" not in options
    # A Westshire tool may use the regional guide, so its levels are offered, named as such.
    assert "Regional universal (regional)" in options
    # Nor are Northmoor's levels offered anywhere on the page, a new rule's blank form included.
    assert "rules-__prefix__-level" in html
    assert "Northmoor universal" not in html
    rule_levels = BeautifulSoup(html, "html.parser").find("select", {"name": "rules-0-level"})
    assert rule_levels.get_text() == options

    northmoor_level = northmoor_guide.levels.first()
    regional_level = regional_guide.levels.first()
    rules = saved_rules(test_tool)
    rules[0]["level"] = northmoor_level.pk
    html = page(
        editor_client.post(url("tools", "edit", test_tool), tool_form_data(test_tool, rules=rules))
    )
    assert "Select a valid choice" in html

    rules[0]["level"] = regional_level.pk
    html = page(
        editor_client.post(url("tools", "edit", test_tool), tool_form_data(test_tool, rules=rules))
    )
    assert f"Choose a level of {test_tool.guide}" in html

    data = tool_form_data(test_tool, otherwise_level=str(regional_level.pk))
    html = page(editor_client.post(url("tools", "edit", test_tool), data))
    assert f"Choose a level of {test_tool.guide}" in html

    data = tool_form_data(test_tool, guide=str(northmoor_guide.pk))
    html = page(editor_client.post(url("tools", "edit", test_tool), data))
    assert "Choose the levels of need of the tool's partnership" in text_of(html)

    assert [rule.level.slug for rule in test_tool.rules.all()] == [
        "t-statutory",
        "t-targeted",
        "t-early-help",
    ]
    assert Tool.objects.get(pk=test_tool.pk).otherwise_level.slug == "t-universal"


def test_a_tool_moves_to_the_regional_guide_when_every_level_moves_with_it(
    editor_client, test_tool, regional_guide
):
    levels = list(regional_guide.levels.order_by("sort_order"))
    rules = saved_rules(test_tool)
    for rule, level in zip(rules, (levels[2], levels[1], levels[1]), strict=True):
        rule["level"] = level.pk
    data = tool_form_data(
        test_tool, rules=rules, guide=str(regional_guide.pk), otherwise_level=str(levels[0].pk)
    )
    assert editor_client.post(url("tools", "edit", test_tool), data).status_code == 302
    test_tool.refresh_from_db()
    assert test_tool.guide == regional_guide
    assert test_tool.partnership is not None


def test_a_second_tool_with_the_same_address_is_a_form_error(editor_client, test_tool, westshire):
    data = tool_form_data(test_tool, owner=f"partnership-{westshire.pk}")
    for key in [key for key in data if re.fullmatch(r"(scale|rules)-\d+-id", key)]:
        data[key] = ""
    data["scale-INITIAL_FORMS"] = data["rules-INITIAL_FORMS"] = "0"
    html = page(editor_client.post(url("tools", "add"), data))
    assert "Another of this owner's tools has this web address" in text_of(html)
    assert Tool.objects.filter(slug=test_tool.slug).count() == 1

    data["slug"] = "test-screening-copy"
    response = editor_client.post(url("tools", "add"), data)
    assert response.status_code == 302
    copy = Tool.objects.get(slug="test-screening-copy")
    assert copy.partnership == westshire
    assert response["Location"] == url("tools", "publish", copy)


# --- Tools: check and publish --------------------------------------------------------------


def test_the_check_and_publish_screen_shows_the_rules_for_sign_off(editor_client, test_tool):
    html = page(editor_client.get(url("tools", "publish", test_tool)))
    soup = BeautifulSoup(html, "html.parser")
    assert "Every outcome can be reached" in html
    svg = soup.find("svg", class_="hub-chart")
    assert svg["role"] == "img"
    # A question and an outcome box for each of the three rules, and "Otherwise".
    assert len(svg.find_all("rect")) == 7
    words = [" ".join(li.get_text(" ").split()) for li in soup.select("#rules-in-words li")]
    assert words == [
        "If 2 or more indicators rated serious concern in 1 or more domain: Test statutory",
        "If 1 or more indicator rated serious concern in 1 or more domain: Test targeted",
        "If 2 or more indicators rated some or serious concern in 2 or more domains: "
        "Test early help",
        "Otherwise: Test universal",
    ]
    examples = soup.find(id="examples-heading").find_parent("section").get_text(" ")
    assert "Rule 1" in examples and "Otherwise" in examples
    assert "Very concerned" in examples
    versions = soup.find(id="versions-heading").find_parent("section")
    assert versions.find("th", scope="row").get_text() == "1"
    assert "Nothing has changed since version 1" in html
    assert not soup.find("button", string=re.compile("Publish version"))


def test_publishing_a_changed_draft_makes_the_next_version_with_an_audit_entry(
    editor_client, westshire_editor, test_tool
):
    data = tool_form_data(test_tool, summary="A changed summary.")
    assert editor_client.post(url("tools", "edit", test_tool), data).status_code == 302
    html = page(editor_client.get(url("tools", "publish", test_tool)))
    assert "Publish version 2" in html

    html = followed(editor_client, editor_client.post(url("tools", "publish", test_tool)))
    assert "Version 2 of Test screening tool is published" in messages_of(html)
    latest = ToolVersion.objects.filter(tool=test_tool).order_by("-number").first()
    assert latest.number == 2
    assert latest.published_by == westshire_editor
    assert latest.content["summary"] == "A changed summary."
    entry = audit.entries().get(action="hub.decision_aids.tool_published", user=westshire_editor)
    assert entry.data["details"] == {"version": 2}

    # Pressed again (or nothing changed since): refused, nothing published.
    html = followed(editor_client, editor_client.post(url("tools", "publish", test_tool)))
    assert "Nothing has changed since version 2" in messages_of(html)
    assert ToolVersion.objects.filter(tool=test_tool).count() == 2


def test_publishing_is_refused_while_the_check_finds_a_problem(
    editor_client, test_tool, westshire_guide
):
    OutcomeRule.objects.create(
        tool=test_tool,
        counted="some",
        at_least=4,  # of a domain's three indicators
        in_domains=1,
        level=level_of(westshire_guide, "t-targeted"),
        sort_order=-1,
    )
    html = page(editor_client.get(url("tools", "publish", test_tool)))
    assert "cannot be published until" in html
    assert "Rule 1 can never apply" in text_of(html)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find("button", string=re.compile("Publish version"))

    html = followed(editor_client, editor_client.post(url("tools", "publish", test_tool)))
    assert "Not published" in messages_of(html)
    assert ToolVersion.objects.filter(tool=test_tool).count() == 1
    assert not audit.entries().filter(action="hub.decision_aids.tool_published", user__isnull=False)


def test_publishing_nothing_new_is_refused(editor_client, test_tool):
    html = followed(editor_client, editor_client.post(url("tools", "publish", test_tool)))
    assert "Nothing has changed since version 1" in messages_of(html)
    assert ToolVersion.objects.filter(tool=test_tool).count() == 1


def test_hostile_names_are_escaped_on_the_check_screen(editor_client, test_tool, westshire_guide):
    level = level_of(westshire_guide, "t-statutory")
    level.name = "<script>alert(1)</script> ]]>"
    level.save()
    html = page(editor_client.get(url("tools", "publish", test_tool)))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;" in html


# --- Query budgets -------------------------------------------------------------------------


@pytest.fixture
def many_tools(test_tool, westshire):
    """Ten times more Westshire tools, each published once."""
    tools = []
    for number in range(TEN_TIMES):
        tool = _tool(
            test_tool.guide, partnership=westshire, slug=f"grown-{number}", title=f"Grown {number}"
        )
        ToolVersion.objects.create(
            tool=tool, number=1, published_at="2026-01-01T09:00:00Z", content={}
        )
        tools.append(tool)
    return tools


def test_the_tool_list_costs_the_same_however_many_tools(
    editor_client, test_tool, django_assert_max_num_queries, request
):
    # The admin's own: session, user, roles, second factor, permissions (2), profile, locale,
    # the menu's permissions (3), page and site (2); then the list's count and its page of
    # tools with their latest versions. None per tool.
    budget = 15
    within_budget(django_assert_max_num_queries, editor_client, url("tools", "index"), budget)
    request.getfixturevalue("many_tools")
    html = within_budget(
        django_assert_max_num_queries, editor_client, url("tools", "index"), budget
    )
    assert "Grown 9" in html


def test_the_check_and_publish_screen_keeps_to_its_budget(
    editor_client, test_tool, django_assert_max_num_queries
):
    for number in range(2, 2 + TEN_TIMES):
        ToolVersion.objects.create(
            tool=test_tool, number=number, published_at="2026-01-01T09:00:00Z", content={}
        )
    # The admin's own (13, as on the list), the tool, its scale, rules, "otherwise" level,
    # the versions and the latest version's content. None per version.
    within_budget(
        django_assert_max_num_queries, editor_client, url("tools", "publish", test_tool), 19
    )


def test_the_editors_own_screens_open_and_the_menu_leads_to_them(
    editor_client, test_tool, westshire_indicator
):
    screens = {
        "guides": test_tool.guide,
        "indicators": westshire_indicator,
        "tools": test_tool,
    }
    for viewset, row in screens.items():
        for name in ("edit", "delete", "history", "usage"):
            page(editor_client.get(url(viewset, name, row)))
        page(editor_client.get(url(viewset, "add")))
    edit = page(editor_client.get(url("tools", "edit", test_tool)))
    assert url("tools", "publish", test_tool) in edit
    home = page(editor_client.get(reverse("wagtailadmin_home")))
    assert url("guides", "index") in home
    assert url("tools", "index") in home


def test_two_levels_swapping_short_names_save_nothing_and_say_why(editor_client, westshire_guide):
    data = querydict_from_html(
        page(editor_client.get(url("guides", "edit", westshire_guide))), "w-editor-form"
    )
    first = level_of(westshire_guide, "t-universal")
    second = level_of(westshire_guide, "t-early-help")
    prefixes = {
        value: key[: -len("-id")]
        for key, value in data.items()
        if key.startswith("levels-") and key.endswith("-id")
    }
    data[f"{prefixes[str(first.pk)]}-slug"] = "t-early-help"
    data[f"{prefixes[str(second.pk)]}-slug"] = "t-universal"
    html = page(editor_client.post(url("guides", "edit", westshire_guide), data))
    assert "Nothing was saved: these changes clash" in text_of(html)
    first.refresh_from_db()
    assert first.slug == "t-universal"
    assert not audit.entries().filter(action="hub.decision_aids.guide_changed").exists()
