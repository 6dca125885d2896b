"""Section 11 in Wagtail's admin: frameworks and their versions of standards, rounds, and
each partnership's local questions, in a "Section 11" menu group shown only to people who
may run a partnership's rounds (see hub.assurance.admin_views for who reaches which rows).

A published framework version is frozen (rounds point at it): its edit screen sends the
user to a read-only view, its form refuses a forged save too, and it is changed by copying
it to a new version. A round is changed only by the partnership running it, and once open
its framework version stays as it is.

The viewsets keep their `section11_*` names: they are the admin's addresses
(/admin/section11_rounds/) and URL namespaces, which people have bookmarked.
"""

import django_filters
from django.db.models import Count
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.admin.widgets import Button, ListingButton

from hub.assurance.admin_forms import (
    FROZEN,
    FrameworkForm,
    FrameworkVersionForm,
    LocalQuestionForm,
    RoundForm,
    rounds_open_to_questions,
)
from hub.assurance.admin_views import (
    AssuranceViewSet,
    CopyVersionView,
    PublishVersionView,
    ScopedEditView,
    ScopedIndexView,
    ScopedInspectView,
    managed_frameworks,
    managed_local_questions,
    managed_partnerships,
    managed_versions,
    visible_rounds,
    with_answer_facts,
    with_round_facts,
)
from hub.assurance.models import Framework, FrameworkVersion, LocalQuestion, Round
from hub.core.admin_scoping import scoped_choices
from hub.core.models import Partnership


def _initial_from_query(view, name, rows):
    """A form's starting choice from `?name=<pk>`, if it is one of the user's rows."""
    value = view.request.GET.get(name)
    if value and value.isdigit():
        return rows(view.request.user).filter(pk=value).first()
    return None


# --- Frameworks -------------------------------------------------------------------------


class FrameworkIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("partnership")

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons += [
            ListingButton(
                "Versions",
                reverse("section11_versions:index") + f"?framework={instance.pk}",
                icon_name="list-ul",
                priority=40,
            ),
            ListingButton(
                "New version",
                reverse("section11_versions:add") + f"?framework={instance.pk}",
                icon_name="plus",
                priority=41,
            ),
        ]
        return buttons


class FrameworkViewSet(AssuranceViewSet):
    model = Framework
    rows = staticmethod(managed_frameworks)
    index_view_class = FrameworkIndexView
    name = "section11_frameworks"
    icon = "list-ul"
    menu_label = "Frameworks"
    menu_order = 100
    list_display = ["name", "partnership"]
    search_fields = ["name", "description"]
    ordering = ["name"]
    edit_handler = ObjectList(
        [FieldPanel("partnership"), FieldPanel("name"), FieldPanel("description")],
        base_form_class=FrameworkForm,
    )


# --- Framework versions -----------------------------------------------------------------


class StatusColumn(Column):
    def __init__(self):
        super().__init__("published_at", label="Status", accessor=self.status)

    @staticmethod
    def status(version):
        if version.published_at is None:
            return "Draft: can be edited"
        return f"Published {version.published_at:%-d %B %Y}"


class FrameworkVersionFilterSet(WagtailFilterSet):
    framework = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(managed_frameworks, Framework), label="Framework"
    )

    class Meta:
        model = FrameworkVersion
        fields = ["framework", "rating_scale"]


class FrameworkVersionIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(standard_count=Count("standards"))

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if not instance.is_published:
            buttons.append(
                ListingButton(
                    "Publish",
                    reverse("section11_versions:publish", args=[instance.pk]),
                    icon_name="upload",
                    priority=40,
                )
            )
        buttons.append(
            ListingButton(
                "Copy to a new version",
                reverse("section11_versions:copy", args=[instance.pk]),
                icon_name="copy",
                priority=41,
            )
        )
        return buttons


class FrameworkVersionCreateView(CreateView):
    def get_initial(self):
        initial = super().get_initial()
        framework = _initial_from_query(self, "framework", managed_frameworks)
        if framework is not None:
            initial["framework"] = framework
        return initial


class FrameworkVersionEditView(ScopedEditView):
    def refusal_message(self):
        return f"{self.object}: {FROZEN}"

    def refusal_url(self):
        return reverse("section11_versions:inspect", args=[self.object.pk])


class FrameworkVersionInspectView(ScopedInspectView):
    """A published version, read-only: its scale and each standard in full."""

    def get_standards_display_value(self):
        standards = self.object.standards.all()
        if not standards:
            return "None yet"
        return format_html(
            "<ol>{}</ol>",
            format_html_join(
                "",
                "<li><strong>{}. {}</strong> <code>{}</code><p>{}</p><ul>{}</ul></li>",
                (
                    (
                        standard.number,
                        standard.title,
                        standard.key,
                        standard.summary,
                        format_html_join(
                            "",
                            "<li>{} {}</li>",
                            standard.sub_standard_list(),
                        ),
                    )
                    for standard in standards
                ),
            ),
        )

    def get_field_label(self, field_name, field):
        if field_name == "standards":
            return "Standards"
        return super().get_field_label(field_name, field)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            Button(
                "Copy to a new version",
                url=reverse("section11_versions:copy", args=[self.object.pk]),
                icon_name="copy",
                priority=15,
            )
        )
        return buttons


