"""The one gate every uploaded file passes, and the one way a stored upload is served.

Every way a file enters the Hub checks it here, by its content, before anything is stored:

- library versions (`hub.library.services.version_upload`): `check_document`, the
  library's kinds and size;
- section 11 evidence (`hub.assurance.services.completing.evidence_add`): `check_document`,
  evidence kinds and size;
- Wagtail's document form (no screen offers it; kept closed in depth): `check_document`;
- Wagtail's image screens, the image chooser's upload tab, multiple upload and replacing an
  image's file: `check_image`.

`tests/core/uploads/test_every_upload_endpoint.py` finds every form in the admin and the
public site that takes a file and feeds each the hostile corpus; a new upload screen that is
not in its list fails that test until it is.

Files are served by `serving.serve_upload`: never from their storage address, always with
`nosniff`, as an attachment inside a sandbox unless they are a PDF that passed the gate.
"""

from hub.core.uploads.documents import CheckedUpload
from hub.core.uploads.documents import validate_upload as check_document
from hub.core.uploads.images import check_image

__all__ = ["CheckedUpload", "check_document", "check_image"]
