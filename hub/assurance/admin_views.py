"""Section 11 admin screens' groundwork: which rows a user reaches, the permission policy
Wagtail asks, the scoped generic views every section 11 viewset uses, and the two things
done to a framework version besides editing it (publishing it, copying it to a new version),
each through its service.

Only people who may run a partnership's section 11 rounds (Action.MANAGE_ASSURANCE: its
partnership admins) reach these screens, and only their own partnerships' rows: every list,
form choice and object lookup goes through hub.core.permissions, and another partnership's
id answers 404. Roles are the truth, so the policy asks `can` rather than Django's model
permissions.
"""

from django import forms
from django.contrib.messages import error as message_error
from django.contrib.messages import success as message_success
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic import (
    InspectView,
)
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub.assurance import services
from hub.assurance.models import (
    Framework,
    FrameworkVersion,
    LocalAnswer,
    LocalQuestion,
    Round,
    RoundStatus,
    Submission,
)
from hub.core import admin_scoping as scoping
from hub.core.admin_scoping import RolePermissionPolicy
from hub.core.forms import service_call
from hub.core.models import Partnership
from hub.core.permissions import Action, scope_queryset

# --- What a user may reach --------------------------------------------------------------


def managed_partnerships(user):
    """The partnerships whose section 11 rounds `user` runs."""
    return scope_queryset(user, Action.MANAGE_ASSURANCE, Partnership.objects.all())


def managed_frameworks(user):
    return scope_queryset(user, Action.MANAGE_ASSURANCE, Framework.objects.all())


def managed_versions(user):
    return FrameworkVersion.objects.filter(framework__in=managed_frameworks(user)).select_related(
        "framework"
    )


def visible_rounds(user):
    """Rounds a partnership `user` runs section 11 for takes part in (whoever runs them)."""
    return scope_queryset(user, Action.MANAGE_ASSURANCE, Round.objects.all()).select_related(
        "partnership", "framework_version__framework"
    )


def rounds_run_by(user):
    """Rounds run by a partnership of `user`'s: the only ones whose settings they change."""
    return Round.objects.filter(partnership__in=managed_partnerships(user))


def managed_local_questions(user):
    return scope_queryset(user, Action.MANAGE_ASSURANCE, LocalQuestion.objects.all()).filter(
        round__in=visible_rounds(user)
    )


def consortium_partnerships(user):
    """The partnerships a round of `user`'s may invite to take part: theirs and the others
    of the same consortium."""
    consortia = managed_partnerships(user).values("consortium")
    return Partnership.objects.filter(consortium__in=consortia).order_by("name")


class AssurancePolicy(RolePermissionPolicy):
    """Who may use one model's section 11 screens, and on which rows: whoever `can` run a
    partnership's rounds, on the rows `rows(user)` returns, and only where `allows(user,
    action, instance)` says so (a published version is never changed, for example)."""

    action = Action.MANAGE_ASSURANCE

    def __init__(self, model, *, rows, allows=None, actions=("add", "change", "view")):
        super().__init__(model, rows=rows, actions=actions)
        self.allows = allows or (lambda user, action, instance: True)

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in self.actions or instance.pk is None:
            return False
        if not self.rows(user).filter(pk=instance.pk).exists():
            return False
        return bool(self.allows(user, action, instance))


def _version_allows(user, action, version):
    if action in ("change", "delete"):
        return not version.is_published
    return True


# A listing fetches what its rows' permissions turn on with the rows themselves (these
# annotations, by RoundIndexView and LocalQuestionIndexView); a single object is asked about
# when it has none.


def _annotated(instance, name, ask):
    value = getattr(instance, name, None)
    return ask() if value is None else value


def with_round_facts(rounds, user):
    """`rounds` with whether `user`'s partnership runs each and whether it has submissions."""
    return rounds.annotate(
        run_by_user=Exists(rounds_run_by(user).filter(pk=OuterRef("pk"))),
        has_submissions=Exists(Submission.objects.filter(round=OuterRef("pk"))),
    )


def _round_allows(user, action, round_):
    if action == "view":
        return True
    run_by_user = _annotated(
        round_, "run_by_user", lambda: rounds_run_by(user).filter(pk=round_.pk).exists()
    )
    if not run_by_user:
        return False
    if action == "change":
        return not round_.is_closed
    if action == "delete":
        return round_.status == RoundStatus.DRAFT and not _annotated(
            round_, "has_submissions", round_.submissions.exists
        )
    return True


def with_answer_facts(questions):
    """`questions` with whether each has been answered."""
    return questions.annotate(
        has_answers=Exists(LocalAnswer.objects.filter(question=OuterRef("pk")))
    )


def _question_allows(user, action, question):
    if action == "change":
        return not question.round.is_closed
    if action == "delete":
        return not question.round.is_closed and not _annotated(
            question, "has_answers", question.answers.exists
        )
    return True


PERMISSION_POLICIES = {
    Framework: AssurancePolicy(Framework, rows=managed_frameworks),
    FrameworkVersion: AssurancePolicy(
        FrameworkVersion,
        rows=managed_versions,
        allows=_version_allows,
        actions=("add", "change", "delete", "view"),
    ),
    Round: AssurancePolicy(
        Round,
        rows=visible_rounds,
        allows=_round_allows,
        actions=("add", "change", "delete", "view"),
    ),
    LocalQuestion: AssurancePolicy(
        LocalQuestion,
        rows=managed_local_questions,
        allows=_question_allows,
        actions=("add", "change", "delete", "view"),
    ),
}


