from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.decision_aids.admin_views import PERMISSION_POLICIES

# Registered when Wagtail first reads the hooks, before anything asks for these models'
# policies (which would otherwise fall back to Django's model permissions).
for model, policy in PERMISSION_POLICIES.items():
    register_permission_policy(model, policy)


@hooks.register("register_admin_viewset")
def register_decision_aids_viewsets():
    from hub.decision_aids.viewsets import viewsets

    return viewsets()
