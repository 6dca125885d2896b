from wagtail import hooks

from hub.core.audit import ACTIONS


@hooks.register("register_log_actions")
def register_hub_audit_actions(actions):
    for action, label in ACTIONS.items():
        actions.register_action(action, label, label)
