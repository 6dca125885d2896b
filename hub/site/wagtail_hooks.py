from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.site.models import UsefulLink
from hub.site.viewsets import POLICY

register_permission_policy(UsefulLink, POLICY)


@hooks.register("register_admin_viewset")
def register_useful_links():
    from hub.site.viewsets import UsefulLinkViewSet

    return UsefulLinkViewSet()
