"""Public page types of a partnership's website."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.core.models import Agency
from hub.core.presenters import partnership_for
from hub.ops import fragments
from hub.site.blocks import ContentStreamBlock, LinkBlock


class HubPage(Page):
    """What every public page has: a one-line summary and the demo content marker."""

    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="One or two sentences shown under the title and in lists and search results.",
    )
    is_demo_content = models.BooleanField(
        default=False,
        verbose_name="Demo content",
        help_text="Fictional text written to show the product. A banner tells readers so.",
    )

    search_fields = Page.search_fields + [index.SearchField("summary", boost=2)]
    promote_panels = Page.promote_panels + [FieldPanel("is_demo_content")]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # A page routed through the shared fragments (hub/ops/fragments.py) arrives with its
        # restrictions, read once per content change; any other asks the database.
        held = getattr(self, "_hub_view_restrictions", None)
        return held if held is not None else super().get_view_restrictions()


def _link(link, request):
    """A LinkBlock's value as a list shows it: {"href", "text", "description", "external"}."""
    if link["page"]:
        href, text = link["page"].get_url(request), link["page"].title
    elif link["document"]:
        href, text = link["document"].url, link["document"].title
    else:
        href, text = link["url"], ""
    return {
        "href": href,
        "text": link["title"] or text,
        "description": link["description"],
        "external": not (link["page"] or link["document"]),
    }


class Audience(models.TextChoices):
    PROFESSIONALS = "professionals", "Professionals and volunteers"
    PARENTS = "parents", "Parents and carers"
    YOUNG_PEOPLE = "young_people", "Children and young people"


class HomePage(HubPage):
    intro = models.TextField(blank=True, help_text="A short welcome under the partnership's name.")
    featured_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        use_json_field=True,
        help_text="The few things people come for most often.",
    )

    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("featured_links"),
    ]
    subpage_types = [
        "site.SectionPage",
        "site.ContentPage",
        "site.NewsIndexPage",
        "site.WorkingTogetherPage",
        "site.UsefulLinksPage",
        "reports.YearlyReportIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "site/home_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(fragments.shared(request, "home", lambda: self._lists(request), self.pk))
        return context

    def _lists(self, request):
        """What the home page lists, worked out once per content change."""
        news = list(
            NewsArticlePage.objects.descendant_of(self)
            .live()
            .public()
            .defer_streamfields()
            .order_by("-date")[:3]
        )
        return {
            "audience_routes": list(SectionPage.objects.child_of(self).live().public()),
            "latest_news": news,
            "news_index_url": news[0].get_parent().get_url(request) if news else None,
            "featured": [_link(block.value, request) for block in self.featured_links],
        }


class SectionPage(HubPage):
    """A landing page for one audience, listing what is inside it."""

    audience = models.CharField(max_length=20, choices=Audience.choices)
    body = StreamField(ContentStreamBlock(), blank=True, use_json_field=True)

    search_fields = HubPage.search_fields + [index.SearchField("body")]
    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("body"),
    ]
    subpage_types = [
        "site.ContentPage",
        "site.SectionPage",
        "site.WorkingTogetherPage",
        "site.UsefulLinksPage",
    ]
    template = "site/section_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = fragments.shared(request, "section", self._children, self.pk)
        return context

    def _children(self):
        return list(self.get_children().live().public().in_menu().specific().defer_streamfields())


class ContentPage(HubPage):
    body = StreamField(ContentStreamBlock(), use_json_field=True)

    search_fields = HubPage.search_fields + [index.SearchField("body")]
    content_panels = HubPage.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    subpage_types = ["site.ContentPage"]
    template = "site/content_page.html"


class NewsIndexPage(HubPage):
    page_size = 10

    content_panels = HubPage.content_panels + [FieldPanel("summary")]
    subpage_types = ["site.NewsArticlePage"]
    max_count_per_parent = 1
    template = "site/news_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = fragments.public(request, NewsArticlePage.objects.child_of(self).live())
        articles = articles.defer_streamfields().order_by("-date", "-pk")
        paginator = Paginator(articles, self.page_size)
        try:
            articles_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            articles_page = paginator.page(1)
        except EmptyPage:
            articles_page = paginator.page(paginator.num_pages)
        context["articles"] = articles_page
        return context


class NewsArticlePage(HubPage):
    search_kind = "News"  # in site search's results (hub/site/search.py)
    date = models.DateField(default=timezone.localdate)
    body = StreamField(ContentStreamBlock(), use_json_field=True)

    search_fields = HubPage.search_fields + [index.SearchField("body")]
    content_panels = HubPage.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    parent_page_types = ["site.NewsIndexPage"]
    subpage_types = []
    template = "site/news_article_page.html"


class WorkingTogetherPage(HubPage):
    """The local arrangements: the three safeguarding partners and the relevant agencies.

    The lists come from the agency register, so they never drift from who is actually named.
    """

    body = StreamField(ContentStreamBlock(), blank=True, use_json_field=True)
    section_11_explanation = RichTextField(
        features=["bold", "italic", "link", "ul", "ol"],
        blank=True,
        help_text="Explain the duty under section 11 of the Children Act 2004.",
    )

    search_fields = HubPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("section_11_explanation"),
    ]
    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("section_11_explanation"),
    ]
    subpage_types = ["site.ContentPage"]
    template = "site/working_together_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partnership = partnership_for(request)
        agencies = Agency.objects.in_partnership(partnership) if partnership else Agency.objects
        context["safeguarding_partners"] = agencies.safeguarding_partners()
        context["relevant_agencies"] = agencies.relevant_agencies()
        return context


class UsefulLink(index.Indexed, models.Model):
    """A link to another organisation's website, checked by the business unit from time to
    time. Edited under Content › Useful links (hub/site/viewsets.py)."""

    PERMISSION_SCOPE = {"partnership": "partnership"}

    partnership = models.ForeignKey(
        "core.Partnership",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="useful_links",
        help_text="Leave blank to show the link on every partnership's site.",
    )
    title = models.CharField(max_length=150)
    url = models.URLField(verbose_name="Address")
    description = models.TextField(max_length=400)
    topic = models.CharField(max_length=80, help_text="Links are grouped by topic.")
    last_checked = models.DateField(
        help_text="When someone last opened the link and found it still right."
    )
    is_demo = models.BooleanField(default=False)

    search_fields = [index.SearchField("title"), index.SearchField("description")]

    class Meta:
        ordering = ["topic", "title"]

    def __str__(self):
        return self.title


class UsefulLinksPage(HubPage):
    content_panels = HubPage.content_panels + [FieldPanel("summary")]
    subpage_types = []
    template = "site/useful_links_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partnership = partnership_for(request)
        links = UsefulLink.objects.filter(
            models.Q(partnership__isnull=True) | models.Q(partnership=partnership)
        )
        groups = {}
        for link in links:
            groups.setdefault(link.topic, []).append(link)
        context["link_groups"] = groups
        return context
