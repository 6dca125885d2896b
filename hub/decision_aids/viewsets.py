"""Decision aids in Wagtail's admin: the levels-of-need guide (its levels and domains), its
indicators, and the screening tools with their "Check and publish" screen.

The screens are reached from the staff menu's "Levels of need" and "Screening tools" links
(hub/decision_aids/domain.py), not from a menu of their own. Every list, form, edit, delete,
history and usage screen reads from hub.decision_aids.queries' editable rows (see
hub/decision_aids/admin_views.py), so another partnership's or consortium's id answers 404.
"""

import django_filters
from django.db.models import Max, OuterRef, Subquery
from django.urls import path, reverse
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton

from hub.core.admin_scoping import ScopedIndexView, ScopedViewSet
from hub.decision_aids.admin_forms import (
    LevelsGuideForm,
    NeedIndicatorForm,
    ToolForm,
    owner_label,
)
from hub.decision_aids.admin_views import (
    GuideDeleteView,
    ScopedCreateView,
    ScopedDeleteView,
    ScopedEditView,
    ToolCreateView,
    ToolEditView,
    ToolPublishView,
)
from hub.decision_aids.models import (
    Level,
    LevelsGuide,
    NeedDomain,
    NeedIndicator,
    Tool,
    ToolVersion,
)
from hub.decision_aids.queries import editable_guides, editable_indicators, editable_tools


class DecisionAidsViewSet(ScopedViewSet):
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    add_to_admin_menu = False  # under "Protocols and guidance" (the domain's staff links)


def owner_column():
    return Column("owner", label="Whose", accessor=owner_label)


# --- The levels-of-need guide --------------------------------------------------------------


class GuideIndexView(ScopedIndexView):
    page_title = "Levels of need"
    add_item_label = "Add levels of need"

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            ListingButton(
                "Indicators",
                reverse("decision_aids_indicators:index") + f"?guide={instance.pk}",
                icon_name="list-ul",
                priority=40,
            ),
            ListingButton(
                "Add an indicator",
                reverse("decision_aids_indicators:add") + f"?guide={instance.pk}",
                icon_name="plus",
                priority=41,
            ),
        ]


class LevelsGuideViewSet(DecisionAidsViewSet):
    model = LevelsGuide
    rows = staticmethod(editable_guides)
    index_view_class = GuideIndexView
    delete_view_class = GuideDeleteView
    name = "decision_aids_guides"
    icon = "list-ol"
    menu_label = "Levels of need"
    list_display = ["title", owner_column(), Column("updated_at", label="Last changed")]
    ordering = ["consortium__name", "partnership__name"]
    edit_handler = ObjectList(
        [
            FieldPanel("owner"),
            FieldPanel("title"),
            FieldPanel("introduction"),
            InlinePanel(
                "levels",
                heading="Levels of need, lowest first",
                label="Level",
                panels=[
                    FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
                    FieldPanel("summary"),
                    FieldPanel("what_to_do"),
                ],
            ),
            InlinePanel(
                "domains",
                heading="Domains: the areas of a child's life the indicators are grouped by",
                label="Domain",
                panels=[
                    FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
                    FieldPanel("description"),
                ],
            ),
        ],
        base_form_class=LevelsGuideForm,
    )


# --- Indicators ----------------------------------------------------------------------------


def _guide_choices(request):
    return editable_guides(request.user) if request is not None else LevelsGuide.objects.none()


def _of_editable_guides(model):
    def choices(request):
        if request is None:
            return model.objects.none()
        return model.objects.filter(guide__in=editable_guides(request.user)).select_related("guide")

    return choices


class IndicatorFilterSet(WagtailFilterSet):
    guide = django_filters.ModelChoiceFilter(queryset=_guide_choices, label="Guide")
    level = django_filters.ModelChoiceFilter(queryset=_of_editable_guides(Level), label="Level")
    domain = django_filters.ModelChoiceFilter(
        queryset=_of_editable_guides(NeedDomain), label="Domain"
    )

    class Meta:
        model = NeedIndicator
        fields = ["guide", "level", "domain"]


class IndicatorIndexView(ScopedIndexView):
    page_title = "Indicators of need"
    add_item_label = "Add an indicator"

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("guide__partnership", "guide__consortium", "level", "domain")
        )


