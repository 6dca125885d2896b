"""The partnership's own site settings, changed by its admin in the admin: the "Worried about
a child?" contact routes and hours, the footer's links, the branding, and which changes need
sign-off by a second person.

Wagtail's settings screens grant a setting model to a group for every site at once, so these
are the Hub's own screens, scoped here: a partnership is found only among those the person
may configure (another partnership's answers 404), a footer link may only point at a page
of the partnership's own site, and a logo only at an image of its own (or its consortium's)
collection. Every change is in the audit log with the old and new values; saving purges the
cached pages, as any save of these models does (hub/ops/signals.py).
"""

from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page

from hub.core import audit
from hub.core.models import FooterLinks, Partnership, WorriedAboutAChild
from hub.core.permissions import Action, can, require, scope_queryset
from hub.core.sign_off import SignOffForm, described

# -- what may be changed ---------------------------------------------------------------------


class ContactRoutesForm(forms.ModelForm):
    front_door_url = forms.URLField(
        assume_scheme="https", required=False, label="Its online referral form (address)"
    )
    exit_page_url = forms.URLField(
        assume_scheme="https", label="Where 'Exit this page' goes (address)"
    )

    class Meta:
        model = WorriedAboutAChild
        fields = [
            "front_door_name",
            "front_door_phone",
            "front_door_hours",
            "front_door_url",
            "out_of_hours_phone",
            "out_of_hours_hours",
            "police_non_emergency_phone",
            "nspcc_phone",
            "exit_page_url",
        ]
        labels = {
            "front_door_name": "Name of the team that takes referrals",
            "front_door_phone": "Its phone number",
            "front_door_hours": "When it answers",
            "out_of_hours_phone": "Out-of-hours phone number",
            "out_of_hours_hours": "When the out-of-hours service answers",
            "police_non_emergency_phone": "Police non-emergency number",
            "nspcc_phone": "NSPCC helpline",
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("front_door_phone") and not cleaned.get("out_of_hours_phone"):
            raise forms.ValidationError(
                "Give at least one number for children's social care: the front door's or "
                "the out-of-hours service's"
            )
        return cleaned


class PageChoice(forms.ModelChoiceField):
    def label_from_instance(self, page):
        return f"{page.title} ({page.url_path.rstrip('/').split('/', 2)[-1] or 'home'})"


class FooterLinksForm(forms.ModelForm):
    class Meta:
        model = FooterLinks
        fields = ["accessibility_statement", "privacy_notice", "cookies", "contact"]

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        pages = Page.objects.descendant_of(partnership.site.root_page, inclusive=True).live()
        for name in self.Meta.fields:
            old = self.fields[name]
            self.fields[name] = PageChoice(
                queryset=pages.order_by("path"),
                required=False,
                label=old.label.capitalize(),
                empty_label="No link",
                help_text="A page of your partnership's site.",
            )


class BrandingForm(forms.ModelForm):
    class Meta:
        model = Partnership
        fields = ["logo", "logo_alt_text", "brand_colour", "accent_colour"]
        labels = {"logo_alt_text": "What the logo says (for people who cannot see it)"}

    def __init__(self, *args, partnership, **kwargs):
        from hub.core.collections import collection_for

        super().__init__(*args, **kwargs)
        collections = [collection_for(partnership)]
        if partnership.consortium_id:
            collections.append(collection_for(partnership.consortium))
        self.fields["logo"] = forms.ModelChoiceField(
            queryset=get_image_model().objects.filter(collection__in=collections).order_by("title"),
            required=False,
            empty_label="No logo",
            help_text="An image uploaded to your partnership's collection (Content › Images).",
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("logo") and not cleaned.get("logo_alt_text", "").strip():
            self.add_error("logo_alt_text", "Say what the logo says, for screen reader users")
        return cleaned


@dataclass(frozen=True)
class Kind:
    key: str
    title: str
    form: type
    audit_action: str
    description: str
    saved: str = "the public site shows them now"

    def instance(self, partnership):
        if self.form._meta.model is Partnership:
            return partnership
        return self.form._meta.model.for_site(partnership.site)

    def form_for(self, partnership, *args, **kwargs):
        if self.form is ContactRoutesForm:
            return self.form(*args, **kwargs)
        return self.form(*args, partnership=partnership, **kwargs)


KINDS = {
    kind.key: kind
    for kind in (
        Kind(
            "contact",
            "Contact numbers and hours",
            ContactRoutesForm,
            "hub.site.contact_routes_changed",
            "The 'Worried about a child?' panel on every page: who to call, when, and where "
            "'Exit this page' goes.",
        ),
        Kind(
            "footer",
            "Footer links",
            FooterLinksForm,
            "hub.site.footer_links_changed",
            "The accessibility statement, privacy notice, cookies and contact pages every "
            "footer links to.",
        ),
        Kind(
            "branding",
            "Branding",
            BrandingForm,
            "hub.site.branding_changed",
            "The logo beside the partnership's name, the header's colour and the accent "
            "colour of headings' rules.",
        ),
        Kind(
            "sign-off",
            "Sign-off by a second person",
            SignOffForm,
            "hub.core.sign_off_changed",
            "Which changes wait for a second person's approval before readers see them.",
            saved="changes of these kinds now wait for a second person's approval",
        ),
    )
}

AUDIT_ACTIONS = {kind.audit_action: f"{kind.title} changed" for kind in KINDS.values()}


# -- who may change which partnership's ------------------------------------------------------


def configurable_partnerships(user):
    return scope_queryset(
        user, Action.EDIT_SITE_SETTINGS, Partnership.objects.filter(site__isnull=False)
    ).select_related("site", "consortium")


def settings_url(request, kind):
    """The person's own partnership's screen, or the list when they configure several."""
    # Every admin page's menu asks once per kind of setting: looked up once per request.
    if not hasattr(request, "_hub_configurable"):
        request._hub_configurable = list(configurable_partnerships(request.user)[:2])
    partnerships = request._hub_configurable
    if len(partnerships) == 1:
        return reverse("hub_site_settings:edit", args=[partnerships[0].slug, kind])
    return reverse("hub_site_settings:index")


def may_configure(request):
    return can(request.user, Action.EDIT_SITE_SETTINGS)


# -- the one write -----------------------------------------------------------------------------


def _shown(value):
    if value is None or value == "":
        return ""
    if isinstance(value, list):
        return described(sorted(value))
    return str(value)


def settings_change(*, by, partnership, kind, form, request=None):
    """Save a valid settings `form` of `partnership`'s; record each changed field's old and
    new value. Returns {field label: [old, new]} (empty, and nothing saved, if nothing
    changed)."""
    require(by, Action.EDIT_SITE_SETTINGS, partnership)
    model = type(form.instance)
    with transaction.atomic():
        before = model.objects.select_for_update().get(pk=form.instance.pk)
        changes = {}
        for name in form.Meta.fields:
            old, new = _shown(getattr(before, name)), _shown(form.cleaned_data.get(name))
            if old != new:
                changes[str(form.fields[name].label)] = [old, new]
        if not changes:
            return {}
        form.save()
        audit.record(
            actor=by,
            action=kind.audit_action,
            instance=partnership,
            request=request,
            partnership_id=partnership.pk,
            details={"changes": changes},
        )
    return changes
