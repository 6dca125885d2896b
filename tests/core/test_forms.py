"""The one form-rendering path: every kind of field becomes its GOV.UK pattern, with label,
hint, inline error and an error summary that links to the field."""

import datetime

import pytest
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.template.loader import get_template
from django.test import RequestFactory

from hub.core.forms import GovukDateField, service_call


class ExampleForm(forms.Form):
    name = forms.CharField(label="Your name", help_text="As it appears on your work badge")
    email = forms.EmailField(label="Work email")
    role = forms.ChoiceField(
        label="Role", choices=[("", "Choose a role"), ("teacher", "Teacher"), ("gp", "GP")]
    )
    level = forms.ChoiceField(
        label="Level", choices=[("1", "Level 1"), ("2", "Level 2")], widget=forms.RadioSelect
    )
    topics = forms.MultipleChoiceField(
        label="Topics",
        choices=[("neglect", "Neglect"), ("online", "Online safety")],
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    agree = forms.BooleanField(label="I agree")
    start = GovukDateField(label="Start date", label_for_errors="Start date")
    evidence = forms.FileField(label="Evidence", required=False)


def render(form):
    request = RequestFactory().get("/")
    template = get_template("core/test_form.html", using="jinja2")
    return template.render({"form": form, "request": request})


@pytest.fixture(autouse=True)
def _test_template(tmp_path, settings):
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "test_form.html").write_text(
        '{% from "core/forms.html" import field, error_summary %}'
        "{{ error_summary(form) }}{% for f in form %}{{ field(f) }}{% endfor %}"
    )
    engines = settings.TEMPLATES
    engines[0] = {**engines[0], "DIRS": [str(tmp_path)]}
    settings.TEMPLATES = engines


def test_every_field_kind_renders_as_its_govuk_component():
    html = render(ExampleForm())
    assert '<label class="govuk-label" for="id_name">' in html
    assert 'id="id_name-hint"' in html and "As it appears on your work badge" in html
    assert 'type="email"' in html
    assert 'class="govuk-select' in html
    assert 'class="govuk-radios__input"' in html
    assert 'class="govuk-checkboxes__input"' in html
    assert 'class="govuk-textarea' in html
    assert 'class="govuk-date-input"' in html
    assert 'name="start_day"' in html and 'id="id_start-year"' in html
    assert 'class="govuk-file-upload' in html
    assert "govuk-error-summary" not in html


def test_errors_show_inline_and_in_a_summary_linking_to_each_field():
    form = ExampleForm(
        data={"email": "not-an-email", "start_day": "31", "start_month": "2", "start_year": "2026"}
    )
    assert not form.is_valid()
    html = render(form)
    assert 'class="govuk-error-summary"' in html
    assert 'href="#id_name"' in html
    assert 'href="#id_email"' in html
    assert 'href="#id_start-day"' in html
    assert "Start date must be a real date" in html
    assert 'class="govuk-error-message"' in html
    assert "govuk-input--error" in html


def test_submitted_values_are_shown_again_after_an_error():
    form = ExampleForm(data={"name": "Sam Example", "level": "2", "topics": ["online"]})
    form.is_valid()
    html = render(form)
    assert 'value="Sam Example"' in html
    assert 'value="2" checked' in html
    assert 'value="online" checked' in html


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "3", "2026", "Start date must include a day"),
        ("3", "", "", "Start date must include a month and year"),
        ("x", "3", "2026", "Start date must be a real date"),
        ("3", "13", "2026", "Start date must be a real date"),
        ("3", "3", "26", "Year must include 4 numbers"),
    ],
)
def test_malformed_dates_get_govuk_worded_errors(day, month, year, message):
    form = ExampleForm(data={"start_day": day, "start_month": month, "start_year": year})
    form.is_valid()
    assert form.errors["start"] == [message]


def test_a_real_date_is_accepted():
    form = ExampleForm(data={"start_day": "3", "start_month": "3", "start_year": "2026"})
    form.is_valid()
    assert "start" not in form.errors
    assert form.cleaned_data["start"] == datetime.date(2026, 3, 3)


