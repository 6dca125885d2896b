from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.reviews.learning_admin import PERMISSION_POLICIES as LEARNING_POLICIES
from hub.reviews.models import TimelineStep
from hub.reviews.timeline_admin import PERMISSION_POLICY as TIMELINE_POLICY

# Registered when Wagtail first reads the hooks, before anything asks for the timeline's
# policy (which would otherwise fall back to Django's model permissions).
register_permission_policy(TimelineStep, TIMELINE_POLICY)

# The learning library's screens (published reviews, briefings, themes): the same reason.
for _model, _policy in LEARNING_POLICIES.items():
    register_permission_policy(_model, _policy)


@hooks.register("register_admin_viewset")
def register_review_viewsets():
    from hub.reviews import learning_admin, timeline_admin

    return [*timeline_admin.viewsets(), *learning_admin.viewsets()]
