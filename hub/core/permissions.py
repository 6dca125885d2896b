"""The one answer to "may this user do this to this object?".

Every view and every query that touches non-public records goes through `can`,
`scope_queryset` or `get_object_or_404_for`. The role × action table below is the whole
policy; the README prints it (`manage.py permissions_matrix`) and tests pin it.

Scopes: a role held in a partnership reaches objects of that partnership; an agency
safeguarding lead's role reaches only objects of their own agency; a consortium editor's role
reaches objects of the partnerships in their consortium. A practitioner holds no assignment
and reaches only their own account.

A domain adds its own actions and roles, and gives its actions to roles declared here, in its
declaration (hub/core/domains.py: `actions`, `roles`, `grants`); `policy()` is this table with
theirs merged in. A role assignment stores the role as a plain value and its scope in which of
partnership, agency or consortium it names, so a new role needs no migration in core.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from hub.core import domains
from hub.core.models import (
    Agency,
    Consortium,
    Partnership,
    Role,
    RoleAssignment,
    User,
)


class Action(StrEnum):
    MANAGE_OWN_ACCOUNT = "account.manage_own"
    ACCESS_ADMIN = "admin.access"
    EDIT_PAGES = "pages.edit"
    EDIT_REGIONAL_CONTENT = "regional.edit"
    MANAGE_PEOPLE = "people.manage"
    VIEW_PEOPLE = "people.view"
    CONFIRM_MEMBERS = "people.confirm_members"
    VIEW_AUDIT_LOG = "audit.view"
    MANAGE_TRAINING = "training.manage"
    TAKE_REGISTER = "training.register"
    VIEW_AGENCY_RECORDS = "agency_records.view"
    EDIT_AGENCY_RECORDS = "agency_records.edit"
    BOOK_FOR_AGENCY = "training.book_for_agency"
    VIEW_TRAINING_RECORDS = "training.records_view"
    MANAGE_ASSURANCE = "assurance.manage"
    REVIEW_ASSURANCE = "assurance.review"


ACTION_DESCRIPTIONS = {
    Action.MANAGE_OWN_ACCOUNT: "Manage own account, download own data, delete own account",
    Action.ACCESS_ADMIN: "Use the editors' admin",
    Action.EDIT_PAGES: "Edit and publish the partnership's pages and documents",
    Action.EDIT_REGIONAL_CONTENT: "Edit regional content shared by the consortium",
    Action.MANAGE_PEOPLE: "Invite staff, assign roles, deactivate accounts",
    Action.VIEW_PEOPLE: "See people's accounts",
    Action.CONFIRM_MEMBERS: "Confirm who works for an agency; register its email domains",
    Action.VIEW_AUDIT_LOG: "See the audit log",
    Action.MANAGE_TRAINING: "Run the training programme",
    Action.TAKE_REGISTER: "Take a session's register",
    Action.VIEW_AGENCY_RECORDS: "See an agency's private records (section 11, escalations, staff)",
    Action.EDIT_AGENCY_RECORDS: "Change an agency's private records",
    Action.BOOK_FOR_AGENCY: "Book, cancel and transfer training places for colleagues",
    Action.VIEW_TRAINING_RECORDS: "See staff's training records and reports",
    Action.MANAGE_ASSURANCE: "Run section 11 rounds: frameworks, invitations, reminders, closing",
    Action.REVIEW_ASSURANCE: "Review section 11 submissions shared with the partnership",
}

PRACTITIONER = "practitioner"

# Role × action: the whole policy. Scope is applied on top (see module docstring).
ROLE_ACTIONS = {
    Role.PARTNERSHIP_ADMIN: {
        Action.ACCESS_ADMIN,
        Action.EDIT_PAGES,
        Action.MANAGE_PEOPLE,
        Action.VIEW_PEOPLE,
        Action.CONFIRM_MEMBERS,
        Action.VIEW_AUDIT_LOG,
        Action.MANAGE_TRAINING,
        Action.VIEW_TRAINING_RECORDS,
        Action.MANAGE_ASSURANCE,
        Action.REVIEW_ASSURANCE,
    },
    Role.EDITOR: {Action.ACCESS_ADMIN, Action.EDIT_PAGES},
    Role.TRAINING_COORDINATOR: {
        Action.MANAGE_TRAINING,
        Action.TAKE_REGISTER,
        Action.VIEW_TRAINING_RECORDS,
        Action.BOOK_FOR_AGENCY,
    },
    Role.TRAINER: {Action.TAKE_REGISTER},
    Role.AGENCY_LEAD: {
        Action.VIEW_PEOPLE,
        Action.CONFIRM_MEMBERS,
        Action.VIEW_AGENCY_RECORDS,
        Action.EDIT_AGENCY_RECORDS,
        Action.BOOK_FOR_AGENCY,
        Action.VIEW_TRAINING_RECORDS,
    },
    Role.CONSORTIUM_EDITOR: {
        Action.ACCESS_ADMIN,
        Action.EDIT_REGIONAL_CONTENT,
    },
    Role.AGENCY_TRAINING_COORDINATOR: {
        Action.BOOK_FOR_AGENCY,
        Action.VIEW_TRAINING_RECORDS,
    },
    Role.SECTION_11_REVIEWER: {Action.REVIEW_ASSURANCE},
    PRACTITIONER: {Action.MANAGE_OWN_ACCOUNT},
}

# Where each role is held, when not for a partnership.
ROLE_SCOPES = {
    Role.AGENCY_LEAD: "agency",
    Role.AGENCY_TRAINING_COORDINATOR: "agency",
    Role.CONSORTIUM_EDITOR: "consortium",
}


@dataclass(frozen=True)
class Policy:
    """The table above with every domain's actions, roles and grants merged in."""

    actions: dict[str, str]  # action -> what it allows
    role_actions: dict[str, frozenset[str]]  # role (the practitioner's too) -> its actions
    labels: dict[str, str]  # role -> its name
    scopes: dict[str, str]  # role -> "partnership", "agency" or "consortium"
    assignable: tuple[str, ...]  # the roles a partnership admin may give
    problems: tuple[str, ...]  # declarations that clash or name what does not exist


