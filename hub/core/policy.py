"""The permission table: every role, every action, and which role may do what. Read by
hub/core/permissions.py (which applies it, with scopes) and printed in the README.

The core's roles and actions are below; a domain adds its own actions and roles, and gives
its actions to roles declared here, in its declaration (hub/core/domains.py: `actions`,
`roles`, `grants`); `policy()` is this table with theirs merged in. It imports no model, so
the models may use it.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db import models

from hub.core import domains


class Role(models.TextChoices):
    """The core's roles; domains add theirs in their declarations."""

    PARTNERSHIP_ADMIN = "partnership_admin", "Partnership admin"
    EDITOR = "editor", "Editor"
    TRAINING_COORDINATOR = "training_coordinator", "Training coordinator"
    TRAINER = "trainer", "Trainer"
    AGENCY_LEAD = "agency_lead", "Agency safeguarding lead"
    CONSORTIUM_EDITOR = "consortium_editor", "Consortium editor"
    AGENCY_TRAINING_COORDINATOR = "agency_training_coordinator", "Agency training coordinator"
    SECTION_11_REVIEWER = "section_11_reviewer", "Section 11 reviewer"


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
    EDIT_SITE_SETTINGS = "site.settings"


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
    Action.EDIT_SITE_SETTINGS: "Change the site's contact numbers, footer, branding, sign-off",
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
        Action.EDIT_SITE_SETTINGS,
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


def what_roles_may_do(roles=None):
    """[(role label, [what it allows, in words])] for `roles` (default: those a partnership
    admin may give), from the table, as the invite form shows them."""
    table = policy()
    return [
        (
            table.labels[role],
            [table.actions[action] for action in table.actions if action in actions_of(role)],
        )
        for role in (roles if roles is not None else table.assignable)
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


def known_action(action):
    action = str(action)
    if action not in policy().actions:
        raise ValueError(f"No domain declares the action {action!r}.")
    return action


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
