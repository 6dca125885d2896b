"""Reading a PDF the Hub wrote back, as a screen reader and a search would: its structure
tree (pypdf), its metadata, and its text.

Text is read with poppler's `pdftotext`, which follows the fonts' Unicode maps and puts
right-to-left runs (Arabic, Hebrew) in logical order, as written; it wraps each such run in
bidi embedding marks (U+202A-U+202E, U+2066-U+2069), which `text` removes. Whitespace runs
(line and page breaks) become one space and the result is NFC-normalised, so a test compares
with what was written, normalised the same way (`same_text`).

Two things pdftotext does that a test must allow for: where a right-to-left run is followed
on the same line by left-to-right words, it puts the space between them on the run's other
side (the PDF has it in place, as `pdftotext -raw` shows), so a test puts a right-to-left name
at the end of its line; and Chinese or Japanese text wrapped over two lines gains a space at
the break. The structure tree's headings (`headings`) are read from the marked content itself
and have neither quirk.
"""

import contextlib
import http.server
import io
import re
import shutil
import subprocess
import threading
import unicodedata
import urllib.request
from dataclasses import dataclass, field

from pypdf import PdfReader

BIDI_MARKS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")
HEADING_ROLES = ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6")


def same_text(text):
    """`text` as the PDF's text is compared: NFC, one space for any whitespace run."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass
class ReadPdf:
    title: str
    lang: str
    tagged: bool
    display_title: bool
    roles: list = field(default_factory=list)
    headings: list = field(default_factory=list)  # (role, text), in reading order
    links: list = field(default_factory=list)
    text: str = ""
    pages: int = 0

    @property
    def heading_texts(self):
        return [text for _, text in self.headings]


def read_pdf(content):
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    marked = root.get("/MarkInfo", {}).get("/Marked", False)
    preferences = root.get("/ViewerPreferences", {})
    texts = _marked_content_texts(reader)
    result = ReadPdf(
        title=str((reader.metadata or {}).get("/Title", "")),
        lang=str(root.get("/Lang", "")),
        tagged=bool(marked) and "/StructTreeRoot" in root,
        display_title=bool(preferences.get("/DisplayDocTitle", False)),
        text=pdftotext(content),
        pages=len(reader.pages),
    )
    if "/StructTreeRoot" in root:
        _walk(root["/StructTreeRoot"], reader, texts, result)
    for page in reader.pages:
        for annotation in page.get("/Annots", []) or []:
            action = annotation.get_object().get("/A", {})
            if "/URI" in action:
                result.links.append(str(action["/URI"]))
    return result


def pdftotext(content):
    if not shutil.which("pdftotext"):
        raise RuntimeError("poppler-utils is missing: `make test` installs it")
    output = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    return same_text(BIDI_MARKS.sub("", output))


def _marked_content_texts(reader):
    """{(page object id, MCID): text} for every marked-content sequence with an MCID."""
    texts = {}
    for page in reader.pages:
        stack = []

        def before(operator, operands, cm, tm, page_ref=page.indirect_reference, stack=stack):
            if operator == b"BDC":
                properties = operands[1] if len(operands) > 1 else None
                mcid = properties.get("/MCID") if hasattr(properties, "get") else None
                stack.append(None if mcid is None else (page_ref.idnum, int(mcid)))
            elif operator == b"BMC":
                stack.append(None)
            elif operator == b"EMC" and stack:
                stack.pop()

        def text(value, cm, tm, font, size, stack=stack):
            for key in reversed(stack):
                if key is not None:
                    texts[key] = texts.get(key, "") + value
                    break

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts


def _element_text(node, page_id, texts):
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, int):
        return texts.get((page_id, node), "")
    if not hasattr(node, "get"):
        return ""
    page = node.get("/Pg")
    if page is not None:
        page_id = page.idnum
    if "/MCID" in node:
        return texts.get((page_id, int(node["/MCID"])), "")
    kids = node.get("/K")
    if kids is None:
        return ""
    if not isinstance(kids, list):
        kids = [kids]
    return "".join(_element_text(kid, page_id, texts) for kid in kids)


def _walk(node, reader, texts, result, page_id=None):
    node = node.get_object()
    page = node.get("/Pg")
    if page is not None:
        page_id = page.idnum
    role = node.get("/S")
    if role is not None:
        result.roles.append(str(role))
        if role in HEADING_ROLES:
            result.headings.append((str(role)[1:], same_text(_element_text(node, page_id, texts))))
            return
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if hasattr(kid, "get") and "/S" in kid:
            _walk(kid, reader, texts, result, page_id)


def assert_accessible_pdf(content, *, title, lang="en-GB", first_heading=None):
    """What every PDF the Hub writes must be: tagged, with its title shown as the title, a
    language, a structure tree holding headings (the first one `first_heading`), and
    paragraphs. Returns what was read, for the test's own checks."""
    assert content.startswith(b"%PDF-"), "not a PDF"
    pdf = read_pdf(content)
    assert pdf.tagged, "the PDF is not tagged"
    assert same_text(pdf.title) == same_text(title)
    assert pdf.display_title, "a reader would show the file name, not the title"
    assert pdf.lang == lang
    assert pdf.headings, "no headings in the structure tree"
    assert pdf.headings[0][0] == "H1", f"the first heading is {pdf.headings[0][0]}, not H1"
    if first_heading is not None:
        assert pdf.headings[0][1] == same_text(first_heading)
    assert "/P" in pdf.roles
    return pdf


def assert_text_exact(content_or_pdf, *texts):
    """Each of `texts` reads back from the PDF exactly as written (after NFC and whitespace
    normalisation, see the module's docstring)."""
    pdf = content_or_pdf if isinstance(content_or_pdf, ReadPdf) else read_pdf(content_or_pdf)
    for text in texts:
        assert same_text(text) in pdf.text, f"{text!r} does not read back from the PDF"
    return pdf


# Names in the scripts a partnership's workforce writes them in. Each must print exactly.
UNICODE_NAMES = (
    "Łukasz Wąsowski-Żółć",
    "Ayşe Yılmaz Öztürk",
    "Søren Ødegård Æbelø",
    "Αλέξανδρος Παπαδόπουλος",
    "Дмитрий Сергеевич Иванова",
    "محمد عبد الله",
    "张伟 王秀英",
    "Siobhán Ní Bhriain–O’Connor",
)


class _Recorder(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the standard library's name
        self.server.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def recording_server():
    """A web server on this machine, outside the Hub, that records every request made to it
    (`server.requests`; its address is `server.url`): what a PDF must never fetch from."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.requests = []
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def assert_never_requested(server):
    """Nothing asked `server` for anything, and that is not because it was not listening."""
    assert server.requests == []
    with urllib.request.urlopen(f"{server.url}/listening.png", timeout=5):  # noqa: S310
        pass
    assert server.requests == ["/listening.png"]
