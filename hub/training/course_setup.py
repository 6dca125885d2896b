"""Setting up a course in the admin without traps: the address made from the title, a new
course led on to its charges and its first session, and the charges as one grid — one row
per type of organisation, one column per charge — saved through services.charges_set."""

import re
from decimal import Decimal

from django import forms
from django.contrib.messages import success as message_success
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.views.generic import FormView

from hub.core.admin_screen import AdminScreen
from hub.core.forms import service_call
from hub.core.models import AgencyType
from hub.core.permissions import Action, scope_queryset
from hub.training import presenters, services
from hub.training.models import Course

MOST_POUNDS = Decimal("10000")
MONEY = re.compile(r"[0-9]{1,7}(\.[0-9]{1,2})?")
COLUMNS = (
    ("place_pence", "Place"),
    ("late_cancellation_pence", "Late cancellation"),
    ("no_show_pence", "Did not attend"),
)


def unique_slug(partnership, title, *, exclude=None):
    """The title as an address, made unique within the partnership's courses (-2, -3, …)."""
    base = slugify(title)[:110] or "course"
    taken = set(
        Course.objects.filter(partnership=partnership, slug__startswith=base)
        .exclude(pk=exclude)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


class PoundsField(forms.Field):
    """An amount in pounds and pence ('45', '45.50', '£1,200'); blank is nothing. Cleans to
    whole pence."""

    def __init__(self, *, what, **kwargs):
        self.what = what
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        text = str(value or "").strip().replace("£", "").replace(",", "")
        if not text:
            return 0
        if not MONEY.fullmatch(text):
            raise ValidationError(f"Enter {self.what} in pounds, like 45 or 45.50", code="invalid")
        amount = Decimal(text)
        if amount > MOST_POUNDS:
            raise ValidationError(f"{self.what.capitalize()} must be £10,000 or less", code="max")
        return int(amount * 100)


class ChargesGridForm(forms.Form):
    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        current = {tariff.agency_type: tariff for tariff in course.tariffs.all()}
        self.rows = []
        for agency_type in AgencyType:
            tariff = current.get(agency_type.value)
            cells = []
            for name, heading in COLUMNS:
                key = f"{agency_type.value}-{name}"
                pence = getattr(tariff, name) if tariff else 0
                self.fields[key] = PoundsField(
                    what=f"the {heading.lower()} charge for {agency_type.label.lower()}",
                    label=f"{heading}: {agency_type.label}",
                    initial=f"{pence / 100:.2f}" if pence else "",
                )
                cells.append(key)
            self.rows.append((agency_type, [self[key] for key in cells]))

    def amounts(self):
        return {
            agency_type.value: {
                name: self.cleaned_data[f"{agency_type.value}-{name}"] for name, _ in COLUMNS
            }
            for agency_type in AgencyType
        }


class ChargesGridView(AdminScreen, FormView):
    """What a course costs each type of organisation, in one grid."""

    template_name = "training/admin/charges_grid.html"
    header_icon = "tag"
    form_class = ChargesGridForm

    def dispatch(self, request, pk):
        if not request.user.is_authenticated:
            raise Http404
        courses = scope_queryset(request.user, Action.MANAGE_TRAINING, Course.objects.all())
        self.course = get_object_or_404(courses.select_related("partnership"), pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return "Charges"

    def get_page_subtitle(self):
        return self.course.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("training_courses:index"), "label": "Courses"},
            {
                "url": reverse("training_courses:edit", args=[self.course.pk]),
                "label": self.course.title,
            },
            {"url": "", "label": "Charges"},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "course": self.course}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "course": self.course,
            "columns": [heading for _, heading in COLUMNS],
            "is_new": self.request.GET.get("new") == "1",
            "add_session": reverse("training_sessions:add") + f"?course={self.course.pk}",
        }

    def form_valid(self, form):
        with service_call(form) as call:
            changed = services.charges_set(
                by=self.request.user,
                course=self.course,
                amounts=form.amounts(),
                request=self.request,
            )
        if not call.ok:
            return self.form_invalid(form)
        said = "saved" if changed else "unchanged"
        message_success(self.request, f"The charges for {self.course.title} are {said}.")
        return redirect(reverse("training_courses:charges", args=[self.course.pk]))


def charges_summary(course):
    """What a place costs, from the cheapest to the dearest type, for the course list: a
    course nobody set charges for says so, rather than looking the same as a free one."""
    tariffs = list(course.tariffs.all())
    if not tariffs:
        return "None set: free for everyone"
    places = sorted({tariff.place_pence for tariff in tariffs})
    if places == [0]:
        return "Places free; late cancellations or absences charged"
    low, high = presenters.pounds(places[0]), presenters.pounds(places[-1])
    return f"{low} a place" if low == high else f"{low} to {high} a place"