class IndicatorCreateView(ScopedCreateView):
    def get_initial(self):
        initial = super().get_initial()
        guide = self.initial_from_query("guide", editable_guides(self.request.user))
        if guide is not None:
            initial["guide"] = guide
        return initial


class NeedIndicatorViewSet(DecisionAidsViewSet):
    model = NeedIndicator
    rows = staticmethod(editable_indicators)
    index_view_class = IndicatorIndexView
    add_view_class = IndicatorCreateView
    name = "decision_aids_indicators"
    icon = "list-ul"
    menu_label = "Indicators"
    list_display = [
        "topic",
        Column("level", label="Level"),
        Column("domain", label="Domain"),
        Column("guide", label="Guide"),
    ]
    filterset_class = IndicatorFilterSet
    search_fields = ["topic", "text"]
    search_backend_name = None  # a plain database search of the fields above
    edit_handler = ObjectList(
        [
            FieldPanel("guide"),
            FieldRowPanel([FieldPanel("level"), FieldPanel("domain")]),
            FieldPanel("topic"),
            FieldPanel("text"),
            FieldPanel("services"),
            FieldPanel("chapter"),
            FieldPanel("sort_order"),
        ],
        base_form_class=NeedIndicatorForm,
    )


# --- Screening tools -----------------------------------------------------------------------


def _published(tool):
    if not tool.latest_number:
        return "Not published yet"
    return f"Version {tool.latest_number}, {tool.latest_published_at:%-d %B %Y}"


class ToolIndexView(ScopedIndexView):
    page_title = "Screening tools"
    add_item_label = "Add a screening tool"

    def get_base_queryset(self):
        latest = ToolVersion.objects.filter(tool=OuterRef("pk")).order_by("-number")
        return (
            super()
            .get_base_queryset()
            .select_related("guide__partnership", "guide__consortium")
            .annotate(
                latest_number=Max("versions__number"),
                latest_published_at=Subquery(latest.values("published_at")[:1]),
            )
        )

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            ListingButton(
                "Check and publish",
                reverse("decision_aids_tools:publish", args=[instance.pk]),
                icon_name="upload",
                priority=5,
            ),
        ]


class ToolViewSet(DecisionAidsViewSet):
    model = Tool
    rows = staticmethod(editable_tools)
    index_view_class = ToolIndexView
    add_view_class = ToolCreateView
    edit_view_class = ToolEditView
    name = "decision_aids_tools"
    icon = "tasks"
    menu_label = "Screening tools"
    list_display = [
        "title",
        owner_column(),
        Column("guide", label="Levels of need"),
        Column("published", label="Published", accessor=_published),
    ]
    ordering = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("owner"),
            FieldPanel("title"),
            FieldPanel("slug"),
            FieldPanel("summary"),
            FieldPanel("introduction"),
            FieldPanel("guidance"),
            FieldPanel("guide"),
            InlinePanel(
                "scale",
                heading="Rating scale",
                label="Rating",
                help_text="What the practitioner may answer for each indicator. The outcome "
                "rules count ratings by their kind.",
                panels=[
                    FieldRowPanel([FieldPanel("label"), FieldPanel("kind")]),
                    FieldPanel("hint"),
                ],
            ),
            FieldPanel("domains", heading="Domains and their indicators"),
            MultiFieldPanel(
                [
                    InlinePanel(
                        "rules",
                        label="Rule",
                        panels=[
                            FieldRowPanel(
                                [
                                    FieldPanel("at_least"),
                                    FieldPanel("counted"),
                                    FieldPanel("in_domains"),
                                ]
                            ),
                            FieldPanel("level"),
                        ],
                    ),
                    FieldPanel("otherwise_level"),
                ],
                heading="Outcome rules: the first rule that applies gives the level",
            ),
        ],
        base_form_class=ToolForm,
    )

    @property
    def publish_view(self):
        return ToolPublishView.as_view()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("publish/<int:pk>/", self.publish_view, name="publish"),
        ]


def viewsets():
    return [LevelsGuideViewSet(), NeedIndicatorViewSet(), ToolViewSet()]
