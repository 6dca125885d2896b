"""Files the Hub writes for itself on local disk (outage pages, the demo's rendered PDFs)."""

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path, content):
    """Put `content` (bytes or text) at `path` through a temporary file in the same folder,
    so a process reading it meanwhile sees the old file or the whole new one, never part.
    Raises OSError if it cannot be written, leaving no temporary file behind."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(descriptor, "wb" if isinstance(content, bytes) else "w") as file:
            file.write(content)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
