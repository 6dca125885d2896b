"""`manage.py check` (and so CI) fails when a domain forgets something:

- hub.E001: an installed domain app (`hub.*`, or an app config with `hub_domain = True`) has
  no declaration in the registry (hub/core/domains.py);
- hub.E002: a model holding a person (a link to an account, or an email address) is in no
  declaration's personal-data export, or under no retention rule, and is not in
  THIRD_PARTY_ALLOWED below with the reason;
- hub.E003: a domain's permission declarations clash with another's, or give a role an action
  nobody declares, or give actions to a role nobody declares;
- hub.E004: a domain's staff link names an admin menu group that does not exist;
- hub.E005: two domains declare periodic jobs, searchable types, API resources, feeds, topic
  sources or figures of the same name (the later would silently replace the earlier).
"""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, register
from django.db import models

from hub.core.domains import STAFF_GROUPS, declared, domains, every

# Models of other projects that hold a person, which no domain exports or prunes, and why.
THIRD_PARTY_ALLOWED = {
    "wagtailcore.Page": "who created or locked a page: editorial history; the link is cleared "
    "when the account is deleted",
    "wagtailcore.Revision": "who saved which revision of a page: editorial history; the link "
    "is cleared when the account is deleted",
    "wagtailcore.PageLogEntry": "Wagtail's page history: who published what; kept with the page",
    "wagtailcore.WorkflowState": "who asked for a page to be approved; cleared with the account",
    "wagtailcore.TaskState": "who approved a page; cleared with the account",
    "wagtailcore.Comment": "editors' comments on a page draft; deleted with the account",
    "wagtailcore.CommentReply": "replies to editors' comments; deleted with the account",
    "wagtailcore.PageSubscription": "an editor's choice of page notifications; deleted with the "
    "account",
    "wagtailcore.APIToken": "not used by the Hub (no Wagtail API)",
    "wagtailcore.UploadedFile": "a file part-way through a multi-file upload; Wagtail removes it",
    "wagtailadmin.EditingSession": "who has a page open in the editor now; Wagtail removes it",
    "wagtailadmin.FormState": "an editor's unsaved form state; deleted with the account",
    "wagtaildocs.Document": "which editor uploaded a library file; cleared with the account",
    "wagtailimages.Image": "which editor uploaded an image; cleared with the account",
}


def _app_is_domain(config):
    return config.name.startswith("hub.") or getattr(config, "hub_domain", False)


def person_fields(model):
    """The fields of `model` itself that hold a person."""
    user = apps.get_model(settings.AUTH_USER_MODEL)
    return [
        f.name
        for f in [*model._meta.local_fields, *model._meta.local_many_to_many]
        if isinstance(f, models.EmailField) or (f.is_relation and f.related_model is user)
    ]


def _covered(attribute):
    return {label.lower() for part in every(attribute) for label in part.models}


@register()
def check_domains(app_configs=None, **kwargs):
    errors = []
    for config in apps.get_app_configs():
        if _app_is_domain(config) and not declared(config.label):
            errors.append(
                Error(
                    f"The app {config.name} declares no domain.",
                    hint="Add a `domain.py` with DOMAIN = Domain(...) and call "
                    "`register_app(self)` from its AppConfig.ready() (hub/core/domains.py).",
                    id="hub.E001",
                )
            )
    exported, kept = _covered("personal_data"), _covered("retention")
    allowed = {label.lower() for label in THIRD_PARTY_ALLOWED}
    for model in apps.get_models():
        fields = person_fields(model)
        label = model._meta.label
        if not fields or label.lower() in allowed:
            continue
        missing = [
            what
            for what, covered in (("personal-data export", exported), ("retention rule", kept))
            if label.lower() not in covered
        ]
        if missing:
            errors.append(
                Error(
                    f"{label} holds a person ({', '.join(fields)}) but is in no domain's "
                    f"{' or '.join(missing)}.",
                    hint="List it in a PersonalData and a Retention of its domain's "
                    "declaration (hub/core/domains.py), or, for another project's model, in "
                    "THIRD_PARTY_ALLOWED in hub/core/checks.py with the reason.",
                    obj=model,
                    id="hub.E002",
                )
            )
    from hub.core.permissions import policy

    for problem in policy().problems:
        errors.append(
            Error(
                f"The permission table does not add up: {problem}",
                hint="A domain's `actions`, `roles` and `grants` (hub/core/domains.py) may add "
                "new values and give them to declared roles only.",
                id="hub.E003",
            )
        )
    groups = {key for key, _label, _icon in STAFF_GROUPS}
    for link in every("staff_links"):
        if link.group not in groups:
            errors.append(
                Error(
                    f"The staff link {link.text!r} is in the unknown group {link.group!r}.",
                    hint=f"Use one of {', '.join(sorted(groups))} (STAFF_GROUPS in "
                    "hub/core/domains.py).",
                    id="hub.E004",
                )
            )
    for kind, names in (
        ("job", [job.name for job in every("jobs")]),
        ("searchable type", [searchable.kind for searchable in every("search")]),
        ("API resource", [resource.prefix for resource in every("api")]),
        ("feed", [feed.key for feed in every("feeds")]),
        ("topic source", [source.key for source in every("topic_sources")]),
        (
            "figure",
            [f"{domain.label}.{figure.slug}" for domain in domains() for figure in domain.figures],
        ),
    ):
        for name in sorted({name for name in names if names.count(name) > 1}):
            errors.append(
                Error(
                    f"More than one domain declares the {kind} {name!r}.",
                    hint="Give each its own name: the registry keys them by name.",
                    id="hub.E005",
                )
            )
    return errors
