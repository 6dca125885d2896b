from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.assurance.admin_views import PERMISSION_POLICIES
from hub.assurance.viewsets import AssuranceViewSetGroup

# Registered when Wagtail first reads the hooks, before anything asks for these models'
# policies (which would otherwise fall back to Django's model permissions).
for model, policy in PERMISSION_POLICIES.items():
    register_permission_policy(model, policy)


@hooks.register("register_admin_viewset")
def register_assurance_viewsets():
    return AssuranceViewSetGroup()
