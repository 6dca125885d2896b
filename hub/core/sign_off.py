"""Sign-off by a second person: a change of a kind the partnership (or, for regional
changes, the consortium) has chosen is held until someone else who may make it approves it.

The kinds are declared by the domains (`SignOff` in their registry declaration); a
partnership's choice is the list of keys in `Partnership.sign_off`, a consortium's in
`Consortium.sign_off`. Each domain keeps its own record of who asked and who approved, and
calls `require_second_person` before it lets an approval through.
"""

from django import forms
from django.core.exceptions import ValidationError

from hub.core import domains
from hub.core.models import Partnership


def kinds(*, regional=False):
    """{key: SignOff} of every kind declared (only those a consortium can require, if
    `regional`)."""
    return {item.key: item for item in domains.every("sign_offs") if item.regional or not regional}


def required(key, *, partnership=None, consortium=None):
    """Whether a change of kind `key` by `partnership` (or, regional, by `consortium`) needs
    a second person's approval."""
    owner = partnership if partnership is not None else consortium
    return owner is not None and key in (owner.sign_off or [])


def require_second_person(*, asked_by_id, by):
    """Refuse an approval by the person who asked for it."""
    if asked_by_id is not None and asked_by_id == by.pk:
        raise ValidationError(
            "You asked for this to be signed off, so someone else must approve it.",
            code="own_approval",
        )


def require_reason(*, asked_by_id, by, reason, asker="the person who asked"):
    """Sending back someone else's change needs what to change; taking back one's own
    does not."""
    if asked_by_id != by.pk and not (reason or "").strip():
        raise ValidationError(
            {"reason": f"Say what needs changing, for {asker}"}, code="reason_required"
        )


def described(keys, *, regional=False):
    """The chosen kinds in words, for the audit log and the settings screen."""
    known = kinds(regional=regional)
    return ", ".join(known[key].label for key in keys if key in known) or "None"


class SignOffForm(forms.ModelForm):
    """A partnership's choice, on its site settings (hub/core/site_settings.py)."""

    sign_off = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Changes that need a second person's approval",
        help_text="Someone who may make the change, other than the person who made it, "
        "approves it before readers see it.",
    )

    class Meta:
        model = Partnership
        fields = ["sign_off"]

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sign_off"].choices = [
            (key, f"{item.label}: {item.description}" if item.description else item.label)
            for key, item in kinds().items()
        ]


AUDIT_ACTIONS = {"hub.core.regional_sign_off_changed": "Regional sign-off changed"}


def consortium_sign_off_set(*, by, consortium, keys, request=None):
    """The consortium's editors choose which of its regional changes need a second consortium
    editor's approval. Returns whether anything changed (nothing is recorded otherwise)."""
    from django.db import transaction

    from hub.core import audit
    from hub.core.models import Consortium
    from hub.core.permissions import Action, require

    require(by, Action.EDIT_REGIONAL_CONTENT, consortium)
    known = kinds(regional=True)
    chosen = sorted(key for key in set(keys) if key in known)
    with transaction.atomic():
        locked = Consortium.objects.select_for_update().get(pk=consortium.pk)
        before = sorted(locked.sign_off or [])
        if before == chosen:
            return False
        locked.sign_off = chosen
        locked.save(update_fields=["sign_off"])
        audit.record(
            actor=by,
            action="hub.core.regional_sign_off_changed",
            instance=locked,
            request=request,
            details={
                "changes": {
                    "Regional changes that need sign-off": [
                        described(before, regional=True),
                        described(chosen, regional=True),
                    ]
                }
            },
        )
    consortium.sign_off = chosen
    return True
