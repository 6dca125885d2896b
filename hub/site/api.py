"""The partnership's news in the open-data API (/api/v1/news/, hub/opendata).

Public content only: the live news articles of this partnership's site that a signed-out
visitor may open (none behind a sign-in, password or group restriction), newest first. An
article carries its last publication time as Last-Modified; the list carries none, since an
article taken down leaves no date behind.
"""

import datetime

from hub.core.domains import ApiResource


def router():
    from ninja import Field, Query, Router, Schema
    from wagtail.models import Site

    from hub.opendata import resources as r
    from hub.site.models import NewsArticlePage

    class ArticleOut(Schema):
        id: int = Field(description="The article's lasting id in this API.")
        title: str
        date: datetime.date = Field(description="The article's date, as the site shows it.")
        summary: str
        url: str = Field(description="The article's page on this site.")
        last_published_at: datetime.datetime | None = Field(
            description="When the article was last published or updated."
        )

    class ArticleDetailOut(ArticleOut):
        body_html: str = Field(
            description="The article's body as HTML, as the site renders it (escaped there)."
        )

    ArticlePage = r.paged(ArticleOut, "ArticlePage")
    router = Router()

    def articles_of(request):
        r.site_partnership(request)
        site = Site.find_for_request(request)
        return (
            NewsArticlePage.objects.live()
            .public()
            .descendant_of(site.root_page)
            .order_by("-date", "-pk")
        )

    def article_out(request, article):
        return {
            "id": article.pk,
            "title": article.title,
            "date": article.date,
            "summary": article.summary,
            "url": r.absolute(request, article.get_url(request)),
            "last_published_at": article.last_published_at,
        }

    @router.get("/articles/", response=r.responses(ArticlePage), summary="News articles")
    def articles(request, paging: Query[r.Paging]):
        """The partnership's news articles, newest first."""
        found = articles_of(request).defer_streamfields()
        return r.paginate(
            request, found, paging, lambda rows: [article_out(request, row) for row in rows]
        )

    @router.get("/articles/{id}/", response=r.responses(ArticleDetailOut), summary="An article")
    def article(request, id: int = r.item_id("news article")):
        """One news article with its body; a draft, a restricted article or another
        partnership's is a 404."""
        found = r.one(articles_of(request), id, "news article")
        r.last_modified(request, found.last_published_at)
        return {
            **article_out(request, found),
            "body_html": r.absolute_links(request, str(found.body)),
        }

    return router


API = (
    ApiResource(
        "news",
        "News",
        router,
        description="The partnership's news articles, newest first, with their text.",
        sections=("content",),
        order=40,
    ),
)
