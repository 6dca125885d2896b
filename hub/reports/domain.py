"""The yearly report domain (hub/core/domains.py): reports built from every domain's figures,
frozen when published. It takes part through the registry like any other domain."""

from hub.core.domains import Domain


def _demo(context):
    from hub.reports.demo import load

    return load(context)


DOMAIN = Domain(
    label="reports",
    name="Yearly report",
    demo=_demo,
    demo_order=900,  # after every domain whose activity its figures count
)
