"""Placeholder: the demo's levels of need and neglect screening tool (being written)."""


def load_decision_aids(consortium, partnerships):
    return None
