"""Useful links in the admin, under Content: each partnership's editors see and change their
own partnership's links only (another's id answers 404); links shown on every partnership's
site (no partnership) are the superuser's."""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList

from hub.core.admin_scoping import RolePermissionPolicy, ScopedViewSet
from hub.core.models import Partnership
from hub.core.permissions import Action, can, scope_queryset
from hub.site.models import UsefulLink


def editable_links(user):
    return scope_queryset(user, Action.EDIT_PAGES, UsefulLink.objects.all())


class UsefulLinkPolicy(RolePermissionPolicy):
    action = Action.EDIT_PAGES

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in self.actions:
            return False
        if instance.partnership_id is None:
            return user.is_superuser
        return can(user, Action.EDIT_PAGES, instance.partnership)


POLICY = UsefulLinkPolicy(UsefulLink, rows=editable_links, actions=("add", "change", "delete"))


class UsefulLinkForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not for_user.is_superuser:
            field = self.fields["partnership"]
            field.queryset = scope_queryset(for_user, Action.EDIT_PAGES, Partnership.objects)
            field.required = True
            field.empty_label = None
            field.help_text = "The site that shows the link."


class UsefulLinkViewSet(ScopedViewSet):
    model = UsefulLink
    rows = staticmethod(editable_links)
    permission_policy = POLICY
    icon = "link"
    name = "useful_links"
    menu_label = "Useful links"
    add_to_admin_menu = False
    list_display = ["title", "topic", "partnership", "last_checked"]
    list_filter = ["topic"]
    search_fields = ["title", "description", "topic"]
    search_backend_name = None  # a plain database search of the fields above
    edit_handler = ObjectList(
        [
            FieldPanel("partnership"),
            FieldPanel("title"),
            FieldPanel("url"),
            FieldPanel("description"),
            FieldPanel("topic"),
            FieldPanel("last_checked"),
        ],
        base_form_class=UsefulLinkForm,
    )
