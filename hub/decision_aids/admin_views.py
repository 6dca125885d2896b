"""The decision aids' admin screens' groundwork: the permission policy Wagtail asks, the
scoped generic views every decision aids viewset uses (each save audited; a removal that
something still uses refused with the reason), what a tool's save tells its editor, and the
"Check and publish" screen.

Who reaches which rows is hub.decision_aids.queries (editable_guides, editable_tools,
editable_indicators): partnership editors their own partnership's, consortium editors their
consortium's regional ones. Every screen reads from those, so another partnership's or
consortium's id answers 404.
"""

import json

from django.contrib import messages as django_messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import CreateView
from wagtail.admin.widgets import HeaderButton

from hub.core import admin_scoping as scoping
from hub.core import audit
from hub.core.admin_screen import AdminScreen
from hub.core.charts import decision_flow
from hub.core.models import User
from hub.core.permissions import Action, roles_with
from hub.decision_aids import rules, services
from hub.decision_aids.models import LevelsGuide, NeedIndicator, Tool
from hub.decision_aids.queries import (
    editable_guides,
    editable_indicators,
    editable_tools,
    may_edit_decision_aids,
)

EVERY_OUTCOME_REACHED = "Every outcome can be reached."

# --- Who may use the screens ---------------------------------------------------------------


class DecisionAidsPolicy(scoping.RolePermissionPolicy):
    """Whoever edits a partnership's pages (its own guide and tools) or the consortium's
    regional content (the regional ones) uses these screens, on the rows `rows(user)` gives."""

    action = Action.EDIT_PAGES

    def user_has_permission(self, user, action):
        return action in self.actions and may_edit_decision_aids(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in self.actions or instance.pk is None:
            return False
        return self.rows(user).filter(pk=instance.pk).exists()

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return User.objects.none()
        roles = set(roles_with(Action.EDIT_PAGES)) | set(roles_with(Action.EDIT_REGIONAL_CONTENT))
        return User.objects.filter(
            Q(is_superuser=True) | Q(role_assignments__role__in=roles), is_active=True
        ).distinct()


ACTIONS = ("add", "change", "delete")

PERMISSION_POLICIES = {
    LevelsGuide: DecisionAidsPolicy(LevelsGuide, rows=editable_guides, actions=ACTIONS),
    NeedIndicator: DecisionAidsPolicy(NeedIndicator, rows=editable_indicators, actions=ACTIONS),
    Tool: DecisionAidsPolicy(Tool, rows=editable_tools, actions=ACTIONS),
}


# --- Saving and deleting, audited ----------------------------------------------------------


def _audit_action(instance):
    return (
        "hub.decision_aids.tool_changed"
        if isinstance(instance, Tool)
        else "hub.decision_aids.guide_changed"
    )


def record_change(request, instance, change):
    """One audit entry for a guide, indicator or tool `change`d ("created", "edited",
    "deleted") through these screens: who, which record and what kind of change, never its
    words."""
    details = {"change": change}
    partnership_id = getattr(instance, "partnership_id", None)
    if isinstance(instance, NeedIndicator):
        details["guide"] = instance.guide_id
        partnership_id = instance.guide.partnership_id
    audit.record(
        actor=request.user,
        action=_audit_action(instance),
        instance=instance,
        request=request,
        partnership_id=partnership_id,
        details=details,
    )


CLASH = (
    "Nothing was saved: these changes clash with what is saved already (two levels or "
    "domains of the guide with the same short name, or the same guide or tool made by someone "
    "else a moment ago). Check the short names and try again."
)


class AuditedSave(scoping.AuditedSave):
    """Wagtail's save with one audit entry beside it (hub/core/admin_scoping.py)."""

    clash = CLASH
    record_change = record_change


class ScopedCreateView(AuditedSave, CreateView):
    change = "created"

    def initial_from_query(self, name, rows):
        """The row of `rows` named by `?name=<pk>`, if it is one of the user's."""
        value = self.request.GET.get(name, "")
        return rows.filter(pk=value).first() if value.isdigit() else None


class ScopedEditView(AuditedSave, scoping.ScopedEditView):
    pass


class ScopedDeleteView(scoping.AuditedDeleteView):
    """Deletes with an audit entry; refuses, with the reason, what something still uses."""

    record_change = record_change


class GuideDeleteView(ScopedDeleteView):
    """A guide goes with its levels, domains and indicators, unless a screening tool points
    its outcomes at it."""

    def form_valid(self, form):
        guide = self.object
        tools = sorted(
            Tool.objects.filter(
                Q(guide=guide) | Q(otherwise_level__guide=guide) | Q(rules__level__guide=guide)
            )
            .values_list("title", flat=True)
            .distinct()
        )
        if tools:
            messages.error(
                self.request,
                f"{guide} cannot be deleted: the screening tool{'s' if len(tools) > 1 else ''} "
                f"{', '.join(tools)} point{'' if len(tools) > 1 else 's'} their outcomes at its "
                "levels. Move them to other levels of need, or delete them, first.",
            )
            return redirect(self.index_url_name)
        return super().form_valid(form)

    def delete_action(self):
        # Indicators protect their level and domain; they go first, with the guide.
        self.object.indicators.all().delete()
        super().delete_action()


# --- A tool's check, after every save ------------------------------------------------------


def check_tool(tool):
    return rules.check(services.tool_content(tool))


def tell_check(request, found):
    """The check's findings as a message: that every outcome can be reached, or each
    problem, with the reminder that the draft is kept but cannot be published yet."""
    if found.ok:
        messages.success(request, EVERY_OUTCOME_REACHED)
        return
    detail = format_html(
        '<ul class="errorlist">{}</ul>',
        format_html_join("", "<li>{}</li>", ((problem,) for problem in found.problems)),
    )
    django_messages.warning(
        request,
        messages.render(
            "The draft is saved, but it cannot be published until these are put right:",
            None,
            detail=detail,
        ),
    )


class ToolCheckOnSave:
    def save_action(self):
        response = super().save_action()
        # Read back as saved: the rules and scale as the database now holds them.
        tell_check(self.request, check_tool(Tool.objects.get(pk=self.object.pk)))
        return response


class ToolCreateView(ToolCheckOnSave, ScopedCreateView):
    def get_success_url(self):
        return reverse("decision_aids_tools:publish", args=[self.object.pk])


class ToolEditView(ToolCheckOnSave, ScopedEditView):
    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                "Check and publish",
                url=reverse("decision_aids_tools:publish", args=[self.object.pk]),
                icon_name="upload",
            )
        ]


