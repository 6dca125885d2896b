"""Doing a thing once, however often a job runs: claim a unique row first, act only if the
claim was new. Used for reminder and notification emails."""

from django.db import IntegrityError, transaction


def claim(model, **fields):
    """Create the row that records the thing was done; False if it already exists (another
    run, or an earlier one, claimed it)."""
    try:
        with transaction.atomic():
            model.objects.create(**fields)
    except IntegrityError:
        return False
    return True
