"""The levels-of-need guide's public pages: Westshire's own guide on its site, the regional
guide on Northmoor's; each indicator linking to the same topic at the other levels, its local
services and its procedure chapter; another guide's levels and areas answering 404; the
anonymous page cache keeping the pages; and each page's query budget, the same with ten
times the indicators."""

import re

import pytest
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from hub.decision_aids.models import Level, LevelsGuide, NeedDomain, NeedIndicator, Tool
from hub.decision_aids.queries import guide_for
from hub.library.models import LibraryDocument
from hub.procedures.models import Chapter
from tests.budgets import TEN_TIMES, within_budget

pytestmark = pytest.mark.django_db

GUIDE = reverse("decision_aids:guide")


def level_url(slug):
    return reverse("decision_aids:level", args=[slug])


def domain_url(slug):
    return reverse("decision_aids:domain", args=[slug])


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def indicator(guide, level, domain, topic):
    return NeedIndicator.objects.get(
        guide=guide, level__slug=level, domain__slug=domain, topic=topic
    )


# -- the overview ----------------------------------------------------------------------------


def test_westshires_guide_shows_its_levels_areas_and_its_screening_tool(client, westshire):
    html = page(client, GUIDE)
    assert '<h1 class="govuk-heading-xl">Levels of need</h1>' in html
    assert westshire.name in html
    assert "Effective Support for Children and Families in Westshire" in html
    for slug in ("universal", "early-help", "targeted", "specialist"):
        assert f'href="{level_url(slug)}"' in html
    assert f'href="{domain_url("parenting-capacity")}"' in html
    # A cell of the overview: Parenting capacity at early help, on that level's page.
    assert f'href="{level_url("early-help")}#area-parenting-capacity"' in html
    assert '<th scope="row" class="govuk-table__header">' in html
    assert f'href="{reverse("decision_aids:tool", args=["neglect-screening"])}"' in html
    assert "Neglect screening tool" in html


def test_northmoor_reads_the_regional_guide_shared_by_the_consortium(northmoor_client, northmoor):
    html = page(northmoor_client, GUIDE)
    assert f"Shared by the partnerships of the {northmoor.consortium.name} consortium" in html
    assert "each partnership's threshold document" in html
    assert "Effective Support for Children and Families in Westshire" not in html
    level = page(northmoor_client, level_url("specialist"))
    # Rich text, as the editor wrote it.
    assert "the children's social care front door for the child's area" in level
    assert "Westshire Children's Front Door" not in level
    assert 'href="/procedures/resolving-professional-differences/"' in level


def test_a_tool_never_published_is_not_offered(client, westshire):
    Tool.objects.filter(partnership=westshire).first().versions.all().delete()
    html = page(client, GUIDE)
    assert "Neglect screening tool" not in html


# -- one level -------------------------------------------------------------------------------


def test_a_level_shows_what_to_do_next_and_its_indicators_by_area(client, westshire):
    html = page(client, level_url("specialist"))
    assert '<h1 class="govuk-heading-xl">Specialist</h1>' in html
    assert 'id="what-to-do"' in html
    assert "Westshire Children's Front Door on 01632 960 100" in html
    assert 'href="/library/resolving-professional-differences-protocol/"' in html
    for area in ("childs-development", "parenting-capacity", "family-and-environment"):
        assert f'id="area-{area}"' in html
    guide = guide_for(westshire)
    need = indicator(guide, "specialist", "parenting-capacity", "Basic care")
    assert f'id="need-{need.pk}"' in html
    assert "Basic care is so poor that the child is suffering" in html


def test_an_indicator_links_to_the_same_topic_at_every_other_level(client, westshire):
    guide = guide_for(westshire)
    here = indicator(guide, "early-help", "family-and-environment", "Adults' own needs")
    others = {
        slug: indicator(guide, slug, "family-and-environment", "Adults' own needs")
        for slug in ("universal", "targeted", "specialist")
    }
    html = page(client, level_url("early-help"))
    section = html.split(f'id="need-{here.pk}"', 1)[1].split('class="hub-need"', 1)[0]
    links = re.findall(r'href="(/levels-of-need/[^"]+)"', section)
    assert links == [
        f"{level_url('universal')}#need-{others['universal'].pk}",
        f"{level_url('targeted')}#need-{others['targeted'].pk}",
        f"{level_url('specialist')}#need-{others['specialist'].pk}",
    ]
    # Each link lands on the indicator on that level's page.
    assert f'id="need-{others["targeted"].pk}"' in page(client, level_url("targeted"))


