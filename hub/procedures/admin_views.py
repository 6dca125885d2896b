"""The editors' side of the procedures, inside Wagtail's admin: releases, the changes drafted
into them, previews, and publishing now or at a time.

Who may do what is decided by services.may_edit_release (through hub.core.permissions): a
consortium editor works on the regional releases of their consortium, a partnership's editors
on that partnership's own releases. A release anyone else names in the address is a 404, and
every write goes through hub.procedures.services (which records it in the audit log), met
through hub.core.forms.service_call.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.generic import FormView, TemplateView
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub.core import sign_off
from hub.core.forms import service_call
from hub.core.models import Partnership
from hub.core.permissions import Action, can, scope_queryset
from hub.core.presenters import govuk_datetime
from hub.procedures import queries, services
from hub.procedures.admin_forms import (
    ChapterChangeForm,
    ChapterChoiceForm,
    ChapterCreateForm,
    LocalInformationForm,
    RegionalSignOffForm,
    ReleaseStartForm,
    ScheduleForm,
    SendBackForm,
)
from hub.procedures.models import ChangeType, Chapter, ChapterVersion, Manual, Release

# --- Who may work on which releases ------------------------------------------------------


def regional_manuals(user):
    """The manuals whose regional chapters this user may change."""
    return [
        manual
        for manual in Manual.objects.select_related("consortium")
        if can(user, Action.EDIT_REGIONAL_CONTENT, manual.consortium)
    ]


def local_partnerships(user):
    """(partnership, manual) for each partnership whose own releases this user may make."""
    partnerships = scope_queryset(
        user, Action.EDIT_PAGES, Partnership.objects.filter(consortium__manual__isnull=False)
    ).select_related("consortium__manual")
    return [(partnership, partnership.consortium.manual) for partnership in partnerships]


def may_edit_any_procedures(user):
    return can(user, Action.EDIT_REGIONAL_CONTENT) or can(user, Action.EDIT_PAGES)


def editable_releases(user):
    """Releases this user may open: regional ones of their consortium if they are a
    consortium editor, their own partnerships' local ones if they edit a partnership."""
    return Release.objects.filter(
        Q(partnership__isnull=True, manual__in=[manual.pk for manual in regional_manuals(user)])
        | Q(partnership__in=[partnership.pk for partnership, _ in local_partnerships(user)])
    ).select_related("manual__consortium", "partnership")


def release_state(release, now=None):
    if release.awaits_sign_off:
        return "Waiting for sign-off"
    if release.published_at is None:
        return "Draft"
    return "Published" if release.published_at <= (now or timezone.now()) else "Scheduled"


def changeable_chapters(release):
    """Chapters whose text this release may change: regional ones in a regional release,
    the partnership's own local chapters in its release."""
    return Chapter.objects.filter(
        manual=release.manual, partnership_id=release.partnership_id
    ).select_related("part")


def chapter_titles(chapters):
    """Each chapter's title as readers see it now, or as last drafted if never published."""
    now = timezone.now()
    best = {}
    versions = (
        ChapterVersion.objects.filter(chapter__in=chapters)
        .select_related("release")
        .only("chapter_id", "title", "is_removed", "release__published_at")
    )
    for version in versions:
        published = version.release.published_at
        live = published is not None and published <= now
        rank = (live, published.timestamp() if live else 0.0, version.pk)
        if version.chapter_id not in best or rank > best[version.chapter_id][0]:
            best[version.chapter_id] = (rank, version)
    titles = {}
    for chapter_id, ((live, _, _), version) in best.items():
        if not live:
            titles[chapter_id] = f"{version.title} (not published yet)"
        elif version.is_removed:
            titles[chapter_id] = f"{version.title} (removed)"
        else:
            titles[chapter_id] = version.title
    return titles


def grouped_choices(chapters, titles):
    """Select options grouped by part, in the manual's order."""
    groups = {}
    for chapter in chapters:
        groups.setdefault(chapter.part, []).append(
            (chapter.pk, titles.get(chapter.pk) or chapter.slug)
        )
    return [(str(part), options) for part, options in groups.items()]