def _policy():
    actions = {action.value: ACTION_DESCRIPTIONS[action] for action in Action}
    role_actions = {str(role): {str(a) for a in granted} for role, granted in ROLE_ACTIONS.items()}
    labels = {PRACTITIONER: "Practitioner", **{role.value: role.label for role in Role}}
    scopes = {role.value: ROLE_SCOPES.get(role, "partnership") for role in Role}
    assignable = [role.value for role in Role if role != Role.CONSORTIUM_EDITOR]
    problems = []
    for domain in domains.domains():
        for action, description in domain.actions.items():
            if action in actions:
                problems.append(f"{domain.label}: the action {action!r} is already declared.")
            actions[action] = description
        for role in domain.roles:
            if role.value in labels:
                problems.append(f"{domain.label}: the role {role.value!r} is already declared.")
                continue
            labels[role.value] = role.label
            scopes[role.value] = role.scope
            role_actions[role.value] = set(role.actions)
            if role.assignable and role.scope != "consortium":
                assignable.append(role.value)
    for domain in domains.domains():
        for role, granted in domain.grants.items():
            if role not in role_actions:
                problems.append(f"{domain.label}: grants actions to the unknown role {role!r}.")
                continue
            role_actions[role] |= set(granted)
    for role, granted in role_actions.items():
        for action in sorted(set(granted) - set(actions)):
            problems.append(f"The role {role!r} is given the undeclared action {action!r}.")
    return Policy(
        actions=actions,
        role_actions={role: frozenset(granted) for role, granted in role_actions.items()},
        labels=labels,
        scopes=scopes,
        assignable=tuple(assignable),
        problems=tuple(problems),
    )


def policy():
    return domains.derived("permissions", _policy)


def actions_of(role):
    """What holding `role` allows; a role no longer declared allows nothing."""
    return policy().role_actions.get(role, frozenset())


def roles_with(action):
    """The roles (never the practitioner's) whose holders may do `action`."""
    return [
        role
        for role, granted in policy().role_actions.items()
        if action in granted and role != PRACTITIONER
    ]


def role_label(role):
    return policy().labels.get(role, role)


def role_scope(role):
    """Where `role` is held: "partnership", "agency" (the holder's own) or "consortium"."""
    return policy().scopes[role]


def assignment_scope(role, *, partnership=None, agency=None):
    """The partnership, agency and consortium a new assignment of `role` names."""
    scope = role_scope(role)
    if scope == "consortium":
        return {"partnership": None, "agency": None, "consortium": partnership.consortium}
    return {
        "partnership": partnership,
        "agency": agency if scope == "agency" else None,
        "consortium": None,
    }


def _known_action(action):
    action = str(action)
    if action not in policy().actions:
        raise ValueError(f"No domain declares the action {action!r}.")
    return action


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


_SCOPE_WORDS = {
    "partnership": "own partnership",
    "agency": "own agency",
    "consortium": "own consortium",
}


def permissions_matrix_markdown():
    """The role × action table, as printed in the README."""
    table = policy()
    roles = [PRACTITIONER, *(role for role in table.labels if role != PRACTITIONER)]
    header = "| action | " + " | ".join(table.labels[role] for role in roles) + " |"
    rule = "|---|" + "---|" * len(roles)
    rows = [header, rule]
    for action, description in table.actions.items():
        cells = []
        for role in roles:
            if action in table.role_actions[role]:
                scope = "own account" if role == PRACTITIONER else _SCOPE_WORDS[table.scopes[role]]
                cells.append("✓ " + scope)
            else:
                cells.append("–")
        rows.append(f"| {description} | " + " | ".join(cells) + " |")
    rows.append("")
    rows.append("Everyone signed in also has the practitioner's permissions, on their own account.")
    return "\n".join(rows) + "\n"