class FrameworkVersionViewSet(AssuranceViewSet):
    model = FrameworkVersion
    rows = staticmethod(managed_versions)
    index_view_class = FrameworkVersionIndexView
    add_view_class = FrameworkVersionCreateView
    edit_view_class = FrameworkVersionEditView
    inspect_view_class = FrameworkVersionInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "framework",
        "number",
        "rating_scale",
        "introduction",
        "published_at",
        "standards",
    ]
    name = "section11_versions"
    icon = "doc-full"
    menu_label = "Framework versions"
    menu_order = 101
    list_display = [
        "__str__",
        "rating_scale",
        Column("standard_count", label="Standards"),
        StatusColumn(),
    ]
    filterset_class = FrameworkVersionFilterSet
    ordering = ["framework__name", "-number"]
    edit_handler = ObjectList(
        [
            FieldPanel("framework"),
            FieldPanel("rating_scale"),
            FieldPanel("introduction"),
            InlinePanel("standards", heading="Standards", label="Standard", min_num=1),
        ],
        base_form_class=FrameworkVersionForm,
    )

    @property
    def publish_view(self):
        return PublishVersionView.as_view(
            index_url_name=self.get_url_name("index"), rows=managed_versions
        )

    @property
    def copy_version_view(self):
        return CopyVersionView.as_view(
            index_url_name=self.get_url_name("index"), rows=managed_versions
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("publish/<int:pk>/", self.publish_view, name="publish"),
            path("copy-to-new-version/<int:pk>/", self.copy_version_view, name="copy"),
        ]


# --- Rounds -----------------------------------------------------------------------------


class DashboardColumn(Column):
    """A link to the round's dashboard on the site, where its submissions are reviewed."""

    def __init__(self):
        super().__init__("dashboard", label="Dashboard")

    def render_cell_html(self, instance, parent_context):
        return format_html(
            '<td class="{}"><a href="{}">Dashboard<span class="w-sr-only">: {}</span></a></td>',
            self.classname or "",
            reverse("assurance:round", args=[instance.pk]),
            str(instance),
        )


class RoundIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return with_round_facts(super().get_base_queryset(), self.request.user)

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons += [
            ListingButton(
                "Open, remind or close",
                # The round's dashboard, whose buttons POST to round_manage (a GET there is
                # refused).
                reverse("assurance:round", args=[instance.pk]),
                icon_name="date",
                priority=40,
            ),
            ListingButton(
                "Local questions",
                reverse("section11_local_questions:index") + f"?round={instance.pk}",
                icon_name="help",
                priority=41,
            ),
        ]
        return buttons


class RoundEditView(ScopedEditView):
    def refusal_message(self):
        if self.object.is_closed:
            return f"{self.object} is closed, so it cannot change."
        return (
            f"{self.object} is run by {self.object.partnership}: only its admins change the "
            "round's settings. You can add your partnership's local questions to it."
        )


class RoundViewSet(AssuranceViewSet):
    model = Round
    rows = staticmethod(visible_rounds)
    index_view_class = RoundIndexView
    edit_view_class = RoundEditView
    name = "section11_rounds"
    icon = "date"
    menu_label = "Rounds"
    menu_order = 102
    list_display = [
        "title",
        "partnership",
        "framework_version",
        "opens_on",
        "due_on",
        "status",
        DashboardColumn(),
    ]
    list_filter = ["status"]
    search_fields = ["title"]
    ordering = ["-opens_on", "title"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("partnership"),
            FieldPanel("framework_version"),
            FieldPanel("partnerships"),
            FieldPanel("agencies"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("opens_on"), FieldPanel("due_on")]),
                    FieldPanel("reminder_days"),
                ],
                heading="Dates",
            ),
            FieldPanel("previous_round"),
        ],
        base_form_class=RoundForm,
    )


# --- Local questions --------------------------------------------------------------------


class LocalQuestionCreateView(CreateView):
    def get_initial(self):
        initial = super().get_initial()
        round_ = _initial_from_query(self, "round", rounds_open_to_questions)
        if round_ is not None:
            initial["round"] = round_
        partnerships = managed_partnerships(self.request.user)
        if round_ is not None:
            partnerships = partnerships.filter(assurance_rounds=round_)
        if partnerships.count() == 1:
            initial["partnership"] = partnerships.first()
        return initial


class LocalQuestionFilterSet(WagtailFilterSet):
    round = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(visible_rounds, Round), label="Round"
    )
    partnership = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(managed_partnerships, Partnership), label="Partnership"
    )

    class Meta:
        model = LocalQuestion
        fields = ["round", "partnership"]


class LocalQuestionIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return with_answer_facts(super().get_base_queryset().select_related("round", "partnership"))


class LocalQuestionViewSet(AssuranceViewSet):
    model = LocalQuestion
    rows = staticmethod(managed_local_questions)
    index_view_class = LocalQuestionIndexView
    filterset_class = LocalQuestionFilterSet
    add_view_class = LocalQuestionCreateView
    name = "section11_local_questions"
    icon = "help"
    menu_label = "Local questions"
    menu_order = 103
    list_display = ["text", "round", "partnership", "is_required"]
    search_fields = ["text"]
    ordering = ["round", "partnership", "sort_order"]
    edit_handler = ObjectList(
        [
            FieldPanel("round"),
            FieldPanel("partnership"),
            FieldPanel("text"),
            FieldPanel("guidance"),
            FieldRowPanel([FieldPanel("is_required"), FieldPanel("sort_order")]),
        ],
        base_form_class=LocalQuestionForm,
    )


class AssuranceViewSetGroup(ModelViewSetGroup):
    menu_label = "Section 11"
    add_to_admin_menu = False  # each screen is in "Section 11" (the domain's staff links)
    items = (FrameworkViewSet, FrameworkVersionViewSet, RoundViewSet, LocalQuestionViewSet)
