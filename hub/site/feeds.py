"""The news Atom feed (/feeds/news/, hub/opendata): the partnership's latest news articles,
those any visitor may read (live, under no view restriction), newest first. Named in the
head of the home page and the news pages."""

from django.utils.feedgenerator import get_tag_uri
from wagtail.models import Page, Site

from hub.core.domains import Feed, FeedEntry

LATEST = 20


def _news(partnership, request):
    from hub.site.models import NewsArticlePage

    site = Site.find_for_request(request)
    if site is None:
        return []
    articles = (
        NewsArticlePage.objects.descendant_of(site.root_page)
        .live()
        .public()
        .defer_streamfields()
        .order_by("-date", "-pk")[:LATEST]
    )
    return [
        FeedEntry(
            # The page's id and first publication never change, whatever its title or address.
            id=get_tag_uri(f"http://{site.hostname}/news/{article.pk}", article.first_published_at),
            title=article.title,
            url=request.build_absolute_uri(article.get_url(request)),
            updated=article.last_published_at,
            published=article.first_published_at,
            summary=article.summary,
        )
        for article in articles
    ]


def _on_news_pages(request):
    """The home page, the news index and each article: read from the route Wagtail already
    found for this request (no query)."""
    from hub.site.models import HomePage, NewsArticlePage, NewsIndexPage

    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name != "wagtail_serve":
        return False
    page = Page.find_for_request(request, request.path_info)
    return isinstance(page, HomePage | NewsIndexPage | NewsArticlePage)


FEEDS = (
    Feed(
        key="news",
        title="News",
        subtitle="The partnership's news, newest first.",
        entries=_news,
        linked_from=_on_news_pages,
        order=10,
    ),
)
