"""The register in Wagtail's admin: list, filter, create and edit documents' details. Each
editor sees and edits only their own partnership's documents. Saving and deleting go through
hub.library.services (a status chosen on the edit form through `document_set_status`), so
each leaves its audit entry."""

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import CreateView
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page

from hub.core.admin_scoping import ScopedDeleteView, ScopedEditView, ScopedViewSet
from hub.core.forms import service_call
from hub.core.models import Partnership
from hub.core.permissions import Action, scope_queryset
from hub.library import services
from hub.library.models import LibraryDocument, suggested_review_date
from hub.library.presenters import public_url, version_rows

REVIEW_DATE_HINT = "Reminders go to the owner mailbox as this date comes near and passes."
SUGGESTED_REVIEW_DATE_HINT = (
    "Suggested: a year from today, the usual review cycle. Change it if the document sets "
    "its own review date."
)


class LibraryDocumentForm(WagtailAdminModelForm):
    """Every choice the form offers is the editor's own: their partnerships, their
    documents and those shared by their consortium, their sites' pages. An editor of one
    partnership finds it chosen; a document without a review date is offered one."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.suggested_review_due = None
        if "review_due" in self.fields:
            review_due = self.fields["review_due"]
            review_due.help_text = REVIEW_DATE_HINT
            if self.instance.review_due is None:
                # A starting value only: the editor may change it or clear it.
                self.suggested_review_due = suggested_review_date()
                self.initial["review_due"] = self.suggested_review_due
                review_due.help_text = SUGGESTED_REVIEW_DATE_HINT
        if for_user is None:
            return
        allowed = scope_queryset(for_user, Action.EDIT_PAGES, Partnership.objects.all())
        if "partnership" in self.fields:
            self.fields["partnership"].queryset = allowed
            self.fields["partnership"].required = True
            only = list(allowed[:2])
            if len(only) == 1 and self.instance._state.adding:
                self.initial.setdefault("partnership", only[0].pk)
        linkable = LibraryDocument.objects.filter(
            Q(partnership__in=allowed)
            | Q(partnership__isnull=True, consortium__in=allowed.values("consortium"))
        ).order_by("title")
        if self.instance.pk:
            linkable = linkable.exclude(pk=self.instance.pk)
        for name in ("related_documents", "replaced_by"):
            if name in self.fields:
                self.fields[name].queryset = linkable
        if "related_pages" in self.fields:
            pages = Page.objects.none()
            for partnership in allowed.select_related("site__root_page"):
                if partnership.site_id:
                    pages |= Page.objects.descendant_of(partnership.site.root_page, inclusive=True)
            self.fields["related_pages"].queryset = pages

    def clean(self):
        cleaned = super().clean()
        partnership = cleaned.get("partnership")
        if partnership is not None:
            cleaned["consortium"] = partnership.consortium
            self.instance.consortium = partnership.consortium
        return cleaned

    @cached_property
    def changed_data(self):
        changed = super().changed_data
        if self.suggested_review_due is None:
            return changed
        # Against the document as stored (no review date), not the suggestion: a suggestion
        # kept is a new review date, a suggestion cleared is no change.
        changed = [name for name in changed if name != "review_due"]
        if getattr(self, "cleaned_data", {}).get("review_due") is not None:
            changed.append("review_due")
        return changed


def editable_documents(user):
    """Documents this editor may change: their own partnerships' documents."""
    partnerships = scope_queryset(user, Action.EDIT_PAGES, Partnership.objects.all())
    return LibraryDocument.objects.filter(partnership__in=partnerships)


class LibraryDocumentIndexView(ScopedViewSet.index_view_class):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons.append(
            ListingButton(
                "Upload a new version",
                reverse("library_admin:upload_version", args=[instance.pk]),
                icon_name="upload",
                priority=5,
            )
        )
        return buttons


class LibraryDocumentSaveMixin:
    """Wagtail's save, replaced by the library's service, which owns the transaction; its
    refusals show on the form."""

    def form_valid(self, form):
        self.form = form
        with service_call(form) as call:
            self.object = services.document_save(
                by=self.request.user, form=form, request=self.request
            )
        if not call.ok:
            return self.form_invalid(form)
        response = self.save_action()
        return self.run_after_hook() or response


class LibraryDocumentCreateView(LibraryDocumentSaveMixin, CreateView):
    pass


class LibraryDocumentEditView(LibraryDocumentSaveMixin, ScopedEditView):
    """The document's details, and above them its versions: each with its state, who
    uploaded it and what changed, a way to withdraw it (or, for one waiting for sign-off, to
    approve it or send it back), the way to upload the next one and a link to the
    document's page on the partnership's site."""

    template_name = "library/admin/document_edit.html"

    def get_queryset(self):
        return super().get_queryset().select_related("partnership__site")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["versions"] = version_rows(self.object, viewer=self.request.user)
        context["waiting"] = next(
            (r.version for r in context["versions"] if r.waits_for_sign_off), None
        )
        context["needs_sign_off"] = services.needs_sign_off(self.object)
        context["upload_url"] = reverse("library_admin:upload_version", args=[self.object.pk])
        context["public_url"] = public_url(self.object, self.request)
        return context


class LibraryDocumentDeleteView(ScopedDeleteView):
    def delete_action(self):
        with service_call():
            services.document_delete(
                by=self.request.user, document=self.object, request=self.request
            )


class LibraryDocumentViewSet(ScopedViewSet):
    """Every list, edit, delete, history and usage screen reads from `editable_documents`, so
    another partnership's document answers 404."""

    model = LibraryDocument
    rows = staticmethod(editable_documents)
    index_view_class = LibraryDocumentIndexView
    add_view_class = LibraryDocumentCreateView
    edit_view_class = LibraryDocumentEditView
    delete_view_class = LibraryDocumentDeleteView
    icon = "doc-full"
    menu_label = "Library documents"
    add_to_admin_menu = False  # under "Protocols and guidance" (the library's staff links)
    name = "library_documents"
    list_display = ["title", "document_type", "reach", "status", "review_due"]
    list_filter = ["status", "document_type", "reach", "is_restricted"]
    # With panels, Wagtail builds the form from the edit handler's base form class (a
    # `form_class` attribute would be ignored), so the scoping form is given here.
    edit_handler = ObjectList(
        [
            FieldPanel("partnership"),
            FieldPanel("title"),
            FieldPanel("slug"),
            FieldPanel("summary"),
            FieldRowPanel([FieldPanel("document_type"), FieldPanel("reach")]),
            FieldPanel("topics"),
            MultiFieldPanel(
                [
                    FieldPanel("for_professionals"),
                    FieldPanel("for_parents"),
                    FieldPanel("for_young_people"),
                ],
                heading="Who it is for",
            ),
            MultiFieldPanel(
                [FieldPanel("owner_agency"), FieldPanel("contact_role"), FieldPanel("owner_email")],
                heading="Owner",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("replaced_by"),
                    FieldPanel("review_due"),
                    FieldPanel("is_restricted"),
                ],
                heading="Status and review",
            ),
            FieldPanel("related_documents", widget=forms.CheckboxSelectMultiple),
            FieldPanel("related_pages"),
        ],
        base_form_class=LibraryDocumentForm,
    )
