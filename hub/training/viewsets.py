"""The training programme in Wagtail's admin: courses, what each costs an organisation
(tariffs), sessions with their places left, registers and cancellation, and each
partnership's booking rules.

Only people who may run a partnership's training (Action.MANAGE_TRAINING: its training
coordinators and admins) see these screens, and only their own partnership's rows: every
list, form choice and object lookup goes through hub.core.permissions, and another
partnership's id answers 404. Roles are the truth, so the screens' permission policy asks
`can` rather than Django's model permissions.
"""

import django_filters
from django import forms
from django.contrib.messages import error as message_error
from django.contrib.messages import success as message_success
from django.core.exceptions import ValidationError
from django.db.models import Case, F, IntegerField, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.admin.widgets import ListingButton

from hub.core.admin_scoping import (
    RolePermissionPolicy,
    ScopedIndexView,
    ScopedViewSet,
    roles_with,
    scoped_choices,
)
from hub.core.forms import service_call
from hub.core.models import Partnership, User
from hub.core.permissions import Action, can, scope_queryset
from hub.training import presenters, services
from hub.training.availability import places_shown, with_places
from hub.training.course_setup import ChargesGridView, charges_summary, unique_slug
from hub.training.models import (
    BookingStatus,
    Course,
    Session,
    SessionStatus,
    Tariff,
    TrainingPolicy,
)

# --- What a user may reach --------------------------------------------------------------


def managed_partnerships(user):
    return scope_queryset(user, Action.MANAGE_TRAINING, Partnership.objects.all())


def managed_courses(user):
    return scope_queryset(user, Action.MANAGE_TRAINING, Course.objects.all())


def managed_sessions(user):
    return scope_queryset(user, Action.MANAGE_TRAINING, Session.objects.all())


def managed_tariffs(user):
    return Tariff.objects.filter(course__in=managed_courses(user))


def managed_policies(user):
    return TrainingPolicy.objects.filter(partnership__in=managed_partnerships(user))


