"""Two of Wagtail's own admin screens, narrowed to what the Hub allows.

- The account page keeps Wagtail's notification, language and theme preferences, without the
  profile picture (an upload the Hub has no use for) and without name and email, which change
  only through "Your account" on the site, where an address is verified and every change is in
  the audit log.
- The redirect import takes only a table that passes `hub.core.uploads.tables.check_table`.

And screens of the Hub's own: the short editor guide the admin's Help menu opens, and the
partnership's site settings (hub/core/site_settings.py).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.account import AccountView
from wagtail.contrib.redirects import views as redirect_views

from hub.core.admin_screen import AdminScreen
from hub.core.uploads.tables import check_table

KEPT_ACCOUNT_PANELS = {"notifications", "locale", "theme"}


class HubAccountView(AccountView):
    def get_panels(self):
        return [panel for panel in super().get_panels() if panel.name in KEPT_ACCOUNT_PANELS]


def checked_redirect_import(request):
    uploaded = request.FILES.get("import_file")
    if request.method == "POST" and uploaded is not None:
        try:
            check_table(uploaded)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("wagtailredirects:start_import")
    return redirect_views.start_import(request)


class EditorGuideView(AdminScreen, TemplateView):
    template_name = "hub_admin/guide.html"
    header_icon = "help"
    page_title = "Editor guide"


# -- the partnership's own site settings (hub/core/site_settings.py) -------------------------


class SiteSettingsIndexView(AdminScreen, TemplateView):
    """Each partnership the person may configure, with its settings screens."""

    template_name = "hub_admin/site_settings_index.html"
    page_title = "Site settings"
    header_icon = "cog"

    def get(self, request, *args, **kwargs):
        from django.http import Http404

        from hub.core.site_settings import configurable_partnerships

        self.partnerships = list(configurable_partnerships(request.user))
        if not self.partnerships:
            raise Http404
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from hub.core.site_settings import KINDS

        return super().get_context_data(
            partnerships=self.partnerships, kinds=list(KINDS.values()), **kwargs
        )


class SiteSettingsEditView(AdminScreen, TemplateView):
    """One kind of setting of one partnership. Contact numbers are shown as the public panel
    before they are saved: 'Check and save' previews, 'Save' only follows a preview of the
    same values."""

    template_name = "hub_admin/site_settings_edit.html"
    header_icon = "cog"

    def dispatch(self, request, slug, kind):
        from django.http import Http404

        from hub.core.site_settings import KINDS, configurable_partnerships

        self.kind = KINDS.get(kind)
        self.partnership = configurable_partnerships(request.user).filter(slug=slug).first()
        if self.kind is None or self.partnership is None:
            raise Http404
        self.instance = self.kind.instance(self.partnership)
        return super().dispatch(request, slug, kind)

    def get_page_title(self):
        return self.kind.title

    def get_page_subtitle(self):
        return self.partnership.name

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Dashboard"},
            {"url": reverse("hub_site_settings:index"), "label": "Site settings"},
            {"url": "", "label": self.kind.title},
        ]

    def form(self, data=None):
        return self.kind.form_for(self.partnership, data, instance=self.instance, prefix="settings")

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.form()))

    def post(self, request, *args, **kwargs):
        from hub.core.forms import service_call
        from hub.core.site_settings import settings_change

        form = self.form(request.POST)
        previewing = self.kind.key == "contact" and (
            "save" not in request.POST or request.POST.get("previewed") != self.fingerprint(form)
        )
        if not form.is_valid() or previewing:
            return self.render_to_response(
                self.get_context_data(
                    form=form,
                    preview=self.preview(form),
                    previewed=self.fingerprint(form),
                    changed_since_check="save" in request.POST and form.is_valid(),
                )
            )
        with service_call(form) as call:
            changes = settings_change(
                by=request.user,
                partnership=self.partnership,
                kind=self.kind,
                form=form,
                request=request,
            )
        if not call.ok:
            return self.render_to_response(self.get_context_data(form=form))
        if changes:
            messages.success(
                request,
                f"{self.kind.title} saved: {self.kind.saved}.",
            )
        else:
            messages.info(request, "Nothing changed, so nothing was saved.")
        return redirect("hub_site_settings:edit", self.partnership.slug, self.kind.key)

    @staticmethod
    def fingerprint(form):
        """Of the values as typed: saving contact numbers needs a preview of these same."""
        import hashlib

        if not form.is_valid():
            return ""
        values = [str(form.cleaned_data.get(name) or "") for name in form.Meta.fields]
        return hashlib.sha256("\x1f".join(values).encode()).hexdigest()

    def preview(self, form):
        """The public panel with the values typed, rendered by the site's own template."""
        if self.kind.key != "contact" or not form.is_valid():
            return ""
        from django.template.loader import render_to_string
        from django.utils.safestring import mark_safe

        html = render_to_string(
            "core/worried_about_a_child.html", {"safety": form.instance}, using="jinja2"
        )
        return mark_safe(html)  # noqa: S308 - the site's own template, which escapes the values

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kind=self.kind,
            partnership=self.partnership,
            public_url=self.partnership.site.root_url,
            **kwargs,
        )
