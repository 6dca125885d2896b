"""How long the document library takes to check an upload and read its text, per megabyte.

Builds PDF and DOCX files of generated prose at about 1 MB and 10 MB, runs `validate_upload`
and `extract_text` on each a few times, and prints the median seconds and seconds per MB.
Prints figures only; it asserts nothing about time.

    .venv/bin/python bench/library_ingest.py [--repeat 3] [--whole-text]

Extraction stops once LIBRARY_MAX_TEXT_CHARS characters are found, so for large files the
"chars" and "cut" columns say how much of the file extraction actually had to read;
--whole-text lifts that limit to time reading every word.
"""

import argparse
import io
import os
import random
import resource
import statistics
import sys
import textwrap
import time
import zipfile
import zlib
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from hub.core.uploads.documents import validate_upload  # noqa: E402
from hub.library.extraction import DEFAULT_MAX_TEXT_CHARS, extract_text  # noqa: E402

MEGABYTE = 1024 * 1024
SIZES_MB = (1, 10)

_SYLLABLES = [consonant + vowel for consonant in "bcdfghlmnprstvw" for vowel in "aeiou"]


class Prose:
    """Deterministic sentences over a few thousand made-up words, so text compresses about
    as well as real English does rather than absurdly well."""

    def __init__(self, seed=2026):
        self.random = random.Random(seed)
        self.words = [
            "".join(self.random.choice(_SYLLABLES) for _ in range(self.random.randint(1, 4)))
            for _ in range(4_000)
        ]

    def sentence(self):
        words = self.random.choices(self.words, k=self.random.randint(6, 22))
        return f"{words[0].capitalize()} {' '.join(words[1:])}."

    def paragraph(self, sentences=6):
        return " ".join(self.sentence() for _ in range(sentences))


def build_pdf(target_bytes, prose):
    from fpdf import FPDF

    def render(pages):
        pdf = FPDF()
        pdf.set_font("Helvetica", size=10)
        for _ in range(pages):
            pdf.add_page()
            lines = textwrap.wrap(" ".join(prose.paragraph() for _ in range(8)), 100)[:60]
            for number, line in enumerate(lines):
                pdf.text(10, 15 + number * 4.5, line)
        return bytes(pdf.output())

    sample = render(20)
    return render(max(1, round(target_bytes / (len(sample) / 20))))


def build_docx(target_bytes, prose):
    """A python-docx document whose body is filled with generated paragraphs until the
    compressed document part reaches the target size."""
    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    with zipfile.ZipFile(template) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    body_start = b"<w:body>"

    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    compressed = 0
    paragraphs = []
    while compressed < target_bytes - len(template.getvalue()):
        paragraph = f"<w:p><w:r><w:t>{prose.paragraph()}</w:t></w:r></w:p>".encode()
        paragraphs.append(paragraph)
        compressed += len(compressor.compress(paragraph))

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            if name == "word/document.xml":
                at = data.index(body_start) + len(body_start)
                data = data[:at] + b"".join(paragraphs) + data[at:]
            target.writestr(name, data)
    return out.getvalue()


def timed(function, repeat):
    seconds = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step (default 3)")
    parser.add_argument(
        "--whole-text", action="store_true", help="lift LIBRARY_MAX_TEXT_CHARS to read every word"
    )
    options = parser.parse_args()
    if options.whole_text:
        settings.LIBRARY_MAX_TEXT_CHARS = sys.maxsize
    limit = getattr(settings, "LIBRARY_MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS)
    print(f"Text limit: {'none' if options.whole_text else f'{limit:,} characters'}\n")
    prose = Prose()

    print(
        f"{'kind':<5} {'MB':>6} {'build s':>8} {'check s':>8} {'check s/MB':>10} "
        f"{'read s':>8} {'read s/MB':>9} {'pages':>6} {'words':>9} {'chars':>10} {'cut':>4}"
    )
    for kind, builder in (("pdf", build_pdf), ("docx", build_docx)):
        for size_mb in SIZES_MB:
            started = time.perf_counter()
            content = builder(size_mb * MEGABYTE, prose)
            build_seconds = time.perf_counter() - started
            megabytes = len(content) / MEGABYTE

            def check(content=content, kind=kind):
                upload = SimpleUploadedFile(f"generated.{kind}", content)
                return validate_upload(upload, max_bytes=len(content))

            def read(content=content, kind=kind):
                return extract_text(io.BytesIO(content), kind)

            check_seconds, checked = timed(check, options.repeat)
            assert checked.kind == kind
            read_seconds, text = timed(read, options.repeat)
            cut = "yes" if text.truncated else "no"
            print(
                f"{kind:<5} {megabytes:>6.2f} {build_seconds:>8.2f} {check_seconds:>8.3f} "
                f"{check_seconds / megabytes:>10.3f} {read_seconds:>8.3f} "
                f"{read_seconds / megabytes:>9.3f} {text.page_count or '-':>6} "
                f"{text.word_count:>9,} {len(text.text):>10,} {cut:>4}"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nPeak resident memory of this process: {peak:,.0f} MB (Linux reports kilobytes).")


if __name__ == "__main__":
    main()