def possible_trainers(user):
    """Active people who may take registers in the partnerships `user` runs training for."""
    return (
        User.objects.filter(
            is_active=True,
            role_assignments__role__in=roles_with(Action.TAKE_REGISTER),
            role_assignments__partnership__in=managed_partnerships(user),
        )
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


class TrainingTeamPolicy(RolePermissionPolicy):
    """Who may use one model's training screens, and on which rows: whoever `can` run a
    partnership's training, on that partnership's rows. `actions` is what the screens allow
    at all: sessions are cancelled rather than deleted, courses unpublished."""

    action = Action.MANAGE_TRAINING

    def __init__(self, model, *, rows, partnership_of, actions=("add", "change")):
        super().__init__(model, rows=rows, actions=actions)
        self.partnership_of = partnership_of

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in self.actions:
            return False
        partnership = self.partnership_of(instance)
        return partnership is not None and can(user, Action.MANAGE_TRAINING, partnership)


def _course_partnership(instance):
    return instance.course.partnership if instance.course_id else None


PERMISSION_POLICIES = {
    Course: TrainingTeamPolicy(
        Course, rows=managed_courses, partnership_of=lambda course: course.partnership
    ),
    Tariff: TrainingTeamPolicy(
        Tariff,
        rows=managed_tariffs,
        partnership_of=_course_partnership,
        actions=("add", "change", "delete"),
    ),
    Session: TrainingTeamPolicy(Session, rows=managed_sessions, partnership_of=_course_partnership),
    TrainingPolicy: TrainingTeamPolicy(
        TrainingPolicy,
        rows=managed_policies,
        partnership_of=lambda policy: policy.partnership,
        actions=("add", "change", "delete"),
    ),
}


# --- Courses and tariffs ----------------------------------------------------------------


class CourseForm(WagtailAdminModelForm):
    """The web address is made from the title when left blank (unique in the partnership)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            partnerships = managed_partnerships(for_user)
            self.fields["partnership"].queryset = partnerships
            # Most coordinators run one partnership's training: it is chosen for them.
            only = list(partnerships[:2])
            if len(only) == 1 and self.instance._state.adding:
                self.initial.setdefault("partnership", only[0].pk)
        slug = self.fields["slug"]
        slug.required = False
        slug.label = "Web address"
        slug.help_text = "Leave blank to make it from the title. Changing it breaks old links."

    def clean(self):
        cleaned = super().clean()
        partnership, title = cleaned.get("partnership"), cleaned.get("title")
        if not cleaned.get("slug") and partnership and title:
            cleaned["slug"] = unique_slug(partnership, title, exclude=self.instance.pk)
        return cleaned


class CourseCreateView(ScopedViewSet.add_view_class):
    def get_success_url(self):
        """A new course goes on to its charges, then to its first session."""
        return reverse("training_courses:charges", args=[self.object.pk]) + "?new=1"


def courses_with_charges(user):
    return managed_courses(user).prefetch_related("tariffs")


class CourseIndexView(ScopedIndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons += [
            ListingButton(
                "Charges by type of organisation",
                reverse("training_courses:charges", args=[instance.pk]),
                icon_name="tag",
                priority=40,
            ),
            ListingButton(
                "Add a session",
                reverse("training_sessions:add") + f"?course={instance.pk}",
                icon_name="plus",
                priority=42,
            ),
            ListingButton(
                "Sessions",
                reverse("training_sessions:index") + f"?course={instance.pk}",
                icon_name="calendar",
                priority=41,
            ),
        ]
        return buttons


class CourseViewSet(ScopedViewSet):
    model = Course
    rows = staticmethod(courses_with_charges)
    index_view_class = CourseIndexView
    add_view_class = CourseCreateView
    name = "training_courses"
    icon = "doc-full"
    menu_label = "Courses"
    menu_order = 100
    list_display = [
        "title",
        "level",
        "format",
        Column("charges", label="Charges", accessor=charges_summary),
        "is_published",
    ]
    list_filter = ["level", "format", "is_published"]
    ordering = ["level", "title"]
    edit_handler = ObjectList(
        [
            FieldPanel("partnership"),
            FieldPanel("title"),
            FieldPanel("slug"),
            FieldPanel("summary"),
            FieldRowPanel([FieldPanel("level"), FieldPanel("format")]),
            FieldPanel("audiences"),
            FieldPanel("who_for"),
            FieldPanel("outcomes"),
            FieldPanel("prerequisites"),
            FieldRowPanel([FieldPanel("hours"), FieldPanel("refresher_months")]),
            FieldPanel("is_published"),
        ],
        base_form_class=CourseForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("charges/<int:pk>/", ChargesGridView.as_view(), name="charges"),
        ]


class TariffForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            self.fields["course"].queryset = managed_courses(for_user)


class TariffFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(managed_courses, Course), label="Course"
    )

    class Meta:
        model = Tariff
        fields = ["course", "agency_type"]


class TariffCreateView(ScopedViewSet.add_view_class):
    def get_initial(self):
        initial = super().get_initial()
        course = self.request.GET.get("course")
        if course and course.isdigit():
            initial["course"] = managed_courses(self.request.user).filter(pk=course).first()
        return initial


def _pounds_column(name, label):
    return Column(
        name, label=label, accessor=lambda tariff: presenters.pounds(getattr(tariff, name))
    )


class TariffViewSet(ScopedViewSet):
    model = Tariff
    rows = staticmethod(managed_tariffs)
    add_view_class = TariffCreateView
    filterset_class = TariffFilterSet
    name = "training_tariffs"
    icon = "tag"
    menu_label = "Course charges"
    menu_order = 101
    list_display = [
        "course",
        "agency_type",
        _pounds_column("place_pence", "Place"),
        _pounds_column("late_cancellation_pence", "Late cancellation"),
        _pounds_column("no_show_pence", "Did not attend"),
    ]
    ordering = ["course__title", "agency_type"]
    edit_handler = ObjectList(
        [
            FieldPanel("course"),
            FieldPanel("agency_type"),
            FieldRowPanel(
                [
                    FieldPanel("place_pence", heading="Place (pence)"),
                    FieldPanel("late_cancellation_pence", heading="Late cancellation (pence)"),
                    FieldPanel("no_show_pence", heading="Did not attend (pence)"),
                ]
            ),
        ],
        base_form_class=TariffForm,
    )


# --- Sessions ---------------------------------------------------------------------------

MOST_PLACES = 500


class SessionForm(WagtailAdminModelForm):
    """The model's clean() checks that a session ends after it starts and within 12 hours
    (one rule, wherever a session is saved from); the form adds what only matters when
    someone is typing: a new session starts in the future, and the capacity is in range."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            self.fields["course"].queryset = managed_courses(for_user)
            self.fields["trainers"].queryset = possible_trainers(for_user)

    def clean_capacity(self):
        capacity = self.cleaned_data.get("capacity")
        if capacity is not None and not 1 <= capacity <= MOST_PLACES:
            raise ValidationError(f"A session must have between 1 and {MOST_PLACES} places")
        if capacity is not None and not self.instance._state.adding:
            booked = self.instance.bookings.filter(status=BookingStatus.CONFIRMED).count()
            if capacity < booked:
                raise ValidationError(
                    f"{booked} people are already booked, so the session needs at least "
                    f"{booked} places. Cancel or transfer places first."
                )
        return capacity

    def clean_starts_at(self):
        starts_at = self.cleaned_data.get("starts_at")
        if starts_at is not None and self.instance._state.adding and starts_at <= timezone.now():
            raise ValidationError("A new session must start in the future")
        return starts_at


class SessionFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(managed_courses, Course), label="Course"
    )
    when = django_filters.ChoiceFilter(
        label="When",
        choices=[("upcoming", "Still to come"), ("past", "Started or over")],
        method="filter_when",
    )

    class Meta:
        model = Session
        fields = ["course", "status"]

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(starts_at__gt=now)
        if value == "past":
            return queryset.filter(starts_at__lte=now)
        return queryset