def test_an_indicator_shows_its_local_services_and_its_procedure_chapter(client, westshire):
    guide = guide_for(westshire)
    need = indicator(guide, "targeted", "safety-outside-the-home", "Going missing")
    html = page(client, level_url("targeted"))
    section = html.split(f'id="need-{need.pk}"', 1)[1].split('class="hub-need"', 1)[0]
    assert "Local services" in section
    assert "Brightpath Family Support (demo)" in section
    assert (
        f'href="{reverse("procedures:chapter", args=["children-missing-from-home-or-care"])}"'
        in section
    )
    assert "Children missing from home or care" in section


def test_a_document_link_in_services_leads_to_the_documents_current_file(client, westshire):
    guide = guide_for(westshire)
    need = indicator(guide, "early-help", "childs-development", "Health")
    document = LibraryDocument.objects.get(slug="early-help-assessment-template")
    version = document.versions.order_by("-number").first()
    need.services = (
        f'<p>Use the <a linktype="document" id="{version.file_id}">early help form</a>.</p>'
    )
    need.save()
    html = page(client, level_url("early-help"))
    assert f'<a href="{document.get_download_url()}">early help form</a>' in html


def test_a_chapter_this_site_does_not_show_is_not_linked(northmoor_client):
    """A Westshire-only chapter picked for the regional guide is no link on Northmoor's
    site, whose readers cannot open it."""
    regional = LevelsGuide.objects.get(partnership__isnull=True)
    local = Chapter.objects.get(slug="westshire-levels-of-need")
    need = indicator(regional, "universal", "childs-development", "Health")
    need.chapter = local
    need.save()
    html = page(northmoor_client, level_url("universal"))
    assert 'href="/procedures/westshire-levels-of-need/"' not in html


def test_previous_and_next_levels_are_linked(client):
    html = page(client, level_url("early-help"))
    pagination = html.split('aria-label="Other levels"', 1)[1]
    assert f'href="{level_url("universal")}"' in pagination
    assert f'href="{level_url("targeted")}"' in pagination
    first = page(client, level_url("universal")).split('aria-label="Other levels"', 1)[1]
    assert "govuk-pagination__prev" not in first


# -- one domain ------------------------------------------------------------------------------


def test_a_domain_shows_each_topic_across_every_level(client, westshire):
    html = page(client, domain_url("parenting-capacity"))
    assert '<h1 class="govuk-heading-xl">Parenting capacity</h1>' in html
    table = html.split('class="hub-levels-stacked"', 1)[0]
    headers = re.findall(r'<th scope="col"[^>]*>(?:<a [^>]*>)?([^<]+)', table)
    assert headers == ["Need", "Universal", "Early help", "Targeted", "Specialist"]
    rows = re.findall(r'<th scope="row"[^>]*>([^<]+)</th>', table)
    assert rows == ["Basic care", "Supervision and safety", "Warmth, guidance and boundaries"]
    guide = guide_for(westshire)
    need = indicator(guide, "targeted", "parenting-capacity", "Supervision and safety")
    assert f'href="{level_url("targeted")}#need-{need.pk}"' in table
    # The same words, stacked topic by topic, for small screens.
    stacked = html.split('class="hub-levels-stacked"', 1)[1].split('id="other-areas"', 1)[0]
    assert stacked.count('<h2 class="govuk-heading-l"') == 3
    assert need.text in stacked


# -- another guide's addresses ---------------------------------------------------------------


def test_a_level_or_area_of_another_guide_is_not_found(client, northmoor_client, westshire):
    regional = LevelsGuide.objects.get(partnership__isnull=True)
    Level.objects.create(
        guide=regional,
        slug="regional-only",
        name="Regional only",
        summary="A level only the regional guide has.",
        what_to_do="<p>Regional.</p>",
        sort_order=50,
    )
    NeedDomain.objects.create(guide=regional, slug="regional-area", name="Regional area")
    assert northmoor_client.get(level_url("regional-only")).status_code == 200
    assert northmoor_client.get(domain_url("regional-area")).status_code == 200
    assert client.get(level_url("regional-only")).status_code == 404
    assert client.get(domain_url("regional-area")).status_code == 404
    assert client.get(level_url("no-such-level")).status_code == 404
    assert client.get(domain_url("no-such-area")).status_code == 404


