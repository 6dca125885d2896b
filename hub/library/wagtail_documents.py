"""Wagtail's documents are the library's files, and nothing else.

Every file enters through the library (`services.version_upload`), which gives it an owner,
a version, a review date and the upload checks. So Wagtail's own document screens may only
*choose* a file (for a link in rich text), never add, replace or delete one, for any role,
superusers included: `LibraryFilesPolicy` answers no to everything else, which removes
"Add a document", multiple upload, the chooser's upload tab, editing, deleting and the bulk
actions. The chooser lists only the current version of each library document the editor may
link to, and a rich-text link to it always leads to the document's current version.
"""

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils.html import escape
from wagtail.documents.forms import BaseDocumentForm
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from hub.core.uploads import check_document

CHOOSE = "choose"


class LibraryFilesPolicy(CollectionOwnershipPermissionPolicy):
    """Choosing a file, in the collections a group grants it on; nothing else, for anyone."""

    def __init__(self, model):
        super().__init__(model, auth_model=model, owner_field_name="uploaded_by_user")

    def user_has_permission(self, user, action):
        return action == CHOOSE and super().user_has_permission(user, CHOOSE)

    def user_has_any_permission(self, user, actions):
        return CHOOSE in actions and super().user_has_permission(user, CHOOSE)

    def users_with_any_permission(self, actions):
        if CHOOSE not in actions:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission([CHOOSE])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if CHOOSE not in actions:
            return False
        return super().user_has_any_permission_for_instance(user, [CHOOSE], instance)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def instances_user_has_any_permission_for(self, user, actions):
        if CHOOSE not in actions:
            return self.model._default_manager.none()
        return super().instances_user_has_any_permission_for(user, [CHOOSE])

    def users_with_any_permission_for_instance(self, actions, instance):
        if CHOOSE not in actions:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission_for_instance([CHOOSE], instance)

    def collections_user_has_any_permission_for(self, user, actions):
        if CHOOSE not in actions:
            return super().collections_user_has_any_permission_for(user, []).none()
        return super().collections_user_has_any_permission_for(user, [CHOOSE])

    def collections_user_has_permission_for(self, user, action):
        return self.collections_user_has_any_permission_for(user, [action])


class CheckedDocumentForm(BaseDocumentForm):
    """No screen offers Wagtail's document form; if one ever did, the file would still pass
    the same content checks as a library upload."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is not None and hasattr(uploaded, "content_type"):
            try:
                check_document(uploaded)
            except ValidationError as error:
                raise ValidationError(error.messages) from error
        return uploaded


def choosable_files(user, queryset):
    """Of `queryset` (Wagtail documents), the current version of each library document that
    `user` may link to: their own partnerships' documents and their consortia's shared ones,
    never withdrawn or superseded ones, never a scheduled version."""
    from hub.core.models import Partnership
    from hub.core.permissions import Action, scope_queryset
    from hub.library.models import DocumentVersion, LibraryDocument, Status

    documents = LibraryDocument.objects.exclude(status__in=[Status.WITHDRAWN, Status.SUPERSEDED])
    if not user.is_superuser:
        partnerships = scope_queryset(user, Action.EDIT_PAGES, Partnership.objects.all())
        documents = documents.filter(
            Q(partnership__in=partnerships)
            | Q(
                partnership__isnull=True,
                consortium__in=partnerships.values("consortium"),
            )
        )
    # A document's current version is its published one with no later published one.
    later = DocumentVersion.objects.published().filter(
        document=OuterRef("document"), number__gt=OuterRef("number")
    )
    current = (
        DocumentVersion.objects.published()
        .filter(document__in=documents, is_withdrawn=False)
        .exclude(Exists(later))
    )
    return queryset.filter(pk__in=current.values("file_id"))


def version_of(file):
    """The library version a Wagtail document is the file of, or None."""
    from hub.library.models import DocumentVersion

    return (
        DocumentVersion.objects.filter(file=file)
        .without_text()
        .select_related("document__partnership", "document__consortium")
        .first()
    )


class LibraryDocumentLinkHandler(DocumentLinkHandler):
    """A rich-text link to a library file leads to its document's current version, so a page
    never points at a version that has since been superseded."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        from hub.library.models import DocumentVersion

        ids = [attrs.get("id") for attrs in attrs_list]
        versions = {
            str(version.file_id): version
            for version in DocumentVersion.objects.filter(
                file_id__in=[i for i in ids if str(i).isdigit()]
            )
            .select_related("document")
            .only("file_id", "document__slug")
        }
        links = []
        for identifier in ids:
            version = versions.get(str(identifier))
            if version is None:
                links.append("<a>")
            else:
                links.append(f'<a href="{escape(version.document.get_download_url())}">')
        return links
