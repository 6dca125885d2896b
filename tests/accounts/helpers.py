"""Names and small readers shared by the account tests."""

import re

WESTSHIRE_ADMIN = "admin@westshire.example"
WESTSHIRE_EDITOR = "editor@westshire.example"
WESTBURY_LEAD = "lead@westbury-academy.example"
WESTBURY_PRACTITIONER = "practitioner@westbury-academy.example"
NORTHMOOR_ADMIN = "admin@northmoor.example"
MOORHAMPTON_LEAD = "lead@moorhampton-high.example"

# Long, unrelated words: passes the project's password validators.
KNOWN_PASSWORD = "pebble lantern orchard 4812"


def audit_actions(user_or_pk):
    """Every audit action recorded against one account, oldest first."""
    from django.contrib.contenttypes.models import ContentType

    from hub.core import audit
    from hub.core.models import User

    pk = getattr(user_or_pk, "pk", user_or_pk)
    entries = audit.entries().filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(pk)
    )
    return list(entries.order_by("timestamp", "pk").values_list("action", flat=True))


def error_summary_links(html):
    """The fields the error summary points to, as href targets."""
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    return re.findall(r'href="(#[^"]+)"', summary.group(0)) if summary else []
