"""Wagtail admin screens that see only what the signed-in person's roles reach.

A domain's viewset subclasses `ScopedViewSet` and names `rows(user)`, the queryset of rows
the user may reach (built with hub.core.permissions.scope_queryset): every list, edit,
delete, history and usage page reads from it, so another partnership's id answers 404.
`RolePermissionPolicy` answers Wagtail's permission questions from roles (`can`) rather
than Django's model permissions, so groups never grant these screens.
"""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, Q, RestrictedError
from django.shortcuts import redirect
from wagtail.admin.views.generic import DeleteView, EditView, HistoryView, IndexView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import BasePermissionPolicy

from hub.core.models import User
from hub.core.permissions import can, roles_with


class RolePermissionPolicy(BasePermissionPolicy):
    """Who may use one model's screens: whoever `can` do `action` somewhere, on the rows
    `rows(user)` returns. `actions` is what the screens allow at all (for example "add",
    "change"). Subclasses say which rows of the user's may take which action, in
    `user_has_permission_for_instance`."""

    action = None

    def __init__(self, model, *, rows, actions=("add", "change")):
        super().__init__(model)
        self.rows = rows
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and can(user, self.action)

    def user_has_permission_for_instance(self, user, action, instance):
        raise NotImplementedError

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.actions.intersection(actions):
            return self.model.objects.none()
        return self.rows(user)

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return User.objects.none()
        return User.objects.filter(
            Q(is_superuser=True) | Q(role_assignments__role__in=roles_with(self.action)),
            is_active=True,
        ).distinct()


class ScopedIndexView(IndexView):
    rows = None

    def get_base_queryset(self):
        return self.rows(self.request.user)


class ScopedEditView(EditView):
    rows = None

    def get_queryset(self):
        return self.rows(self.request.user)


class ScopedDeleteView(DeleteView):
    rows = None

    def get_queryset(self):
        return self.rows(self.request.user)


# --- Audited saves and deletes --------------------------------------------------------------

CLASH = (
    "Nothing was saved: these changes clash with what is saved already (two rows with the "
    "same short name, or the same record made by someone else a moment ago). Check and try "
    "again."
)


class AuditedSave:
    """Wagtail's save, in its transaction, with one audit entry beside it: the view names
    `record_change(request, instance, change)` (a function writing the entry) and `change`
    ("created" or "edited"). A clash the form could not foresee (a unique short name taken
    at the same moment) saves nothing and shows the form again with `clash` as the reason."""

    change = "edited"
    clash = CLASH
    record_change = None

    def save_instance(self):
        instance = super().save_instance()
        type(self).record_change(self.request, instance, self.change)
        return instance

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except (IntegrityError, ProtectedError, RestrictedError):
            form.add_error(None, self.clash)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class AuditedDeleteView(ScopedDeleteView):
    """Deletes with an audit entry (`record_change(request, instance, "deleted")`) in the
    same transaction; refuses, with `refusal(error)`'s reason, what something still uses."""

    record_change = None

    def refusal(self, error):
        used_by = getattr(error, "protected_objects", None) or error.restricted_objects
        names = sorted({str(row) for row in used_by})
        return (
            f"{self.object} cannot be deleted: {', '.join(names[:5])}"
            f"{' and others' if len(names) > 5 else ''} still use it. Change or delete them "
            "first."
        )

    def form_valid(self, form):
        try:
            with transaction.atomic():
                type(self).record_change(self.request, self.object, "deleted")
                self.delete_action()
        except (ProtectedError, RestrictedError) as error:
            messages.error(self.request, self.refusal(error))
            return redirect(self.index_url_name)
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url())


class ScopedHistoryView(HistoryView):
    rows = None

    def get_base_object_queryset(self):
        return self.rows(self.request.user)


class ScopedUsageView(UsageView):
    rows = None

    def get_base_object_queryset(self):
        return self.rows(self.request.user)


class ScopedViewSet(ModelViewSet):
    """A model's screens, each limited to the rows `rows(user)` returns."""

    rows = None
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(rows=type(self).rows, **kwargs)

    def get_permissions_to_register(self):
        # Groups do not grant these screens (roles do), so offer no checkboxes for them.
        return Permission.objects.none()


def scoped_choices(rows, model):
    """A django-filter queryset argument: the signed-in user's rows."""

    def choices(request):
        return rows(request.user) if request is not None else model.objects.none()

    return choices