# --- Views that see only the user's partnerships' rows ----------------------------------


class ScopedIndexView(scoping.ScopedIndexView):
    """Lists `rows(user)`; offers Edit and Delete only on the rows the policy allows.

    Every row listed is one of `rows(user)` already, so each is judged by the policy's
    `allows` alone, once per row and action (the title's link and the menu both ask), from
    what the listing fetched: a page of rows costs the same queries however many there are.
    """

    def user_has_permission_for_instance(self, permission, instance):
        decided = self.__dict__.setdefault("_decided", {})
        key = (permission, instance.pk)
        if key not in decided:
            policy = self.permission_policy
            decided[key] = permission in policy.actions and bool(
                policy.allows(self.request.user, permission, instance)
            )
        return decided[key]

    def get_edit_url(self, instance):
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if self.user_has_permission_for_instance("delete", instance):
            return super().get_delete_url(instance)
        return None


class ScopedEditView(scoping.ScopedEditView):
    """Another partnership's row answers 404; a row of the user's that may not change (a
    published version, a closed round) sends them back with the reason."""

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.user_has_permission_for_instance("change", self.object):
            message_error(request, self.refusal_message())
            return redirect(self.refusal_url())
        return super().dispatch(request, *args, **kwargs)

    def refusal_message(self):
        return f"{self.object} cannot be changed here."

    def refusal_url(self):
        return reverse(self.index_url_name)


class ScopedDeleteView(scoping.ScopedDeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("delete", self.object):
            message_error(
                request,
                f"{self.object} cannot be deleted: a published version, a round that has "
                "opened and an answered question are kept as the record of what was asked.",
            )
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)


class ScopedInspectView(InspectView):
    rows = None

    def get_object(self, queryset=None):
        found = self.rows(self.request.user).filter(pk=self.pk).first()
        if found is None:
            raise Http404
        return found

    def get_edit_url(self):
        if self.edit_url_name and self.user_has_permission_for_instance("change", self.object):
            return reverse(self.edit_url_name, args=[self.object.pk])
        return None

    def get_delete_url(self):
        if self.delete_url_name and self.user_has_permission_for_instance("delete", self.object):
            return reverse(self.delete_url_name, args=[self.object.pk])
        return None


class AssuranceViewSet(scoping.ScopedViewSet):
    """A model's screens, each limited to the rows `rows(user)` returns; Edit and Delete
    offered only where the policy allows, and a read-only page for what may not change."""

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView


# --- Publishing and copying a framework version -----------------------------------------


class PublishVersionForm(forms.Form):
    confirm = forms.BooleanField(
        label="Yes, publish this version",
        help_text="Once published, the version cannot change: rounds can use it, and a later "
        "change is made by copying it to a new version.",
        error_messages={"required": "Tick the box to confirm you want to publish the version"},
    )


class CopyVersionForm(forms.Form):
    """Nothing to fill in: the button is the confirmation."""


class VersionActionView(WagtailAdminTemplateMixin, FormView):
    """A confirmation page for one framework version of the user's, then the service."""

    template_name = "assurance/admin/version_action.html"
    header_icon = "doc-full"
    index_url_name = None
    rows = None
    submit_button_label = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise Http404
        self.version = get_object_or_404(self.rows(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.version)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Framework versions"},
            {"url": "", "label": str(self.version)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["submit_button_label"] = self.submit_button_label
        context["explanation"] = self.explanation()
        return context

    def explanation(self):
        return ""

    def form_valid(self, form):
        response = None
        with service_call() as call:
            response = self.act()
        if not call.ok:
            message_error(self.request, " ".join(call.messages))
            return self.form_invalid(form)
        return response

    def act(self):
        raise NotImplementedError


class PublishVersionView(VersionActionView):
    form_class = PublishVersionForm
    page_title = "Publish this version"
    submit_button_label = "Publish"

    def explanation(self):
        count = self.version.standards.count()
        return (
            f"Agencies will be assessed against its {count} standards on the "
            f"{self.version.get_rating_scale_display().lower()} scale."
        )

    def get(self, request, *args, **kwargs):
        if self.version.is_published:
            message_error(request, f"{self.version} is already published.")
            return redirect(self.index_url_name)
        return super().get(request, *args, **kwargs)

    def act(self):
        services.framework_version_publish(
            by=self.request.user, version=self.version, request=self.request
        )
        message_success(
            self.request, f"{self.version} is published. Rounds can now use it; it cannot change."
        )
        return redirect(self.index_url_name)


class CopyVersionView(VersionActionView):
    form_class = CopyVersionForm
    page_title = "Copy to a new version"
    submit_button_label = "Copy to a new version"

    def explanation(self):
        count = self.version.standards.count()
        return (
            f"A new draft version of {self.version.framework} will be made with this "
            f"version's rating scale and its {count} standards, to edit and then publish. "
            "This version, and every round that uses it, stay exactly as they are."
        )

    def act(self):
        copy = services.framework_version_copy(
            by=self.request.user, version=self.version, request=self.request
        )
        message_success(
            self.request,
            f"{copy} is a new draft copied from version {self.version.number}. Edit it, then "
            "publish it.",
        )
        return redirect("section11_versions:edit", copy.pk)
