"""The partnership's rapid review timeline in Wagtail's admin: its steps, each with the working
day it is due (counted from the notification to the national panel, day 0), the day it starts
if it spans days, and whether agencies' information is due on it.

Who keeps it is whoever runs the partnership's case records (`reviews.manage_cases`: its
review panel and its partnership admin), for their own partnership only. Every list, edit,
delete, history and usage screen reads from `editable_steps(user)`, so another partnership's
step answers 404. A partnership with no steps is given the defaults the first time the list
is opened (hub/reviews/cases.py), so a change starts from them. Each change is audited
("hub.reviews.timeline_changed"). A review copies the steps when it opens, so a change never
moves a running clock.
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView

from hub.core import admin_scoping as scoping
from hub.core import audit, identifiers
from hub.core.models import Partnership
from hub.core.permissions import can, scope_queryset
from hub.reviews import cases
from hub.reviews.actions import MANAGE_CASES
from hub.reviews.models import TimelineStep
from hub.reviews.timeline import days_label

AUDIT_ACTION = "hub.reviews.timeline_changed"
ACTIONS = ("add", "change", "delete")
LAST_DAY = 60
DAY_RULE = f"Give a whole number of working days from 1 to {LAST_DAY}"

CLASH = (
    "Nothing was saved: the step changed, or was removed, a moment ago. Reload the page and "
    "try again."
)


def editable_steps(user):
    """The timeline steps `user` may keep: those of the partnerships whose case records they
    run."""
    return scope_queryset(user, MANAGE_CASES, TimelineStep.objects.all()).select_related(
        "partnership"
    )


def partnerships_for(user):
    if user is None:
        return Partnership.objects.none()
    return scope_queryset(user, MANAGE_CASES, Partnership.objects.all()).order_by("name")


class TimelinePolicy(scoping.RolePermissionPolicy):
    action = MANAGE_CASES

    def user_has_permission(self, user, action):
        return action in self.actions and can(user, MANAGE_CASES)

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in self.actions or instance.pk is None:
            return False
        return self.rows(user).filter(pk=instance.pk).exists()


PERMISSION_POLICY = TimelinePolicy(TimelineStep, rows=editable_steps, actions=ACTIONS)


def record_change(request, step, change):
    """One audit entry for a step `change`d ("created", "edited", "deleted")."""
    audit.record(
        actor=request.user,
        action=AUDIT_ACTION,
        instance=step,
        request=request,
        partnership_id=step.partnership_id,
        details={"change": change, "day": step.day},
    )


# --- The form -------------------------------------------------------------------------------


def _day_field(field, *, required):
    field.min_value, field.max_value = 1, LAST_DAY
    field.validators += [MinValueValidator(1), MaxValueValidator(LAST_DAY)]
    field.widget.attrs.update(min=1, max=LAST_DAY)
    for code in ("invalid", "min_value", "max_value", "max_digits"):
        field.error_messages[code] = DAY_RULE
    field.required = required


class TimelineStepForm(WagtailAdminModelForm):
    """One step: its partnership (chosen when it is made, one of the person's own), name,
    days and whether agencies' information is due on it."""

    partnership = forms.ModelChoiceField(
        queryset=Partnership.objects.none(),
        label="Partnership",
        help_text="The partnership whose timeline this step is part of.",
        error_messages={
            "required": "Choose the partnership",
            "invalid_choice": "Choose one of the partnerships whose case records you run",
        },
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields["partnership"]
        if self.instance._state.adding:
            field.queryset = partnerships_for(for_user)
            if field.queryset.count() == 1:
                field.initial = field.queryset.first().pk
        else:
            field.queryset = Partnership.objects.filter(pk=self.instance.partnership_id)
            field.initial = self.instance.partnership_id
            field.disabled = True
            field.required = False
            field.help_text = "It cannot be changed once made."
        self.fields["name"].error_messages["required"] = "Give the step's name"
        _day_field(self.fields["day"], required=True)
        self.fields["day"].error_messages["required"] = "Give the working day the step is due"
        _day_field(self.fields["first_day"], required=False)
        position = self.fields["position"]
        position.required = False
        position.error_messages["invalid"] = "Give a whole number for the order"

    def clean_name(self):
        name = (self.cleaned_data.get("name") or "").strip()
        if not name:
            raise forms.ValidationError("Give the step's name")
        identifiers.check(name)
        return name

    def clean_position(self):
        return self.cleaned_data.get("position") or 0

    def clean(self):
        cleaned = super().clean()
        first_day, day = cleaned.get("first_day"), cleaned.get("day")
        if first_day is not None and day is not None and first_day > day:
            self.add_error(
                "first_day",
                "The day the step starts must be on or before the day it is due",
            )
        return cleaned


# --- The screens ----------------------------------------------------------------------------


class StepCreateView(scoping.AuditedSave, CreateView):
    change = "created"
    clash = CLASH
    record_change = record_change


class StepEditView(scoping.AuditedSave, scoping.ScopedEditView):
    clash = CLASH
    record_change = record_change


class StepDeleteView(scoping.AuditedDeleteView):
    record_change = record_change


class StepIndexView(scoping.ScopedIndexView):
    page_title = "Rapid review timeline"
    add_item_label = "Add a step"

    def get(self, request, *args, **kwargs):
        # A partnership's timeline starts as the defaults, so a change starts from them.
        for partnership in partnerships_for(request.user):
            if cases.ensure_timeline(partnership):
                audit.record(
                    actor=request.user,
                    action=AUDIT_ACTION,
                    instance=partnership,
                    request=request,
                    partnership_id=partnership.pk,
                    details={"change": "defaults made"},
                )
        return super().get(request, *args, **kwargs)


class TimelineStepViewSet(scoping.ScopedViewSet):
    model = TimelineStep
    rows = staticmethod(editable_steps)
    index_view_class = StepIndexView
    add_view_class = StepCreateView
    edit_view_class = StepEditView
    delete_view_class = StepDeleteView
    name = "reviews_timeline"
    icon = "date"
    menu_label = "Rapid review timeline"
    add_to_admin_menu = False  # under "Reviews and learning" (the domain's staff links)
    list_display = [
        "name",
        Column(
            "days",
            label="Working days",
            accessor=lambda step: days_label(step.first_day, step.day),
        ),
        Column(
            "requests_information",
            label="Agencies' information due",
            accessor=lambda step: "Yes" if step.requests_information else "",
        ),
        Column("partnership", label="Partnership"),
    ]
    ordering = ["partnership__name", "day", "position", "pk"]
    edit_handler = ObjectList(
        [
            FieldPanel("partnership"),
            FieldPanel("name"),
            FieldPanel("first_day"),
            FieldPanel("day"),
            FieldPanel("requests_information"),
            FieldPanel("position"),
        ],
        base_form_class=TimelineStepForm,
    )


def viewsets():
    return [TimelineStepViewSet()]
