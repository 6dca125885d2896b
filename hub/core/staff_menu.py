"""The admin menu's staff groups (Content, Protocols and guidance, Procedures, Training team,
Section 11, People and audit), built from every domain's `staff_links` (hub/core/domains.py)
on each request, so a domain adds a screen to the menu by declaring it and nowhere else.

A link may lead into the admin or to a staff screen on the public site (a register on a
phone, the people screens); the account page lists the same links.
"""

from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from hub.core.domains import STAFF_GROUPS, every


def in_admin(request):
    """Whether the person may enter Wagtail's admin at all."""
    return request.user.is_authenticated and request.user.has_perm("wagtailadmin.access_admin")


def admin_screen(model_label, actions=("add", "change", "delete")):
    """`shown` for an admin screen of a model: whoever may enter the admin and whom the
    model's permission policy (the one Wagtail's own screens ask) allows any of `actions`."""

    def shown(request):
        if not in_admin(request):
            return False
        from django.apps import apps
        from wagtail.permissions import policy_registry

        policy = policy_registry.get_by_type(apps.get_model(model_label))
        return policy.user_has_any_permission(request.user, actions)

    return shown


def admin_only(predicate):
    """`shown` for an admin screen guarded by `predicate(request)` as well."""
    return lambda request: in_admin(request) and predicate(request)


class StaffLinkMenuItem(MenuItem):
    def __init__(self, link, order):
        super().__init__(link.text, "", order=order)
        self.link = link

    def is_shown(self, request):
        return self.link.shown(request)

    def render_component(self, request):
        self.url = self.link.url(request)
        return super().render_component(request)


class StaffGroupMenu(Menu):
    """One group's links, read from the registry each time (a test may register a domain)."""

    def __init__(self, group):
        super().__init__()
        self.group = group

    @property
    def registered_menu_items(self):
        links = [link for link in every("staff_links") if link.group == self.group]
        return [StaffLinkMenuItem(link, order) for order, link in enumerate(links)]


def group_menu_items():
    """One submenu per group, placed after Pages (Wagtail's explorer, order 100)."""
    return [
        SubmenuMenuItem(
            label,
            StaffGroupMenu(key),
            name=f"hub-{key}",
            icon_name=icon,
            order=200 + 10 * position,
        )
        for position, (key, label, icon) in enumerate(STAFF_GROUPS)
    ]
