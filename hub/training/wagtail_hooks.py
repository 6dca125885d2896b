from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.training.viewsets import PERMISSION_POLICIES, TrainingViewSetGroup

# Registered when Wagtail first reads the hooks, before anything asks for these models'
# policies (which would otherwise fall back to Django's model permissions).
for model, policy in PERMISSION_POLICIES.items():
    register_permission_policy(model, policy)


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()
