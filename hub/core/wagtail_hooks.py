from wagtail import hooks

from hub.core import audit


@hooks.register("register_log_actions")
def register_hub_audit_actions(actions):
    for action, label in audit.actions().items():
        actions.register_action(action, label, label)
