"""The register in Wagtail's admin: list, filter, create and edit documents' details. Each
editor sees and edits only their own partnership's documents."""

from django.urls import reverse
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from hub.core.models import Partnership
from hub.core.permissions import Action, scope_queryset
from hub.library.models import LibraryDocument


class LibraryDocumentForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "partnership" in self.fields:
            allowed = scope_queryset(for_user, Action.EDIT_PAGES, Partnership.objects.all())
            self.fields["partnership"].queryset = allowed
            self.fields["partnership"].required = True

    def clean(self):
        cleaned = super().clean()
        partnership = cleaned.get("partnership")
        if partnership is not None:
            cleaned["consortium"] = partnership.consortium
            self.instance.consortium = partnership.consortium
        return cleaned


def editable_documents(user):
    """Documents this editor may change: their own partnerships' documents."""
    partnerships = scope_queryset(user, Action.EDIT_PAGES, Partnership.objects.all())
    return LibraryDocument.objects.filter(partnership__in=partnerships)


class LibraryDocumentIndexView(IndexView):
    def get_base_queryset(self):
        return editable_documents(self.request.user)

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


class LibraryDocumentEditView(EditView):
    def get_queryset(self):
        # Another partnership's document answers 404, as a guessed id should.
        return editable_documents(self.request.user)


class LibraryDocumentDeleteView(DeleteView):
    def get_queryset(self):
        return editable_documents(self.request.user)


class LibraryDocumentViewSet(ModelViewSet):
    model = LibraryDocument
    index_view_class = LibraryDocumentIndexView
    edit_view_class = LibraryDocumentEditView
    delete_view_class = LibraryDocumentDeleteView
    icon = "doc-full"
    menu_label = "Library documents"
    menu_order = 250
    add_to_admin_menu = True
    name = "library_documents"
    list_display = ["title", "document_type", "scope", "status", "review_due"]
    list_filter = ["status", "document_type", "scope", "is_restricted"]
    search_fields = ["title", "summary"]
    inspect_view_enabled = False
    # With panels, Wagtail builds the form from the edit handler's base form class (a
    # `form_class` attribute would be ignored), so the scoping form is given here.
    edit_handler = ObjectList(
        [
            FieldPanel("partnership"),
            FieldPanel("title"),
            FieldPanel("slug"),
            FieldPanel("summary"),
            FieldRowPanel([FieldPanel("document_type"), FieldPanel("scope")]),
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
            FieldPanel("related_documents"),
            FieldPanel("related_pages"),
        ],
        base_form_class=LibraryDocumentForm,
    )
