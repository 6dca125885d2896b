"""Query budgets for the public site's page types, signed out, page cache off: once the shared
fragments are warm (hub/ops/fragments.py) a page costs the queries for its own content only,
and the same with ten times the demo's pages (no query per row). The first request after a
content change, which works the fragments out, has a budget too."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from hub.site.models import (
    ContentPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    SectionPage,
    UsefulLink,
    UsefulLinksPage,
    WorkingTogetherPage,
)

pytestmark = pytest.mark.django_db

# Warm: the page itself, its body and lists are fragments; what is left is what each type
# reads afresh for every reader.
WARM = {
    HomePage: 0,
    SectionPage: 0,
    ContentPage: 0,
    # a count and a page of articles (?page= may ask for any)
    NewsIndexPage: 2,
    NewsArticlePage: 0,
    # the safeguarding partners, the relevant agencies (from the agency register)
    WorkingTogetherPage: 2,
    # the links
    UsefulLinksPage: 1,
}
# Cold, after a change: the above plus the fragments (site, routes, restrictions, partnership,
# logo, menu, footer, "worried about a child", breadcrumbs, a home or section page's lists),
# with the first look-up of each page type and the logo's first rendition.
COLD = 30


def page_of(model, home):
    if model is HomePage:
        return home
    return model.objects.descendant_of(home).live().order_by("path").first()


def queries(path):
    client = Client()
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


def measure(model, home):
    from hub.ops import fragments

    fragments.forget()
    path = page_of(model, home).relative_url(home.get_site())
    cold = queries(path)
    return cold, queries(path)


def grow_tenfold(home):
    """Ten times the demo's pages where lists show them: content pages in every section,
    news articles, useful links."""
    for section in SectionPage.objects.child_of(home):
        existing = section.get_children().count()
        for number in range(existing * 9 or 10):
            section.add_child(
                instance=ContentPage(
                    title=f"Grown page {number}",
                    slug=f"grown-{section.pk}-{number}",
                    summary="A page added to grow the demo.",
                    body=[("text", "<p>Grown.</p>")],
                    show_in_menus=True,
                )
            )
    index = NewsIndexPage.objects.descendant_of(home).first()
    for number in range(index.get_children().count() * 9):
        index.add_child(instance=NewsArticlePage(title=f"Grown news {number}", body=[]))
    links = list(UsefulLink.objects.all())
    UsefulLink.objects.bulk_create(
        UsefulLink(
            partnership=link.partnership,
            title=f"{link.title} {copy}",
            url=link.url,
            description=link.description,
            topic=f"{link.topic} {copy % 3}",
            last_checked=link.last_checked,
        )
        for link in links
        for copy in range(9)
    )


def test_each_page_type_keeps_its_budget_on_the_demo_and_ten_times_it(westshire):
    home = HomePage.objects.get(pk=westshire.site.root_page_id)
    for grown in (False, True):
        if grown:
            grow_tenfold(home)
        for model, budget in WARM.items():
            cold, warm = measure(model, home)
            where = f"{model.__name__}{' grown' if grown else ''}"
            assert warm <= budget, f"{where}: {warm} queries warm"
            assert cold <= COLD, f"{where}: {cold} queries cold"


def test_a_content_page_costs_three_queries_or_fewer_once_warm(westshire):
    # The aim; each of the demo's content pages (in practice none at all).
    home = HomePage.objects.get(pk=westshire.site.root_page_id)
    pages = ContentPage.objects.descendant_of(home).live()
    assert pages.count() > 5
    for page in pages:
        path = page.relative_url(westshire.site)
        queries(path)
        assert queries(path) <= 3, path