def local_information_chapters(release):
    """The regional chapters the partnership's readers see now: the ones that can carry its
    local information box."""
    return [
        item
        for part in queries.contents_at(release.partnership)
        for item in part.chapters
        if item.chapter.partnership_id is None
    ]


# --- Screens ------------------------------------------------------------------------------

RELEASES_CRUMB = {"url": reverse_lazy("procedures_admin:releases"), "label": "Procedures"}
RELEASES_PER_PAGE = 20


class ReleaseListView(WagtailAdminTemplateMixin, FormView):
    """The releases this editor may work on, by state, and the form to start one."""

    template_name = "procedures/admin/releases.html"
    form_class = ReleaseStartForm
    header_icon = "list-ol"
    page_title = "Procedures: releases"

    def dispatch(self, request, *args, **kwargs):
        if not may_edit_any_procedures(request.user):
            raise PermissionDenied
        self.manuals = regional_manuals(request.user)
        self.partnerships = local_partnerships(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": "Procedures"}]

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "manuals": self.manuals,
            "partnerships": self.partnerships,
        }

    def get_form(self, form_class=None):
        if not self.manuals and not self.partnerships:
            return None
        return super().get_form(form_class)

    def post(self, request, *args, **kwargs):
        if not self.manuals and not self.partnerships:
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        # The summary is not listed; published releases grow twice a year for ever, so they
        # come a page at a time (the other groups are the few in hand).
        releases = (
            editable_releases(self.request.user)
            .defer("summary")
            .annotate(
                chapter_count=Count("chapter_versions", distinct=True),
                local_count=Count("local_versions", distinct=True),
            )
        )
        published = releases.filter(published_at__lte=now).order_by("-published_at", "-pk")
        paginator = WagtailPaginator(published, RELEASES_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        context["groups"] = [
            (
                "Drafts",
                "Not visible to readers yet.",
                releases.filter(published_at__isnull=True, submitted_at__isnull=True).order_by(
                    "-created_at"
                ),
            ),
            (
                "Waiting for sign-off",
                "Another editor approves each before readers see it.",
                releases.filter(published_at__isnull=True, submitted_at__isnull=False).order_by(
                    "submitted_at"
                ),
            ),
            (
                "Scheduled",
                "Readers see these at the time shown.",
                releases.filter(published_at__gt=now).order_by("published_at"),
            ),
            ("Published", "Newest first.", page),
        ]
        context["items"] = page
        context["elided_page_range"] = paginator.get_elided_page_range(page.number)
        context["action_url"] = self.request.path
        context["regional_sign_off"] = [
            (manual.consortium, RegionalSignOffForm(consortium=manual.consortium))
            for manual in self.manuals
        ]
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        with service_call(form) as call:
            release = services.release_start(
                by=self.request.user,
                manual=data["manual"],
                partnership=data["partnership"],
                title=data["title"],
                summary=data["summary"],
                request=self.request,
            )
        if not call.ok:
            return self.form_invalid(form)
        messages.success(self.request, f"Release '{release.title}' started. Draft its changes.")
        return redirect(release_url(release))


def release_url(release):
    return reverse("procedures_admin:release", args=[release.pk])


class RegionalSignOffView(WagtailAdminTemplateMixin, TemplateView):
    """A consortium editor chooses whether regional releases need a second consortium
    editor's approval (hub.core.sign_off). Another consortium: 404."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        consortia = {
            manual.consortium.pk: manual.consortium for manual in regional_manuals(request.user)
        }
        consortium = consortia.get(kwargs["consortium_pk"])
        if consortium is None:
            raise Http404
        form = RegionalSignOffForm(request.POST, consortium=consortium)
        if form.is_valid():
            with service_call(form) as call:
                changed = sign_off.consortium_sign_off_set(
                    by=request.user,
                    consortium=consortium,
                    keys=form.cleaned_data["sign_off"],
                    request=request,
                )
            if call.ok:
                messages.success(
                    request,
                    f"Sign-off for {consortium}'s regional changes saved."
                    if changed
                    else "Nothing changed, so nothing was saved.",
                )
        return redirect("procedures_admin:releases")


class ReleaseMixin:
    """Loads the release in the address if this editor may work on it; otherwise 404, so a
    guessed id never tells whether the release exists. Screens that change a release set
    `drafts_only`: a published or scheduled release is read-only."""

    drafts_only = False

    def dispatch(self, request, *args, **kwargs):
        self.release = get_object_or_404(editable_releases(request.user), pk=kwargs["pk"])
        if self.drafts_only and self.release.published_at is not None:
            messages.warning(
                request,
                "This release is published or scheduled, so its changes cannot be edited. "
                "Start a new release.",
            )
            return redirect(release_url(self.release))
        if self.drafts_only and self.release.awaits_sign_off:
            messages.warning(
                request,
                "This release is waiting for sign-off, so its changes cannot be edited. "
                "Send it back to a draft first.",
            )
            return redirect(release_url(self.release))
        self.load(request, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, request, **kwargs):
        """Load whatever else the address names (a chapter), or raise Http404."""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            RELEASES_CRUMB,
            {"url": release_url(self.release), "label": self.release.title},
        ]


class ReleaseView(ReleaseMixin, WagtailAdminTemplateMixin, TemplateView):
    """A release: its changes so far, and while it is a draft, the ways to add to it and to
    publish it. Published and scheduled releases show read-only."""

    template_name = "procedures/admin/release.html"
    header_icon = "list-ol"
    page_title = "Release"

    def get_page_subtitle(self):
        return self.release.title

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, RELEASES_CRUMB, {"url": "", "label": self.release.title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.release
        now = timezone.now()
        context["release"] = release
        context["state"] = release_state(release, now)
        context["is_draft"] = release.published_at is None and not release.awaits_sign_off
        context["can_unschedule"] = release.published_at is not None and release.published_at > now
        context["awaiting"] = release.awaits_sign_off
        context["may_approve"] = (
            release.awaits_sign_off and release.submitted_by_id != self.request.user.pk
        )
        context["needs_sign_off"] = services.needs_sign_off(release)
        context.setdefault("send_back_form", SendBackForm())
        context["changes"] = (
            release.chapter_versions.select_related("chapter__part")
            .defer("body", "summary")
            .order_by("chapter__part__number", "chapter__position", "chapter__slug")
        )
        local_changes = list(release.local_versions.select_related("chapter__part"))
        titles = chapter_titles([change.chapter for change in local_changes])
        context["local_changes"] = [
            (change, titles.get(change.chapter_id, change.chapter.slug)) for change in local_changes
        ]
        if context["is_draft"]:
            chapters = list(changeable_chapters(release))
            context["chapter_form"] = ChapterChoiceForm(
                choices=grouped_choices(chapters, chapter_titles(chapters)),
                label="Chapter",
                auto_id="id_change_%s",
            )
            if release.partnership_id:
                options = local_information_chapters(release)
                context["local_form"] = ChapterChoiceForm(
                    choices=grouped_choices(
                        [item.chapter for item in options],
                        {item.chapter.pk: item.version.title for item in options},
                    ),
                    label="Regional chapter",
                    auto_id="id_local_%s",
                )
            if not context.get("schedule_form"):
                context["schedule_form"] = ScheduleForm()
        context.setdefault("action_errors", [])
        return context

    def render_errors(self, errors, **forms):
        self.release.refresh_from_db()
        return self.render_to_response(self.get_context_data(action_errors=errors, **forms))


class PublishView(ReleaseView):
    """Publish now. Pressing twice is harmless: the service locks the release and refuses one
    that is no longer a draft."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        return self.publish(request, at=None)

    def publish(self, request, *, at, form=None):
        with service_call() as call:
            release = services.release_publish(
                by=request.user, release=self.release, at=at, request=request
            )
        if not call.ok:
            self.release.refresh_from_db()
            if self.release.published_at is not None:
                messages.info(request, "This release was already published or scheduled.")
                return redirect(release_url(self.release))
            return self.render_errors(call.messages, schedule_form=form)
        if release.awaits_sign_off:
            messages.success(
                request,
                f"'{release.title}' is waiting for sign-off: readers see it once another "
                "editor approves it.",
            )
        else:
            messages.success(request, published_message(release))
        return redirect(release_url(release))


def published_message(release):
    if release.published_at <= timezone.now():
        return f"'{release.title}' is published: readers see it now."
    return (
        f"'{release.title}' is scheduled: readers see it from "
        f"{govuk_datetime(release.published_at)}."
    )


class ApproveView(ReleaseView):
    """A second editor signs off a release waiting for it. Pressing twice, or approving
    one's own, changes nothing (the service refuses and says why)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        with service_call() as call:
            release = services.release_approve(
                by=request.user, release=self.release, request=request
            )
        if not call.ok:
            return self.render_errors(call.messages)
        messages.success(request, f"Signed off. {published_message(release)}")
        return redirect(release_url(release))


class SendBackView(ReleaseView):
    """Back to a draft: taken back by the editor who asked, or sent back by another with
    what needs changing."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = SendBackForm(request.POST)
        if not form.is_valid():
            return self.render_errors([], send_back_form=form)
        with service_call(form) as call:
            release = services.release_send_back(
                by=request.user,
                release=self.release,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        if not call.ok:
            # A reason missing is shown on its field; anything else above the page.
            return self.render_errors(
                [] if form.has_error("reason") else call.messages, send_back_form=form
            )
        messages.success(request, f"'{release.title}' is a draft again: readers will not see it.")
        return redirect(release_url(release))


class ScheduleView(PublishView):
    def post(self, request, *args, **kwargs):
        form = ScheduleForm(request.POST)
        if not form.is_valid():
            return self.render_errors([], schedule_form=form)
        return self.publish(request, at=form.cleaned_data["publish_at"], form=form)


class UnscheduleView(ReleaseView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        with service_call() as call:
            release = services.release_unschedule(
                by=request.user, release=self.release, request=request
            )
        if not call.ok:
            return self.render_errors(call.messages)
        messages.success(request, f"'{release.title}' is a draft again: readers will not see it.")
        return redirect(release_url(release))


class ReleaseFormView(ReleaseMixin, WagtailAdminTemplateMixin, FormView):
    """A form that writes into a draft release and returns to it."""

    drafts_only = True
    template_name = "procedures/admin/release_form.html"
    header_icon = "edit"
    submit_button_label = "Save draft"
    success_message = ""

    removed_on_save = ()

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partnership": self.release.partnership}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["media"] = context["form"].media
        context["release"] = self.release
        context["action_url"] = self.request.get_full_path()
        context["submit_button_label"] = self.submit_button_label
        context["cancel_url"] = release_url(self.release)
        return context

    def form_valid(self, form):
        with service_call(form) as call:
            self.save(form.cleaned_data)
        if not call.ok:
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        if self.removed_on_save:
            # Never dropped silently: the editor is told what the text could not keep.
            messages.warning(
                self.request,
                "Removed when saved: " + "; ".join(self.removed_on_save) + ".",
            )
        return redirect(release_url(self.release))


def _chapter_from_query(request, chapters):
    """The chapter named by ?chapter= among those allowed; 404 for anything else."""
    chapter_id = request.GET.get("chapter", "")
    if not chapter_id.isdigit():
        raise Http404
    return get_object_or_404(chapters, pk=int(chapter_id))


class ChapterChangeView(ReleaseFormView):
    """Draft new text, an amendment or the removal of a chapter, starting from the text
    readers see now (or from this release's draft, when there is one)."""

    form_class = ChapterChangeForm
    page_title = "Draft a chapter change"

    def load(self, request, **kwargs):
        self.chapter = _chapter_from_query(request, changeable_chapters(self.release))

    def get_page_subtitle(self):
        return chapter_titles([self.chapter]).get(self.chapter.pk, self.chapter.slug)

    def get_initial(self):
        draft = self.release.chapter_versions.filter(chapter=self.chapter).first()
        source = draft or self.chapter.version_at()
        if source is None:
            return {"change_type": ChangeType.NEW}
        return {
            "title": source.title,
            "summary": source.summary,
            "body": source.body,
            "change_type": draft.change_type if draft else ChangeType.AMENDED,
            "change_summary": draft.change_summary if draft else "",
        }

    def save(self, data):
        version = services.chapter_draft(
            by=self.request.user,
            release=self.release,
            chapter=self.chapter,
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            change_type=data["change_type"],
            change_summary=data["change_summary"],
            request=self.request,
        )
        self.success_message = f"Change to '{version.title}' saved in the draft."
        self.removed_on_save = version.removed_on_save


class LocalInformationView(ReleaseFormView):
    """Draft the partnership's local information box on a regional chapter."""

    form_class = LocalInformationForm
    page_title = "Draft local information"

    def load(self, request, **kwargs):
        if self.release.partnership_id is None:
            raise Http404
        options = {item.chapter.pk: item for item in local_information_chapters(self.release)}
        chapter_id = request.GET.get("chapter", "")
        if not chapter_id.isdigit() or int(chapter_id) not in options:
            raise Http404
        self.item = options[int(chapter_id)]

    def get_page_subtitle(self):
        return self.item.version.title

    def get_initial(self):
        chapter, partnership = self.item.chapter, self.release.partnership
        draft = self.release.local_versions.filter(chapter=chapter).first()
        current = draft or queries.local_information_at(chapter, partnership, timezone.now())
        return {"body": current.body if current else ""}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["regional"] = self.item
        return context

    def save(self, data):
        version = services.local_information_draft(
            by=self.request.user,
            release=self.release,
            chapter=self.item.chapter,
            body=data["body"],
            request=self.request,
        )
        self.success_message = (
            f"Local information on '{self.item.version.title}' saved in the draft."
        )
        self.removed_on_save = version.removed_on_save


class ChapterCreateView(ReleaseFormView):
    """A new chapter, regional or (in a partnership's release) local to that partnership."""

    form_class = ChapterCreateForm
    submit_button_label = "Create chapter"

    def get_page_title(self):
        return "New local chapter" if self.release.partnership_id else "New regional chapter"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "parts": self.release.manual.parts.all()}

    def save(self, data):
        chapter = services.chapter_create(
            by=self.request.user,
            release=self.release,
            part=data["part"],
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            body=data["body"],
            change_summary=data["change_summary"],
            request=self.request,
        )
        self.success_message = f"Chapter '{data['title']}' created in the draft."
        self.removed_on_save = chapter.removed_on_save


class PreviewView(ReleaseMixin, WagtailAdminTemplateMixin, TemplateView):
    """A chapter as readers will see it once this release is published."""

    template_name = "procedures/admin/preview.html"
    header_icon = "view"
    page_title = "Preview"

    def load(self, request, **kwargs):
        release = self.release
        changed = Chapter.objects.filter(
            Q(versions__release=release) | Q(local_versions__release=release)
        ).distinct()
        self.chapter = get_object_or_404(changed, pk=kwargs["chapter_pk"])
        self.version = release.chapter_versions.filter(chapter=self.chapter).first()
        self.local = release.local_versions.filter(chapter=self.chapter).first()
        if self.version is None:
            # Only the local box changes: show it under the regional text readers see now.
            self.version = self.chapter.version_at()
        if self.version is None:
            raise Http404

    def get_page_subtitle(self):
        return self.version.title

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": "", "label": f"Preview: {self.version.title}"},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["release"] = self.release
        context["version"] = self.version
        context["is_drafted_here"] = self.version.release_id == self.release.pk
        context["local"] = self.local
        return context
