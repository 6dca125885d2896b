"""The one way a Django form becomes GOV.UK Design System fields.

`govuk_field(bound_field)` turns any bound field into the name of a GOV.UK Frontend macro and
its parameters (label, hint, inline error, values); `govuk_error_summary(form)` lists every
error with a link to its field. Templates call them through `core/forms.html`.

`service_call(form)` runs a service from a view: a refusal is a 404 and a ValidationError
lands on the form (`show_errors`), so every page meets a service's answer the same way.
"""

import datetime
import threading
from collections import OrderedDict
from contextlib import contextmanager

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone


class GovukDateWidget(forms.MultiWidget):
    """Day, month and year boxes, as the GOV.UK date input pattern asks for."""

    template_name = "django/forms/widgets/multiwidget.html"
    parts = ("day", "month", "year")

    def __init__(self, attrs=None):
        super().__init__(
            {part: forms.TextInput(attrs={"inputmode": "numeric"}) for part in self.parts}, attrs
        )

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year; errors are worded as GOV.UK recommends."""

    widget = GovukDateWidget

    def __init__(self, *, label_for_errors="Date", not_in_future=False, **kwargs):
        self.label_for_errors = label_for_errors
        self.not_in_future = not_in_future
        fields = [forms.CharField(required=False) for _ in GovukDateWidget.parts]
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        parts = zip(GovukDateWidget.parts, (day, month, year), strict=True)
        missing = [name for name, part in parts if not part]
        if missing:
            raise ValidationError(f"{self.label_for_errors} must include a {' and '.join(missing)}")
        # isdecimal, not isdigit: "²" is a digit to Python but no number int() reads.
        if not (day.isdecimal() and month.isdecimal() and year.isdecimal()):
            raise ValidationError(f"{self.label_for_errors} must be a real date")
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers")
        if len(day) > 2 or len(month) > 2:
            raise ValidationError(f"{self.label_for_errors} must be a real date")
        try:
            value = datetime.date(int(year), int(month), int(day))
        except (ValueError, OverflowError) as error:
            raise ValidationError(f"{self.label_for_errors} must be a real date") from error
        if self.not_in_future and value > timezone.localdate():
            raise ValidationError(f"{self.label_for_errors} must be today or in the past")
        return value

    def clean(self, value):
        if self.required and (not value or not any(value)):
            raise ValidationError(self.error_messages["required"], code="required")
        return self.compress(value)


def _label(bound_field, as_page_heading=False):
    label = {"text": bound_field.label}
    if as_page_heading:
        label.update(isPageHeading=True, classes="govuk-label--l")
    return label


def _error(bound_field):
    return {"text": " ".join(bound_field.errors)} if bound_field.errors else None


def _hint(bound_field):
    return {"text": str(bound_field.help_text)} if bound_field.help_text else None


def _items(bound_field, checked):
    # A field may carry `item_hints` ({value: hint}) for a hint under each option.
    hints = getattr(bound_field.field, "item_hints", None) or {}
    items = []
    for value, text in bound_field.field.choices:
        if value in ("", None) and isinstance(bound_field.field.widget, forms.RadioSelect):
            continue
        item = {"value": value, "text": text, "checked": str(value) in checked}
        if hints.get(str(value)):
            item["hint"] = {"text": hints[str(value)]}
        items.append(item)
    return items


def govuk_field(bound_field, *, as_page_heading=False, classes=None):
    """Return (component, params) for a bound field; component names a GOV.UK macro."""
    widget = bound_field.field.widget
    common = {
        "id": bound_field.auto_id,
        "name": bound_field.html_name,
        "hint": _hint(bound_field),
        "errorMessage": _error(bound_field),
    }
    attributes = {
        key: value
        for key, value in widget.attrs.items()
        if key in {"autocomplete", "inputmode", "spellcheck", "maxlength", "autofocus"}
    }
    # No HTML `required`: GOV.UK forms validate on the server and show the error summary.
    value = bound_field.value()

    if isinstance(widget, GovukDateWidget):
        values = value if isinstance(value, list | tuple) else widget.decompress(value)
        has_error = bool(bound_field.errors)
        items = [
            {
                "id": f"{bound_field.auto_id}-{part}",
                "name": f"{bound_field.html_name}_{part}",
                "value": "" if part_value is None else part_value,
                "classes": ("govuk-input--width-4" if part == "year" else "govuk-input--width-2")
                + (" govuk-input--error" if has_error else ""),
                "label": part.capitalize(),
            }
            for part, part_value in zip(GovukDateWidget.parts, values, strict=False)
        ]
        return "date_input", common | {
            "items": items,
            "fieldset": {"legend": _legend(bound_field, as_page_heading)},
        }
    if isinstance(widget, forms.CheckboxSelectMultiple):
        checked = {str(v) for v in (value or [])}
        return "checkboxes", common | {
            # The first box gets the field's id, so the error summary's link lands on it.
            "idPrefix": bound_field.auto_id,
            "items": _items(bound_field, checked),
            "fieldset": {"legend": _legend(bound_field, as_page_heading)},
            "classes": classes,
        }
    if isinstance(widget, forms.RadioSelect):
        return "radios", common | {
            "idPrefix": bound_field.auto_id,
            "items": _items(bound_field, {str(value)} if value is not None else set()),
            "fieldset": {"legend": _legend(bound_field, as_page_heading)},
            "classes": classes,
        }
    if isinstance(widget, forms.CheckboxInput):
        return "checkboxes", common | {
            "idPrefix": bound_field.auto_id,
            "items": [{"value": "on", "text": bound_field.label, "checked": bool(value)}],
        }
    if isinstance(widget, forms.Select):
        return "select", common | {
            "label": _label(bound_field, as_page_heading),
            "items": [
                {"value": v, "text": t, "selected": str(v) == str(value)}
                for v, t in bound_field.field.choices
            ],
            "attributes": attributes,
        }
    if isinstance(widget, forms.Textarea):
        return "textarea", common | {
            "label": _label(bound_field, as_page_heading),
            "value": value or "",
            "rows": widget.attrs.get("rows", 5),
            "attributes": attributes,
        }
    if isinstance(widget, forms.FileInput):
        return "file_upload", common | {
            "label": _label(bound_field, as_page_heading),
            "attributes": attributes
            | ({"accept": widget.attrs["accept"]} if "accept" in widget.attrs else {}),
        }
    input_type = getattr(widget, "input_type", "text")
    return "input", common | {
        "label": _label(bound_field, as_page_heading),
        "type": input_type,
        "value": "" if input_type == "password" or value is None else value,
        "classes": classes,
        "attributes": attributes,
        "spellcheck": False if input_type in ("email", "url") else None,
    }


# GOV.UK macro of each component govuk_field names: (its folder, its name).
_MACROS = {
    "input": ("input", "govukInput"),
    "textarea": ("textarea", "govukTextarea"),
    "select": ("select", "govukSelect"),
    "radios": ("radios", "govukRadios"),
    "checkboxes": ("checkboxes", "govukCheckboxes"),
    "date_input": ("date-input", "govukDateInput"),
    "file_upload": ("file-upload", "govukFileUpload"),
}
# Fields of forms that set `render_fields_once` (public listings' filters: choices and the
# reader's filter values, nothing about a person) are rendered once per distinct set of macro
# parameters and kept, a bounded number, in this process; never a field holding typed text.
RENDERED_FIELDS_KEPT = 2048
_rendered = OrderedDict()
_rendered_lock = threading.Lock()


def govuk_field_html(bound_field, *, as_page_heading=False, classes=None):
    """A bound field as its GOV.UK component's HTML (core/forms.html's `field()`)."""
    component, params = govuk_field(bound_field, as_page_heading=as_page_heading, classes=classes)
    typed = component in ("input", "textarea") and params.get("value")
    if typed or not getattr(bound_field.form, "render_fields_once", False):
        # Text a reader typed (a search, say) is never kept.
        return _macro(component)(params)
    key = (component, _frozen(params))
    with _rendered_lock:
        html = _rendered.get(key)
        if html is not None:
            _rendered.move_to_end(key)
            return html
    html = _macro(component)(params)
    with _rendered_lock:
        _rendered[key] = html
        while len(_rendered) > RENDERED_FIELDS_KEPT:
            _rendered.popitem(last=False)
    return html


def _macro(component):
    from django.template import engines

    folder, name = _MACROS[component]
    template = engines["jinja2"].env.get_template(
        f"govuk_frontend_jinja/components/{folder}/macro.html"
    )
    return getattr(template.module, name)


def _frozen(value):
    """Macro parameters as a hashable key that tells safe HTML from text (a macro escapes one
    and not the other)."""
    if isinstance(value, dict):
        return tuple(sorted((str(key), _frozen(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    if value is None or isinstance(value, bool | int | float):
        return (type(value).__name__, value)
    return (type(value).__name__, str(value))


def _legend(bound_field, as_page_heading):
    legend = {"text": bound_field.label, "classes": "govuk-fieldset__legend--s"}
    if as_page_heading:
        legend.update(isPageHeading=True, classes="govuk-fieldset__legend--l")
    return legend


def _error_target(bound_field):
    if isinstance(bound_field.field.widget, GovukDateWidget):
        return f"{bound_field.auto_id}-day"
    return bound_field.auto_id


def govuk_error_summary(form):
    """Error summary items: every error of the form, each linking to its field."""
    items = [{"text": str(error), "href": "#main-content"} for error in form.non_field_errors()]
    for bound_field in form:
        for error in bound_field.errors:
            items.append({"text": str(error), "href": f"#{_error_target(bound_field)}"})
    return items


# --- A service's answer, on the form that asked ----------------------------------------------


def show_errors(form, error, field=None):
    """Put a service's ValidationError on a validated `form`: each keyed message on the field
    of that name, anything else on `field` (or at the top of the error summary)."""
    if hasattr(error, "error_dict"):
        for key, errors in error.error_dict.items():
            for message in errors:
                form.add_error(key if key in form.fields else field, message.messages)
    else:
        form.add_error(field, error.messages)


class ServiceCall:
    """What `service_call` saw: `ok` turns False when the service refused the input, and
    `error` holds the refusal (its `messages` are the service's words)."""

    ok = True
    error = None

    @property
    def messages(self):
        return self.error.messages if self.error is not None else []


@contextmanager
def service_call(form=None, field=None):
    """The one way a view meets a service: `with service_call(form) as call:`.

    PermissionDenied becomes a 404, as anything outside the user's scope is everywhere. A
    ValidationError turns `call.ok` False and is kept in `call.error`; with a `form` it is
    also shown on it (see show_errors), so the view shows the form again with the service's
    words, and without one the view shows `call.messages` as it likes (a flash message, an
    error summary). Anything else goes up unchanged."""
    call = ServiceCall()
    try:
        yield call
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        call.ok = False
        call.error = error
        if form is not None:
            show_errors(form, error, field)
