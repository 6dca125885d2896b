"""Each partnership's escalation protocol in Wagtail's admin: its stages with their targets,
its themes and outcomes, its reference prefix and the protocol document.

Who keeps it is whoever holds the domain's own "escalations.view_all" (the partnership
admin: the business unit that sees every escalation of the partnership and its quarterly
picture), for their partnership only. Every list, edit, delete, history and usage screen
reads from `editable_protocols(user)`, so another partnership's protocol answers 404. The
screens are reached from the staff menu's "Escalation protocol" link (hub/escalations/
domain.py), not from a menu of their own. Each save is audited; a removal that escalations
still use is refused with the reason.
"""

from django.db.models import Count, Q
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView

from hub.core import admin_scoping as scoping
from hub.core import audit
from hub.core.models import User
from hub.core.permissions import can, roles_with, scope_queryset
from hub.escalations.actions import VIEW_ALL
from hub.escalations.admin_forms import ProtocolForm
from hub.escalations.models import Protocol

AUDIT_ACTION = "hub.escalations.protocol_changed"
ACTIONS = ("add", "change", "delete")

CLASH = (
    "Nothing was saved: the protocol changed, or was made for this partnership by someone "
    "else, a moment ago, or escalations still use a stage, theme or outcome being removed. "
    "Reload the page and try again."
)


def editable_protocols(user):
    """The protocols `user` may keep: those of the partnerships where they see every
    escalation."""
    return scope_queryset(user, VIEW_ALL, Protocol.objects.all()).select_related("partnership")


class ProtocolPolicy(scoping.RolePermissionPolicy):
    action = VIEW_ALL

    def user_has_permission(self, user, action):
        return action in self.actions and can(user, VIEW_ALL)

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in self.actions or instance.pk is None:
            return False
        return self.rows(user).filter(pk=instance.pk).exists()

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return User.objects.none()
        return User.objects.filter(
            Q(is_superuser=True) | Q(role_assignments__role__in=roles_with(VIEW_ALL)),
            is_active=True,
        ).distinct()


PERMISSION_POLICY = ProtocolPolicy(Protocol, rows=editable_protocols, actions=ACTIONS)


def record_change(request, protocol, change):
    """One audit entry for a protocol `change`d ("created", "edited", "deleted")."""
    audit.record(
        actor=request.user,
        action=AUDIT_ACTION,
        instance=protocol,
        request=request,
        partnership_id=protocol.partnership_id,
        details={"change": change},
    )


class ProtocolCreateView(scoping.AuditedSave, CreateView):
    change = "created"
    record_change = record_change


class ProtocolEditView(scoping.AuditedSave, scoping.ScopedEditView):
    record_change = record_change


class ProtocolDeleteView(scoping.AuditedDeleteView):
    """Deletes with an audit entry; refuses, with the reason, while escalations use it."""

    record_change = record_change

    def refusal(self, error):
        return (
            f"{self.object} cannot be deleted: escalations are recorded under it. "
            "Change the protocol instead."
        )


class ProtocolIndexView(scoping.ScopedIndexView):
    page_title = "Escalation protocols"
    add_item_label = "Add an escalation protocol"

    def get_base_queryset(self):
        return super().get_base_queryset().annotate(stage_count=Count("stages", distinct=True))


class ProtocolViewSet(scoping.ScopedViewSet):
    model = Protocol
    rows = staticmethod(editable_protocols)
    index_view_class = ProtocolIndexView
    add_view_class = ProtocolCreateView
    edit_view_class = ProtocolEditView
    delete_view_class = ProtocolDeleteView
    name = "escalations_protocols"
    icon = "arrow-up"
    menu_label = "Escalation protocol"
    add_to_admin_menu = False  # under "People and audit" (the domain's staff links)
    list_display = [
        "title",
        Column("partnership", label="Partnership"),
        "reference_prefix",
        Column("stage_count", label="Stages"),
        Column("updated_at", label="Last changed"),
    ]
    ordering = ["partnership__name"]
    edit_handler = ObjectList(
        [
            FieldPanel("partnership"),
            FieldPanel("title"),
            FieldPanel("reference_prefix"),
            FieldPanel("document"),
            FieldPanel("records_good_practice"),
            InlinePanel(
                "stages",
                heading="Stages, first to last",
                label="Stage",
                panels=[
                    FieldPanel("name"),
                    FieldPanel("who"),
                    FieldPanel("target_working_days"),
                ],
            ),
            InlinePanel(
                "themes",
                heading="Themes: what escalations are about",
                label="Theme",
                panels=[FieldPanel("name")],
            ),
            InlinePanel(
                "outcomes",
                heading="Outcomes: how escalations end",
                label="Outcome",
                panels=[FieldPanel("name")],
            ),
        ],
        base_form_class=ProtocolForm,
    )


def viewsets():
    return [ProtocolViewSet()]
