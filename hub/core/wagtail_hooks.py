from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from hub.core import audit
from hub.core.domains import todos_for


class WhatNeedsDoingPanel(Component):
    """The admin dashboard's first panel: each domain's "what needs doing" items for the
    signed-in person (hub/core/domains.py, `todos`), the same as on their account page."""

    name = "what_needs_doing"
    template_name = "wagtailadmin/home/hub_what_needs_doing.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["todos"] = todos_for(self.request.user)
        return context


@hooks.register("construct_homepage_panels")
def add_what_needs_doing(request, panels):
    panels.insert(0, WhatNeedsDoingPanel(request))


@hooks.register("construct_main_menu")
def staff_screens_in_groups(request, menu_items):
    """The staff groups from every domain's staff links (hub/core/staff_menu.py). Wagtail's
    Images item moves into Content, where the core declares it."""
    from hub.core.staff_menu import group_menu_items

    menu_items[:] = [item for item in menu_items if item.name != "images"]
    menu_items.extend(item for item in group_menu_items() if item.is_shown(request))


@hooks.register("register_log_actions")
def register_hub_audit_actions(actions):
    for action, label in audit.actions().items():
        actions.register_action(action, label, label)


@hooks.register("register_admin_urls")
def register_editor_guide():
    from hub.core.admin_views import EditorGuideView

    return [path("guide/", EditorGuideView.as_view(), name="hub_editor_guide")]


@hooks.register("register_admin_urls")
def register_site_settings():
    from django.urls import include

    from hub.core.admin_views import SiteSettingsEditView, SiteSettingsIndexView

    urls = [
        path("", SiteSettingsIndexView.as_view(), name="index"),
        path("<slug:slug>/<slug:kind>/", SiteSettingsEditView.as_view(), name="edit"),
    ]
    return [path("site-settings/", include((urls, "hub_site_settings")))]


@hooks.register("construct_help_menu")
def help_is_the_hubs_own_guide(request, menu_items):
    """Help opens the Hub's own editor guide, not Wagtail's release notes and guide (which
    describe screens the Hub changes, on another site). Keyboard shortcuts stay."""
    menu_items[:] = [item for item in menu_items if item.name == "keyboard-shortcuts-trigger"]
    menu_items.insert(
        0,
        MenuItem(
            "Editor guide",
            reverse("hub_editor_guide"),
            name="hub-editor-guide",
            icon_name="help",
            order=1000,
        ),
    )
