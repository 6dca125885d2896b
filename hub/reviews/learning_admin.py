"""The learning library in Wagtail's admin: published reviews, 7-minute briefings and the
partnership's learning themes.

Who keeps them is whoever may "reviews.manage_learning" (the partnership's editors, its
review panel and its partnership admin), for their own partnership only: every list, edit,
delete, history and usage screen reads from `editable_*(user)`, so another partnership's id
answers 404. The screens are reached from the staff menu's "Published reviews" and
"7-minute briefings" links (hub/reviews/domain.py) and each other's header buttons.

Every choice a form offers is the partnership's own (its themes, its procedure chapters, its
library's public documents, its published reviews) and is checked again when the form is
posted, whatever the page offered. Each save and deletion is audited
(hub.reviews.learning_changed). A briefing's PDF is made and its pages counted on every save,
and the editor is warned when it runs past one page. A published review or briefing, or one
teams have recorded using, is withdrawn rather than deleted.
"""

from dateutil.relativedelta import relativedelta
from django import forms
from django.db.models import OuterRef, Q, Subquery
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.widgets import HeaderButton

from hub.core import admin_scoping as scoping
from hub.core.models import Partnership
from hub.core.permissions import scope_queryset
from hub.library.models import LibraryDocument, Status
from hub.procedures.models import Chapter, ChapterVersion
from hub.reviews import learning
from hub.reviews.actions import MANAGE_LEARNING
from hub.reviews.models import (
    Briefing,
    PublishedReview,
    Recommendation,
    Review,
    TeamUse,
    Theme,
)

ACTIONS = ("add", "change", "delete")

CLASH = (
    "Nothing was saved: this changed, or something with the same address was made for this "
    "partnership by someone else, a moment ago. Reload the page and try again."
)
TOO_LONG = (
    "The briefing's PDF runs to {pages} pages: a 7-minute briefing should fit on one page. "
    "Shorten its parts (the longest first) and save it again."
)

# --- Who may use the screens, and which rows ---------------------------------------------------


def partnerships_for(user):
    """The partnerships whose learning library `user` keeps."""
    if user is None:
        return Partnership.objects.none()
    return scope_queryset(user, MANAGE_LEARNING, Partnership.objects.all()).order_by("name")


def _editable(model):
    def rows(user):
        return scope_queryset(user, MANAGE_LEARNING, model.objects.all()).select_related(
            "partnership"
        )

    rows.__name__ = f"editable_{model._meta.model_name}s"
    return rows


editable_themes = _editable(Theme)
editable_reviews = _editable(PublishedReview)
editable_briefings = _editable(Briefing)


class LearningPolicy(scoping.RolePermissionPolicy):
    action = MANAGE_LEARNING

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in self.actions or instance.pk is None:
            return False
        return self.rows(user).filter(pk=instance.pk).exists()


PERMISSION_POLICIES = {
    Theme: LearningPolicy(Theme, rows=editable_themes, actions=ACTIONS),
    PublishedReview: LearningPolicy(PublishedReview, rows=editable_reviews, actions=ACTIONS),
    Briefing: LearningPolicy(Briefing, rows=editable_briefings, actions=ACTIONS),
}


# --- The forms -------------------------------------------------------------------------------


def chapters_for(partnerships, keep=()):
    """The procedure chapters readers of `partnerships` see now (the consortium's regional
    chapters and each partnership's own), each with its current title (`title`); and the
    chapters `keep` (those already chosen), whatever."""
    condition = Q(pk__in=[])
    for partnership in partnerships:
        condition |= Q(pk__in=Chapter.objects.for_partnership(partnership).values("pk"))
    current = ChapterVersion.objects.filter(
        chapter=OuterRef("pk"), release__published_at__lte=timezone.now()
    ).order_by("-release__published_at", "-pk")
    shown = Q(title__isnull=False, removed=False)
    if keep:
        shown |= Q(pk__in=list(keep))
    return (
        Chapter.objects.filter(condition)
        .annotate(
            title=Subquery(current.values("title")[:1]),
            removed=Subquery(current.values("is_removed")[:1]),
        )
        .filter(shown)
        .order_by("title", "slug")
    )


def _chapter_label(chapter):
    return getattr(chapter, "title", None) or chapter.slug


