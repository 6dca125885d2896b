"""The base of the Hub's own admin screens."""

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class AdminScreen(WagtailAdminTemplateMixin):
    """A Hub screen in Wagtail's admin whose header and breadcrumbs read its own title.
    (Wagtail's default breadcrumbs are a lone "Home", which the header then shows.)"""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]