# --- Check and publish ---------------------------------------------------------------------


def _normalised(content):
    return json.loads(json.dumps(content))


def unchanged_since(tool, content):
    """The latest version if the draft's `content` is exactly what it froze, else None."""
    latest = services.latest_version(tool)
    if latest is not None and _normalised(content) == latest.content:
        return latest
    return None


def publish_draft(*, tool, by, request):
    """Publish the tool's draft as its next version, unless the check finds a problem or the
    draft is what the latest version already holds (a second press of Publish, or nothing
    changed). Raises ValidationError, publishing nothing, if so. The tool's row is locked
    while deciding, so two presses at once publish once."""
    with transaction.atomic():
        locked = Tool.objects.select_for_update().get(pk=tool.pk)
        same = unchanged_since(locked, services.tool_content(locked))
        if same is not None:
            raise ValidationError(
                f"Nothing has changed since version {same.number}, so there is nothing to publish."
            )
        return services.tool_publish(tool=locked, by=by, request=request)


def _kind_labels(content):
    """{kind: the tool's own word for it}, the first rating of each kind."""
    labels = {}
    for option in content["scale"]:
        labels.setdefault(option["kind"], option["label"])
    return labels


def example_rows(content, found):
    """For each outcome the check reached: its rule (or "Otherwise"), its level and an
    example of how many indicators of each domain were rated each way to reach it."""
    labels = _kind_labels(content)
    order = [*range(len(content["rules"])), None]
    rows = []
    for index in order:
        if index not in found.examples:
            continue
        if index is None:
            rule, level = "Otherwise", (content["otherwise"] or {}).get("name", "")
        else:
            rule = f"Rule {index + 1}"
            level = content["rules"][index]["level"]["name"]
        counts = []
        for domain, tally in zip(content["domains"], found.examples[index], strict=True):
            words = [
                f"{count} {labels[kind]}" for kind in rules.KINDS if (count := tally.get(kind))
            ]
            counts.append((domain["title"], ", ".join(words) or "none answered"))
        rows.append({"rule": rule, "level": level, "counts": counts})
    return rows


class ToolPublishView(AdminScreen, TemplateView):
    """A tool's check and its rules for sign-off: the check's findings, the rules as a
    diagram and in words, an example of the ratings that reach each outcome, the versions
    published so far and, when the check passes and the draft has changed, Publish."""

    template_name = "decision_aids/admin/tool_publish.html"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise Http404
        self.tool = get_object_or_404(editable_tools(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Check and publish: {self.tool.title}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("decision_aids_tools:index"), "label": "Screening tools"},
            {
                "url": reverse("decision_aids_tools:edit", args=[self.tool.pk]),
                "label": str(self.tool),
            },
            {"url": "", "label": "Check and publish"},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        content = services.tool_content(self.tool)
        found = rules.check(content)
        # Every version for the table, without its frozen content; the latest's content alone
        # to compare with the draft.
        versions = list(
            self.tool.versions.select_related("published_by").defer("content").order_by("-number")
        )
        same = unchanged_since(self.tool, content) if versions else None
        steps = [(rules.rule_words(rule), rule["level"]["name"]) for rule in content["rules"]]
        otherwise = (content["otherwise"] or {}).get("name", "not chosen yet")
        context.update(
            tool=self.tool,
            found=found,
            rule_list=steps,
            otherwise=otherwise,
            diagram=decision_flow(
                steps,
                otherwise,
                title=f"The outcome rules of {self.tool.title}",
                id=f"tool-{self.tool.pk}-rules",
            ),
            examples=example_rows(content, found) if found.ok else [],
            versions=versions,
            unchanged_since=same,
            may_publish=found.ok and same is None,
            edit_url=reverse("decision_aids_tools:edit", args=[self.tool.pk]),
            action_url=self.request.path,
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            version = publish_draft(tool=self.tool, by=request.user, request=request)
        except ValidationError as refusal:
            messages.error(request, "Not published: " + " ".join(refusal.messages))
            return redirect(request.path)
        messages.success(
            request,
            f"Version {version.number} of {self.tool.title} is published: practitioners "
            "starting the tool now use it.",
        )
        return redirect(request.path)