class LearningForm(WagtailAdminModelForm):
    """What every learning form shares: the partnership, chosen when the row is made (from
    those the editor keeps) and fixed afterwards; the short name of its address, made from
    the title when left blank and unique in the partnership; and the rows it links to, each
    checked to be the partnership's own."""

    partnership = forms.ModelChoiceField(
        queryset=Partnership.objects.none(),
        label="Partnership",
        help_text="Whose learning library this is in. It cannot be changed later.",
        error_messages={
            "required": "Choose the partnership",
            "invalid_choice": "Choose one of the partnerships whose library you keep",
        },
    )
    title_field = "title"
    # {field: message} of the fields naming the partnership's own rows.
    owned = {}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields["partnership"]
        if self.instance._state.adding:
            field.queryset = partnerships_for(for_user)
            if len(field.queryset) == 1:
                field.initial = field.queryset[0].pk
        else:
            field.queryset = Partnership.objects.filter(pk=self.instance.partnership_id)
            field.initial = self.instance.partnership_id
            field.disabled = True
            field.required = False
            field.help_text = "It cannot be changed once made."
        self.allowed = list(field.queryset)
        slug = self.fields.get("slug")
        if slug is not None:
            slug.required = False
            slug.help_text = (
                "The end of its address on the site. Leave it blank to make it from the title."
            )
            slug.error_messages["invalid"] = (
                "Use only lower-case letters, numbers and hyphens in the short name"
            )
        for name, message in self.owned.items():
            if name in self.fields:
                self.fields[name].error_messages["invalid_choice"] = message
                self.fields[name].error_messages["invalid_pk_value"] = message
        self.limit_choices()

    def limit_choices(self):
        """Offer only the partnership's own rows (a subclass says which)."""

    def chosen_partnership(self):
        if not self.instance._state.adding:
            return self.instance.partnership
        return getattr(self, "cleaned_data", {}).get("partnership")

    def belongs(self, name, value, partnership):
        """Whether `value` (a row or rows of field `name`) is `partnership`'s own."""
        rows = list(value) if hasattr(value, "__iter__") else [value]
        return all(getattr(row, "partnership_id", partnership.pk) == partnership.pk for row in rows)

    def clean(self):
        cleaned = super().clean()
        partnership = self.chosen_partnership()
        if partnership is None:
            return cleaned
        self.instance.partnership = partnership
        for name, message in self.owned.items():
            value = cleaned.get(name)
            if value and not self.belongs(name, value, partnership):
                self.add_error(name, message)
        if "slug" in self.fields and "slug" not in self.errors:
            slug = cleaned.get("slug") or slugify(cleaned.get(self.title_field) or "")[:120]
            if not slug:
                self.add_error("slug", "Give a short name for its address")
            else:
                cleaned["slug"] = slug
                taken = (
                    self._meta.model.objects.filter(partnership=partnership, slug=slug)
                    .exclude(pk=self.instance.pk)
                    .exists()
                )
                if taken:
                    self.add_error(
                        "slug",
                        "Another one in your partnership's library has this short name: "
                        "choose another",
                    )
        return cleaned


