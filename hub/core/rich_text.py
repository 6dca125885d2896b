"""Wagtail's rich text editor as every admin screen uses it (settings
WAGTAILADMIN_RICH_TEXT_EDITORS): the editable area named by its field's label and described
by its hint, and content the editor could never have sent (a forged post) refused with the
400 page instead of a server error."""

import json

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.admin.rich_text import DraftailRichTextArea


class CheckedDraftail(DraftailRichTextArea):
    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        field_id = context["widget"]["attrs"].get("id")
        if field_id:
            # The ids Wagtail's formatted field gives the label and the hint.
            context["widget"]["attrs"]["data-w-init-detail-value"] = json.dumps(
                {
                    **self.options,
                    "ariaLabelledBy": f"{field_id}-label",
                    "ariaDescribedBy": f"{field_id}-helptext",
                },
                cls=DjangoJSONEncoder,
            )
        return context

    def value_from_datadict(self, data, files, name):
        raw = data.get(name)
        if raw is not None and not raw.strip():
            return ""  # nothing typed: the field's own "required" check answers
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError) as unreadable:
            # Not the editor's JSON: BadInputMiddleware answers 400.
            raise ValidationError("The text could not be read.") from unreadable
