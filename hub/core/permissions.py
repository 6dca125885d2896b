"""The one answer to "may this user do this to this object?".

Every view and every query that touches non-public records goes through `can`,
`scope_queryset` or `get_object_or_404_for`. The role × action table below is the whole
policy; the README prints it (`manage.py permissions_matrix`) and tests pin it.

Scopes: a role held in a partnership reaches objects of that partnership; an agency
safeguarding lead's role reaches only objects of their own agency; a consortium editor's role
reaches objects of the partnerships in their consortium. A practitioner holds no assignment
and reaches only their own account.

The table itself (roles, actions, and domains' additions) is in hub/core/policy.py. A role
assignment stores the role as a plain value and its scope in which of partnership, agency or
consortium it names, so a new role needs no migration in core.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from hub.core.models import Agency, Consortium, Partnership, RoleAssignment, User
from hub.core.policy import (
    PRACTITIONER,
    Action,
    Role,
    actions_of,
    assignment_scope,
    permissions_matrix_markdown,
    policy,
    role_label,
    role_scope,
    roles_with,
    what_roles_may_do,
)
from hub.core.policy import known_action as _known_action

__all__ = [
    "PRACTITIONER",
    "Action",
    "Role",
    "actions_of",
    "assignment_scope",
    "belongs_to_consortium",
    "belongs_to_partnership",
    "can",
    "forget_cached_roles",
    "get_object_or_404_for",
    "permissions_matrix_markdown",
    "policy",
    "require",
    "requires_second_factor",
    "role_label",
    "role_scope",
    "roles_of",
    "roles_with",
    "scope_queryset",
    "what_roles_may_do",
]


def _assignments(user):
    if not hasattr(user, "_hub_assignments"):
        user._hub_assignments = list(
            RoleAssignment.objects.filter(user=user).select_related("partnership")
        )
    return user._hub_assignments


def roles_of(user):
    """The roles a signed-in user holds, the implicit practitioner role included."""
    if not user.is_authenticated or not user.is_active:
        return set()
    return {assignment.role for assignment in _assignments(user)} | {PRACTITIONER}


def requires_second_factor(user):
    """Everyone holding any role, and superusers, sign in with a second factor."""
    return user.is_authenticated and (user.is_superuser or bool(_assignments(user)))


def _scope_of(target):
    """(partnership ids, agency id, consortium ids) that an object belongs to."""
    if hasattr(target, "permission_scope"):
        # Records shared with several partnerships (a section 11 submission) say so themselves.
        return target.permission_scope()
    if isinstance(target, Partnership):
        return {target.pk}, None, {target.consortium_id}
    if isinstance(target, Consortium):
        return set(), None, {target.pk}
    if isinstance(target, Agency):
        partnerships = list(target.partnerships.all())
        return {p.pk for p in partnerships}, target.pk, {p.consortium_id for p in partnerships}
    partnership_id = getattr(target, "partnership_id", None)
    agency_id = getattr(target, "agency_id", None)
    partnership_ids = {partnership_id} if partnership_id else set()
    consortium_ids = set(
        Partnership.objects.filter(pk__in=partnership_ids).values_list("consortium_id", flat=True)
    )
    return partnership_ids, agency_id, consortium_ids


def _assignment_reaches(assignment, partnership_ids, agency_id, consortium_ids):
    """An assignment's reach is the scope it names (the database holds it to one shape)."""
    if assignment.consortium_id is not None:
        return assignment.consortium_id in consortium_ids
    if assignment.agency_id is not None:
        return assignment.agency_id == agency_id
    return assignment.partnership_id in partnership_ids


def can(user, action, target=None):
    """May `user` do `action` to `target`? With no target: may they do it anywhere at all?"""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    action = _known_action(action)
    granting = [a for a in _assignments(user) if action in actions_of(a.role)]
    if action in actions_of(PRACTITIONER) and (target is None or target == user):
        return True
    if target is None:
        return bool(granting)
    scope = _scope_of(target)
    return any(_assignment_reaches(assignment, *scope) for assignment in granting)


def scope_queryset(user, action, queryset):
    """Only the rows of `queryset` that `user` may `action`.

    The model names where its scope lives in `PERMISSION_SCOPE`, e.g.
    {"partnership": "partnership", "agency": "agency"} (lookups to the ids).
    """
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.is_superuser:
        return queryset
    action = _known_action(action)
    lookups = queryset.model.PERMISSION_SCOPE
    condition = Q(pk__in=[])
    if action in actions_of(PRACTITIONER) and queryset.model is User:
        condition |= Q(pk=user.pk)
    for assignment in _assignments(user):
        if action not in actions_of(assignment.role):
            continue
        if assignment.consortium_id is not None:
            if "consortium" in lookups:
                condition |= Q(**{lookups["consortium"]: assignment.consortium_id})
        elif assignment.agency_id is not None:
            if "agency" in lookups:
                condition |= Q(**{lookups["agency"]: assignment.agency_id})
        elif "partnership" in lookups:
            condition |= Q(**{lookups["partnership"]: assignment.partnership_id})
    return queryset.filter(condition).distinct()


def get_object_or_404_for(user, action, queryset, **lookup):
    """The object, if it exists and `user` may `action` it; otherwise 404, so a guessed or
    forged id never reveals whether the record exists."""
    return get_object_or_404(scope_queryset(user, action, queryset), **lookup)


def require(user, action, target=None):
    """Raise 404 unless `can(user, action, target)`."""
    if not can(user, action, target):
        raise Http404


def forget_cached_roles(user):
    user.__dict__.pop("_hub_assignments", None)
    user.__dict__.pop("_hub_agency_partnerships", None)


def _agency_partnerships(user):
    """(partnership id, consortium id) pairs of the user's confirmed agency."""
    if not hasattr(user, "_hub_agency_partnerships"):
        user._hub_agency_partnerships = (
            set(
                Partnership.objects.filter(agencies=user.agency_id).values_list(
                    "pk", "consortium_id"
                )
            )
            if user.agency_id
            else set()
        )
    return user._hub_agency_partnerships


def belongs_to_partnership(user, partnership):
    """Is `user` one of `partnership`'s professionals: confirmed staff of one of its agencies,
    or holding a role in it? (Choosing an agency oneself is not enough until it is confirmed.)"""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if any(pk == partnership.pk for pk, _ in _agency_partnerships(user)):
        return True
    return any(
        a.partnership_id == partnership.pk
        or (a.consortium_id is not None and a.consortium_id == partnership.consortium_id)
        for a in _assignments(user)
    )


def belongs_to_consortium(user, consortium_id):
    """Does `user` belong to any partnership of the consortium, or edit for the consortium?"""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if any(consortium == consortium_id for _, consortium in _agency_partnerships(user)):
        return True
    return any(
        (a.partnership is not None and a.partnership.consortium_id == consortium_id)
        or a.consortium_id == consortium_id
        for a in _assignments(user)
    )