def test_a_date_field_can_refuse_the_future():
    class PastForm(forms.Form):
        day = GovukDateField(label="Day", label_for_errors="The date", not_in_future=True)

    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    form = PastForm(
        data={"day_day": tomorrow.day, "day_month": tomorrow.month, "day_year": tomorrow.year}
    )
    assert form.errors["day"] == ["The date must be today or in the past"]


def test_error_summary_links_land_on_the_first_radio_and_checkbox():
    from django import forms

    from hub.core.forms import govuk_error_summary, govuk_field

    class Choices(forms.Form):
        colour = forms.ChoiceField(choices=[("r", "Red"), ("g", "Green")], widget=forms.RadioSelect)
        flavours = forms.MultipleChoiceField(
            choices=[("a", "Apple"), ("b", "Banana")], widget=forms.CheckboxSelectMultiple
        )

    form = Choices(data={})
    assert not form.is_valid()
    links = [item["href"] for item in govuk_error_summary(form)]
    for bound_field, href in zip(form, links, strict=True):
        _, params = govuk_field(bound_field)
        # GOV.UK gives the first item the id `idPrefix`; the summary must link to it.
        assert href == f"#{params['idPrefix']}"


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Reason")
    person = forms.CharField(label="Person", required=False)


def _valid_reason_form():
    form = ReasonForm({"reason": "Moved team", "person": ""})
    assert form.is_valid()
    return form


def test_a_service_call_that_succeeds_leaves_the_form_clean():
    form = _valid_reason_form()
    with service_call(form) as call:
        pass
    assert call.ok
    assert form.errors == {}


def test_a_service_refusal_is_shown_on_the_field_it_names_or_the_one_given():
    keyed = _valid_reason_form()
    with service_call(keyed, "person") as call:
        raise ValidationError({"reason": "Give a reason of your own", "elsewhere": "Not a field"})
    assert not call.ok
    assert keyed.errors == {"reason": ["Give a reason of your own"], "person": ["Not a field"]}

    plain = _valid_reason_form()
    with service_call(plain) as call:
        raise ValidationError("The session has already started")
    assert not call.ok
    assert plain.non_field_errors() == ["The session has already started"]


def test_a_service_call_out_of_scope_is_not_found():
    form = _valid_reason_form()
    with pytest.raises(Http404), service_call(form):
        raise PermissionDenied
    assert form.errors == {}


def test_filter_fields_are_rendered_once_per_distinct_parameters_never_typed_text():
    from django import forms as django_forms
    from markupsafe import Markup

    from hub.core import forms as core_forms

    class Filters(django_forms.Form):
        render_fields_once = True
        kind = django_forms.ChoiceField(choices=[("a", "A <kind>"), ("b", "B")], required=False)
        words = django_forms.CharField(required=False)

    class Plain(Filters):
        render_fields_once = False

    core_forms._rendered.clear()
    first = core_forms.govuk_field_html(Filters({"kind": "b"})["kind"])
    again = core_forms.govuk_field_html(Filters({"kind": "b"})["kind"])
    # The same HTML the macro writes afresh, from the one kept copy.
    assert again is first
    assert str(first) == str(core_forms.govuk_field_html(Plain({"kind": "b"})["kind"]))
    assert "A &lt;kind&gt;" in first and 'value="b" selected' in first
    assert core_forms.govuk_field_html(Filters({"kind": "a"})["kind"]) != first
    # Typed text is rendered but never kept; nor is any field of a form that does not ask.
    kept = len(core_forms._rendered)
    core_forms.govuk_field_html(Filters({"words": "a name someone typed"})["words"])
    core_forms.govuk_field_html(Plain({"kind": "a"})["kind"])
    assert len(core_forms._rendered) == kept
    assert not any("a name someone typed" in html for html in core_forms._rendered.values())
    # Safe HTML and the same characters as text are different keys (one is escaped).
    assert core_forms._frozen({"html": Markup("<b>x</b>")}) != core_forms._frozen(
        {"html": "<b>x</b>"}
    )