def sessions_with_places(user):
    return with_places(managed_sessions(user)).select_related("course")


class RegisterLinkColumn(Column):
    """A link to the session's register on the site, where trainers take it."""

    def __init__(self):
        super().__init__("register", label="Register")

    def render_cell_html(self, instance, parent_context):
        if instance.status == SessionStatus.CANCELLED:
            return format_html('<td class="{}">Cancelled</td>', self.classname or "")
        return format_html(
            '<td class="{}"><a href="{}">Register<span class="w-sr-only">: {}</span></a></td>',
            self.classname or "",
            reverse("training:register", args=[instance.pk]),
            str(instance),
        )


def _places_left(session):
    if session.status == SessionStatus.CANCELLED:
        return "–"
    return places_shown(session)


class SessionCreateView(ScopedViewSet.add_view_class):
    """ "Add session" from a course's sessions (or its charges) starts with that course."""

    def get_initial(self):
        initial = super().get_initial()
        course = self.request.GET.get("course", "")
        if course.isdigit():
            initial["course"] = managed_courses(self.request.user).filter(pk=course).first()
        return initial


def _session_state(session):
    if session.status == SessionStatus.CANCELLED:
        return "Cancelled"
    return "Held" if session.has_started() else "Scheduled"


class SessionIndexView(ScopedIndexView):
    def get_add_url(self):
        url = super().get_add_url()
        course = self.request.GET.get("course", "")
        return f"{url}?course={course}" if url and course.isdigit() else url

    def order_queryset(self, queryset):
        """Unless a column is chosen: sessions to come first, soonest first; then those held,
        most recent first."""
        if self.is_explicitly_ordered:
            return super().order_queryset(queryset)
        now = timezone.now()
        return queryset.annotate(
            _past=Case(When(starts_at__lte=now, then=1), default=0, output_field=IntegerField()),
            _to_come=Case(When(starts_at__gt=now, then=F("starts_at")), default=None),
            _held=Case(When(starts_at__lte=now, then=F("starts_at")), default=None),
        ).order_by("_past", "_to_come", F("_held").desc(), "pk")

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons.append(
            ListingButton(
                "Take the register",
                reverse("training:register", args=[instance.pk]),
                icon_name="tasks",
                priority=40,
            )
        )
        buttons.append(
            ListingButton(
                "Bookings and waiting list",
                reverse("training:session_bookings", args=[instance.pk]),
                icon_name="group",
                priority=41,
            )
        )
        if instance.status == SessionStatus.SCHEDULED and not instance.has_started():
            buttons.append(
                ListingButton(
                    "Cancel this session",
                    reverse("training_sessions:cancel", args=[instance.pk]),
                    icon_name="cross",
                    priority=50,
                )
            )
        return buttons


class CancelSessionForm(forms.Form):
    confirm = forms.BooleanField(
        label="Yes, cancel this session",
        error_messages={"required": "Tick the box to confirm you want to cancel the session"},
    )


