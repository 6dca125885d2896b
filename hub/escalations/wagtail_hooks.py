from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.escalations.models import Protocol
from hub.escalations.viewsets import PERMISSION_POLICY

# Registered when Wagtail first reads the hooks, before anything asks for the protocol's
# policy (which would otherwise fall back to Django's model permissions).
register_permission_policy(Protocol, PERMISSION_POLICY)


@hooks.register("register_admin_viewset")
def register_escalation_viewsets():
    from hub.escalations.viewsets import viewsets

    return viewsets()
