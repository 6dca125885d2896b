"""Two of Wagtail's own admin screens, narrowed to what the Hub allows.

- The account page keeps Wagtail's notification, language and theme preferences, without the
  profile picture (an upload the Hub has no use for) and without name and email, which change
  only through "Your account" on the site, where an address is verified and every change is in
  the audit log.
- The redirect import takes only a table that passes `hub.core.uploads.tables.check_table`.

And one screen of the Hub's own: the short editor guide the admin's Help menu opens.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import TemplateView
from wagtail.admin.views.account import AccountView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.redirects import views as redirect_views

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


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "hub_admin/guide.html"
    header_icon = "help"
    page_title = "Editor guide"