class PublishableForm(LearningForm):
    """Publication: a date (today when left blank), never in the future; withdrawal noted."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["published"].help_text = "Shown in the learning library and found by search."
        self.fields["published_on"].help_text = "Leave it blank to publish it today."
        self.fields[
            "withdrawn"
        ].help_text = "Taken out of the library and of search for good (kept here for the record)."

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        instance = self.instance
        published_on = cleaned.get("published_on")
        if published_on and published_on > today:
            self.add_error("published_on", "The publication date must be today or in the past")
        elif cleaned.get("published"):
            learning.publish(instance, on=published_on, today=today)
            cleaned["published_on"] = instance.published_on
        if "withdrawn" in cleaned:
            if cleaned["withdrawn"]:
                learning.withdraw(instance, today=today)
            else:
                learning.restore(instance)
        return cleaned


class ThemeForm(LearningForm):
    title_field = "name"

    def clean_name(self):
        name = " ".join((self.cleaned_data.get("name") or "").split())
        if not name:
            raise forms.ValidationError("Give the theme's name")
        return name


class PublishedReviewForm(PublishableForm):
    owned = {
        "themes": "Choose themes of your partnership",
        "report": "Choose a public document in your partnership's library",
        "chapters": "Choose chapters of your partnership's procedures",
    }

    def limit_choices(self):
        themes = self.fields["themes"]
        themes.queryset = Theme.objects.filter(partnership__in=self.allowed)
        themes.help_text = "What it is about; readers filter the library by theme."
        report = self.fields["report"]
        keep = Q(pk=self.instance.report_id) if self.instance.report_id else Q(pk__in=[])
        report.queryset = (
            LibraryDocument.objects.filter(partnership__in=self.allowed)
            .filter((~Q(status=Status.WITHDRAWN) & Q(is_restricted=False)) | keep)
            .order_by("title")
        )
        report.help_text = (
            "The report, as a public document in your partnership's library. It is linked "
            "until the removal date."
        )
        chapters = self.fields["chapters"]
        kept = self.instance.chapters.values_list("pk", flat=True) if self.instance.pk else ()
        chapters.queryset = chapters_for(self.allowed, keep=list(kept))
        chapters.label_from_instance = _chapter_label
        chapters.help_text = (
            "The procedures the review looked at: linked as they stood at the end of its period."
        )

    def belongs(self, name, value, partnership):
        if name == "chapters":
            ids = {chapter.pk for chapter in value}
            seen = set(
                Chapter.objects.for_partnership(partnership)
                .filter(pk__in=ids)
                .values_list("pk", flat=True)
            )
            return ids <= seen
        return super().belongs(name, value, partnership)

    def clean(self):
        cleaned = super().clean()
        published_on = cleaned.get("published_on")
        removal_on = cleaned.get("removal_on")
        if published_on and removal_on and removal_on < published_on + relativedelta(years=1):
            self.add_error(
                "removal_on",
                "The report stays online for at least a year: choose a date on or after "
                f"{published_on + relativedelta(years=1):%-d %B %Y}",
            )
        practice_until = cleaned.get("practice_until")
        latest = published_on or timezone.localdate()
        if practice_until and practice_until > latest:
            self.add_error(
                "practice_until",
                "The period the review looked at must end on or before "
                f"{latest:%-d %B %Y}, when it was published (or today)",
            )
        return cleaned


class BriefingForm(PublishableForm):
    owned = {
        "themes": "Choose themes of your partnership",
        "published_review": "Choose one of your partnership's published reviews",
    }

    def limit_choices(self):
        themes = self.fields["themes"]
        themes.queryset = Theme.objects.filter(partnership__in=self.allowed)
        reviews = self.fields["published_review"]
        reviews.queryset = PublishedReview.objects.filter(partnership__in=self.allowed)
        reviews.help_text = "The published review whose learning it draws on, if any."
        for key in learning.PART_FIELDS:
            self.fields[key].help_text = (
                'Plain text: a blank line between paragraphs; start a line with "- " for a '
                "bullet point."
            )


# --- Saving and deleting, audited ---------------------------------------------------------------


def record_change(request, row, change):
    learning.record_learning_change(by=request.user, row=row, change=change, request=request)


class LearningCreateView(scoping.AuditedSave, CreateView):
    change = "created"
    clash = CLASH
    record_change = record_change


class LearningEditView(scoping.AuditedSave, scoping.ScopedEditView):
    clash = CLASH
    record_change = record_change


class BriefingPagesOnSave:
    """After a briefing is saved (outside its transaction: the PDF takes a moment), its PDF
    is made and its pages counted and kept; past one page the editor is warned."""

    def save_action(self):
        pages = learning.store_pdf_pages(Briefing.objects.get(pk=self.object.pk))
        if pages > 1:
            messages.warning(self.request, TOO_LONG.format(pages=pages))
        return super().save_action()


class BriefingCreateView(BriefingPagesOnSave, LearningCreateView):
    pass


class BriefingEditView(BriefingPagesOnSave, LearningEditView):
    pass


def _why_kept(row):
    """Why `row` cannot be deleted, in words (None if it may be)."""
    if isinstance(row, Theme):
        uses = []
        if Review.objects.filter(themes=row).exists():
            uses.append("review case records")
        if Recommendation.objects.filter(theme=row).exists():
            uses.append("recommendations")
        if row.published_reviews.exists():
            uses.append("published reviews")
        if row.briefings.exists():
            uses.append("7-minute briefings")
        if uses:
            return f"{', '.join(uses)} use it. Take it off them first."
        return None
    if row.published:
        return "it has been published. Withdraw it instead: it leaves the library and search."
    if isinstance(row, Briefing) and TeamUse.objects.filter(briefing=row).exists():
        return "teams have recorded using it. Withdraw it instead."
    return None


class LearningDeleteView(scoping.AuditedDeleteView):
    """Deletes with an audit entry what nothing needs; refuses, with the reason, the rest."""

    record_change = record_change

    def form_valid(self, form):
        reason = _why_kept(self.object)
        if reason:
            messages.error(self.request, f"{self.object} cannot be deleted: {reason}")
            return redirect(self.index_url_name)
        return super().form_valid(form)


# --- The lists ---------------------------------------------------------------------------------


def state_label(row):
    if row.withdrawn:
        return "Withdrawn"
    if not row.published:
        return "Draft: not in the library"
    return f"Published {row.published_on:%-d %B %Y}"


def pdf_label(briefing):
    if briefing.pdf_pages is None:
        return "Not counted yet"
    if briefing.pdf_pages == 1:
        return "1 page"
    return f"{briefing.pdf_pages} pages: too long"


def summary_only_label(review):
    if review.removal_on is None:
        return "No date"
    return f"{review.removal_on:%-d %B %Y}"


# (label, viewset namespace, icon) of each screen, for the others' header buttons.
REVIEWS = ("Published reviews", "reviews_published", "doc-full")
BRIEFINGS = ("7-minute briefings", "reviews_briefings", "doc-full")
THEMES = ("Themes", "reviews_themes", "tag")


class LearningIndexView(scoping.ScopedIndexView):
    others = ()  # (label, viewset namespace) of the sibling screens, as header buttons

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            *(
                HeaderButton(label, url=reverse(f"{name}:index"), icon_name=icon)
                for label, name, icon in self.others
            ),
        ]


class ReviewIndexView(LearningIndexView):
    page_title = "Published reviews"
    add_item_label = "Add a published review"
    others = (
        ("7-minute briefings", "reviews_briefings", "doc-full"),
        ("Themes", "reviews_themes", "tag"),
    )


class BriefingIndexView(LearningIndexView):
    page_title = "7-minute briefings"
    add_item_label = "Add a 7-minute briefing"
    others = (
        ("Published reviews", "reviews_published", "doc-full"),
        ("Themes", "reviews_themes", "tag"),
    )

    def get_base_queryset(self):
        return super().get_base_queryset().defer(*learning.PART_FIELDS)


class ThemeIndexView(LearningIndexView):
    page_title = "Learning themes"
    add_item_label = "Add a theme"
    others = (
        ("Published reviews", "reviews_published", "doc-full"),
        ("7-minute briefings", "reviews_briefings", "doc-full"),
    )


# --- The viewsets ------------------------------------------------------------------------------


class LearningViewSet(scoping.ScopedViewSet):
    add_view_class = LearningCreateView
    edit_view_class = LearningEditView
    delete_view_class = LearningDeleteView
    add_to_admin_menu = False  # under "Reviews" (the domain's staff links)


class ThemeViewSet(LearningViewSet):
    model = Theme
    rows = staticmethod(editable_themes)
    index_view_class = ThemeIndexView
    name = "reviews_themes"
    icon = "tag"
    menu_label = "Learning themes"
    list_display = ["name", Column("partnership", label="Partnership")]
    ordering = ["name"]
    edit_handler = ObjectList(
        [FieldPanel("partnership"), FieldPanel("name"), FieldPanel("slug")],
        base_form_class=ThemeForm,
    )


class PublishedReviewViewSet(LearningViewSet):
    model = PublishedReview
    rows = staticmethod(editable_reviews)
    index_view_class = ReviewIndexView
    name = "reviews_published"
    icon = "doc-full"
    menu_label = "Published reviews"
    list_display = [
        "title",
        Column("state", label="In the library", accessor=state_label),
        Column("removal_on", label="Summary only from", accessor=summary_only_label),
        Column("partnership", label="Partnership"),
    ]
    ordering = ["-published_on", "title"]
    edit_handler = ObjectList(
        [
            FieldPanel("partnership"),
            FieldPanel("title"),
            FieldPanel("slug"),
            FieldPanel("kind"),
            FieldPanel("summary"),
            FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            FieldPanel("report"),
            MultiFieldPanel(
                [
                    FieldPanel("published"),
                    FieldPanel("published_on"),
                    FieldPanel("removal_on"),
                    FieldPanel("withdrawn"),
                ],
                heading="Publication",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("practice_until"),
                    FieldPanel("chapters", widget=forms.CheckboxSelectMultiple),
                ],
                heading="The procedures it looked at",
            ),
        ],
        base_form_class=PublishedReviewForm,
    )


class BriefingViewSet(LearningViewSet):
    model = Briefing
    rows = staticmethod(editable_briefings)
    index_view_class = BriefingIndexView
    add_view_class = BriefingCreateView
    edit_view_class = BriefingEditView
    name = "reviews_briefings"
    icon = "doc-full"
    menu_label = "7-minute briefings"
    list_display = [
        "title",
        Column("state", label="In the library", accessor=state_label),
        Column("pdf_pages", label="PDF", accessor=pdf_label),
        Column("partnership", label="Partnership"),
    ]
    ordering = ["-published_on", "title"]
    edit_handler = ObjectList(
        [
            FieldPanel("partnership"),
            FieldPanel("title"),
            FieldPanel("slug"),
            FieldPanel("summary"),
            FieldPanel("published_review"),
            FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            MultiFieldPanel(
                [FieldPanel(key) for key in learning.PART_FIELDS],
                heading="The seven parts",
            ),
            MultiFieldPanel(
                [FieldPanel("published"), FieldPanel("published_on"), FieldPanel("withdrawn")],
                heading="Publication",
            ),
        ],
        base_form_class=BriefingForm,
    )


def viewsets():
    return [PublishedReviewViewSet(), BriefingViewSet(), ThemeViewSet()]