def test_without_a_guide_of_its_own_or_a_regional_one_the_pages_are_not_found(
    northmoor_client,
):
    # A guide's levels and areas are kept while indicators use them: those go first.
    Tool.objects.filter(partnership__isnull=True).delete()
    NeedIndicator.objects.filter(guide__partnership__isnull=True).delete()
    LevelsGuide.objects.filter(partnership__isnull=True).delete()
    assert northmoor_client.get(GUIDE).status_code == 404
    assert northmoor_client.get(level_url("universal")).status_code == 404
    assert northmoor_client.get(domain_url("parenting-capacity")).status_code == 404


# -- the anonymous page cache ----------------------------------------------------------------


@pytest.fixture
def page_cache_on():
    caches["volatile"].clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    caches["volatile"].clear()


def test_the_guides_pages_are_kept_by_the_page_cache_until_the_guide_changes(
    page_cache_on, django_capture_on_commit_callbacks, westshire
):
    visitor = Client()
    for url in (GUIDE, level_url("targeted"), domain_url("parenting-capacity")):
        assert visitor.get(url)["X-Page-Cache"] == "miss"
        assert visitor.get(url)["X-Page-Cache"] == "hit"
    need = indicator(guide_for(westshire), "targeted", "parenting-capacity", "Basic care")
    with django_capture_on_commit_callbacks(execute=True):
        need.text = "A newly written indicator for the page cache test."
        need.save()
    response = visitor.get(level_url("targeted"))
    assert response["X-Page-Cache"] == "miss"
    assert "A newly written indicator for the page cache test." in response.content.decode()


# -- query budgets ---------------------------------------------------------------------------

# Counted when set, with the shared layout warm (it then costs nothing). Each page reads the
# guide, its levels and its domains (3), then:
GUIDE_BUDGET = 5  # the indicators counted per level and domain; the published tools
# this level's indicators; the same topics at other levels; the chapters' titles; the
# library documents its rich text links to (one query for all of them, none without any)
LEVEL_BUDGET = 7
DOMAIN_BUDGET = 4  # the domain's indicators


def grow_guide(guide, times=TEN_TIMES):
    """Ten times the indicators, each with services linking a library document and a
    procedure chapter, so no page may read anything per indicator."""
    existing = list(NeedIndicator.objects.filter(guide=guide))
    version = (
        LibraryDocument.objects.get(slug="early-help-assessment-template")
        .versions.order_by("-number")
        .first()
    )
    chapter = Chapter.objects.get(slug="neglect")
    NeedIndicator.objects.bulk_create(
        NeedIndicator(
            guide=guide,
            level_id=original.level_id,
            domain_id=original.domain_id,
            topic=f"{original.topic} {copy}",
            text=original.text,
            services=f'<p><a linktype="document" id="{version.file_id}">Form</a></p>',
            chapter=chapter,
            sort_order=100 + copy,
        )
        for original in existing
        for copy in range(times - 1)
    )


@pytest.mark.parametrize(
    ("url", "budget", "grown_shows"),
    [
        (GUIDE, GUIDE_BUDGET, "30 indicators"),
        (level_url("targeted"), LEVEL_BUDGET, "Basic care 8"),
        (domain_url("family-and-environment"), DOMAIN_BUDGET, "Adults&#39; own needs 8"),
    ],
)
@pytest.mark.parametrize("grown", [False, True], ids=["demo", "ten-times"])
def test_each_page_stays_within_its_query_budget(
    django_assert_max_num_queries, westshire, url, budget, grown_shows, grown
):
    if grown:
        grow_guide(guide_for(westshire))
    html = within_budget(django_assert_max_num_queries, Client(), url, budget)
    assert (grown_shows in html) == grown


def test_the_regional_guides_pages_keep_the_same_budgets(
    django_assert_max_num_queries, northmoor_client
):
    grow_guide(LevelsGuide.objects.get(partnership__isnull=True))
    for url, budget in (
        (GUIDE, GUIDE_BUDGET),
        (level_url("specialist"), LEVEL_BUDGET),
        (domain_url("safety-outside-the-home"), DOMAIN_BUDGET),
    ):
        within_budget(django_assert_max_num_queries, northmoor_client, url, budget)
