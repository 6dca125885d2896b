"""Wagtail's image screens, its image chooser's upload tab and multiple upload all build their
forms on this base (settings.WAGTAILIMAGES_IMAGE_FORM_BASE), so every image, a new one or a
replaced file, passes the Hub's image checks."""

from django.core.exceptions import ValidationError
from wagtail.images.forms import BaseImageForm

from hub.core.uploads import check_image


class CheckedImageForm(BaseImageForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is not None and hasattr(uploaded, "content_type"):
            try:
                check_image(uploaded)
            except ValidationError as error:
                raise ValidationError(error.messages) from error
        return uploaded