class CancelSessionView(WagtailAdminTemplateMixin, FormView):
    """Cancel a session through services.session_cancel: everyone booked is told, nobody is
    charged and the waiting list closes."""

    form_class = CancelSessionForm
    template_name = "wagtailadmin/generic/form.html"
    header_icon = "calendar"
    page_title = "Cancel this session"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise Http404
        self.session = get_object_or_404(
            managed_sessions(request.user).select_related("course__partnership"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.session)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Sessions"},
            {"url": "", "label": str(self.session)},
        ]

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        booked = self.session.bookings.filter(status=BookingStatus.CONFIRMED).count()
        people = "person" if booked == 1 else "people"
        form.fields["confirm"].help_text = (
            f"{booked} {people} booked will be told by email and not charged. The waiting list "
            "closes. This cannot be undone."
        )
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["submit_button_label"] = "Cancel the session"
        return context

    def form_valid(self, form):
        with service_call() as call:
            services.session_cancel(
                by=self.request.user, session=self.session, request=self.request
            )
        if not call.ok:
            message_error(self.request, " ".join(call.messages))
            return self.form_invalid(form)
        message_success(self.request, f"{self.session} is cancelled. Everyone booked will be told.")
        return redirect(self.index_url_name)


class SessionViewSet(ScopedViewSet):
    model = Session
    rows = staticmethod(sessions_with_places)
    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    filterset_class = SessionFilterSet
    name = "training_sessions"
    icon = "calendar"
    menu_label = "Sessions"
    menu_order = 102
    ordering = ["-starts_at"]
    list_display = [
        "__str__",
        "starts_at",
        "capacity",
        Column("places_left", label="Places left", accessor=_places_left),
        Column("status", label="Status", accessor=_session_state),
        RegisterLinkColumn(),
    ]
    search_fields = ["course__title", "venue"]
    edit_handler = ObjectList(
        [
            FieldPanel("course"),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            FieldPanel("capacity"),
            FieldPanel("venue"),
            MultiFieldPanel(
                [FieldPanel("joining_link"), FieldPanel("joining_instructions")],
                heading="For the people booked",
            ),
            FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=SessionForm,
    )

    @property
    def cancel_view(self):
        return CancelSessionView.as_view(index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("cancel/<int:pk>/", self.cancel_view, name="cancel"),
        ]


# --- Booking rules ----------------------------------------------------------------------


class TrainingPolicyForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            self.fields["partnership"].queryset = managed_partnerships(for_user)


class TrainingPolicyIndexView(ScopedIndexView):
    """The rules each partnership has set, and — for a partnership that has set none — the
    defaults in force, with a link to set its own (the list would otherwise look empty)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unset = managed_partnerships(self.request.user).filter(training_policy__isnull=True)
        context["defaults_in_force"] = [
            (
                partnership,
                TrainingPolicy(partnership=partnership).in_force(),
                reverse("training_policies:add") + f"?partnership={partnership.pk}",
            )
            for partnership in unset.order_by("name")
        ]
        return context


class TrainingPolicyCreateView(ScopedViewSet.add_view_class):
    def get_initial(self):
        initial = super().get_initial()
        partnership = self.request.GET.get("partnership", "")
        if partnership.isdigit():
            initial["partnership"] = (
                managed_partnerships(self.request.user).filter(pk=partnership).first()
            )
        return initial


class TrainingPolicyViewSet(ScopedViewSet):
    model = TrainingPolicy
    rows = staticmethod(managed_policies)
    index_view_class = TrainingPolicyIndexView
    index_template_name = "training/admin/booking_rules_index.html"
    add_view_class = TrainingPolicyCreateView
    name = "training_policies"
    icon = "cog"
    menu_label = "Booking rules"
    menu_order = 103
    list_display = [
        "partnership",
        "offer_hold_hours",
        "free_cancellation_working_days",
        "register_open_hours",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("partnership"),
            FieldPanel("offer_hold_hours"),
            FieldPanel("free_cancellation_working_days"),
            FieldPanel("register_open_hours"),
            FieldPanel("reminder_days"),
            FieldPanel("impact_follow_up_weeks"),
            FieldPanel("certificate_needs_evaluation"),
        ],
        base_form_class=TrainingPolicyForm,
    )


class TrainingViewSetGroup(ModelViewSetGroup):
    menu_label = "Training"
    add_to_admin_menu = False  # each screen is in "Training team" (the domain's staff links)
    items = (CourseViewSet, TariffViewSet, SessionViewSet, TrainingPolicyViewSet)
