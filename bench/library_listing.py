"""The library's listings as the register grows: the public list at /library/ and the
editors' Reviews due page, on the demo and with about 1,000 documents for one partnership.

    .venv/bin/python bench/library_listing.py [--documents 1000] [--requests 300]
                                              [--database sqlite postgresql] [--record]

For each database, a scratch one (a SQLite file in a temporary folder; `hub_bench_library` on
127.0.0.1:5432, dropped afterwards; never the developer's or the tests' databases):

1. migrate and `load_demo`; each page is timed on the demo as it is;
2. `--documents` register entries are added for Westshire, each with one to three published
   versions whose extracted text is 5,000 to 80,000 characters (as a 3 to 40 page policy
   reads), review dates spread from four months overdue to seven months ahead, and the
   pages are timed again.

Pages, through Django's test client on Westshire's host with no page cache
(PAGE_CACHE_SECONDS=0, no Redis): the library signed out, with a type filter and on a later
page; one document's page; Reviews due signed in as the demo's Westshire editor. For each:
p50 and p95 in ms over `--requests` requests; the p50 of the process's CPU time (steadier
than wall-clock time on a shared machine; with PostgreSQL it leaves out the server's); the
queries one request makes; the response's size; the peak of Python's memory during one
request (tracemalloc, measured apart from the timings, as tracing slows them); and the
process's peak resident memory at the end of each size. Prints a table; with --record
appends a dated section to bench/RESULTS.md. Asserts nothing about time.
"""

import argparse
import datetime
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
RESULTS_FILE = ROOT / "bench" / "RESULTS.md"
POSTGRES_DATABASE = "hub_bench_library"
HOST = "westshire.localhost"
EDITOR = "editor@westshire.example"
BATCH = 200


def _progress(message):
    print(f"    {message}", file=sys.stderr, flush=True)


def percentile(timings, fraction):
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, max(0, round(len(ordered) * fraction) - 1))]


# -- the child: one database --------------------------------------------------------------


def add_documents(partnership, count, seed=5):
    """`count` Westshire documents with their versions and files, written in bulk (no
    services: this is the register as it would be after years of uploads, not the cost of
    an upload). Returns how many versions were written."""
    from django.db import transaction
    from django.utils import timezone
    from wagtail.documents.models import Document

    from hub.core.models import Agency
    from hub.library.models import DocumentType, DocumentVersion, LibraryDocument, Reach, Topic

    rng = random.Random(seed)
    words = ["child", "neglect", "referral", "agency", "practitioner", "safeguarding", "review"]
    block = " ".join(rng.choice(words) for _ in range(20_000))  # about 180,000 characters
    agencies = list(Agency.objects.filter(partnerships=partnership)[:8]) or [None]
    topics = list(Topic.objects.all())
    today = timezone.localdate()
    now = timezone.now()
    versions_written = 0
    for start in range(0, count, BATCH):
        with transaction.atomic():
            documents = LibraryDocument.objects.bulk_create(
                [
                    LibraryDocument(
                        partnership=partnership,
                        consortium_id=partnership.consortium_id,
                        title=f"Bench {rng.choice(words)} protocol {number:04d}",
                        slug=f"bench-document-{number}",
                        summary=" ".join(rng.choice(words) for _ in range(40)).capitalize(),
                        document_type=rng.choice(DocumentType.values),
                        reach=Reach.LOCAL,
                        owner_agency=rng.choice(agencies),
                        contact_role="Business unit manager",
                        owner_email="owner@westshire.example",
                        is_restricted=rng.random() < 0.15,
                        review_due=today + datetime.timedelta(days=rng.randint(-120, 210)),
                        for_parents=rng.random() < 0.3,
                    )
                    for number in range(start, min(start + BATCH, count))
                ]
            )
            if topics:
                through = LibraryDocument.topics.through
                through.objects.bulk_create(
                    [
                        through(librarydocument_id=document.pk, topic_id=topic.pk)
                        for document in documents
                        for topic in rng.sample(topics, min(2, len(topics)))
                    ]
                )
            planned = [
                (document, number)
                for document in documents
                for number in range(1, rng.randint(1, 3) + 1)
            ]
            files = Document.objects.bulk_create(
                [
                    Document(title=f"{document.slug}-v{number}.pdf", file="documents/bench.pdf")
                    for document, number in planned
                ]
            )
            versions = []
            for (document, number), file in zip(planned, files, strict=True):
                length = rng.randint(5_000, 80_000)
                offset = rng.randint(0, len(block) - length)
                versions.append(
                    DocumentVersion(
                        document=document,
                        number=number,
                        version_label=f"{number}.0",
                        file=file,
                        original_filename=f"{document.slug}-v{number}.pdf",
                        kind="pdf",
                        size_bytes=length * 3,
                        what_changed="Updated after the annual review.",
                        approved_by="Partnership executive",
                        approved_on=today - datetime.timedelta(days=400 - 100 * number),
                        published_at=now - datetime.timedelta(days=400 - 100 * number),
                        text=block[offset : offset + length],
                        extraction_status="done",
                    )
                )
            DocumentVersion.objects.bulk_create(versions)
            versions_written += len(versions)
    return versions_written


def editor_client():
    """The demo's Westshire editor, signed in, with the second factor staff must have."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from allauth.mfa.utils import is_mfa_enabled
    from django.test import Client

    from hub.core.models import User

    editor = User.objects.get(email=EDITOR)
    if not is_mfa_enabled(editor):
        TOTP.activate(editor, generate_totp_secret())
    client = Client()
    client.force_login(editor)
    return client


def measure_page(get, url, requests):
    """p50/p95 over `requests` timed requests, then one request counted (queries) and one
    traced (Python's peak memory)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    size = len(get(url).content)  # warm: imports, templates, connections
    timings, cpu = [], []
    for _ in range(requests):
        begun, begun_cpu = time.perf_counter(), time.process_time()
        get(url)
        timings.append((time.perf_counter() - begun) * 1000)
        cpu.append((time.process_time() - begun_cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        get(url)
    # Read now: the next request empties the connection's log.
    query_count = len(queries.captured_queries)
    tracemalloc.start()
    tracemalloc.reset_peak()
    get(url)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "p50_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 0.95),
        "cpu_p50_ms": statistics.median(cpu),
        "queries": query_count,
        "kb": size / 1024,
        "peak_kb": peak / 1024,
    }


def run_child(args):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from hub.core.models import Partnership
    from hub.library.models import LibraryDocument

    report = {"vendor": connection.vendor, "sizes": []}
    begun = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    report["setup_s"] = time.perf_counter() - begun
    _progress(f"demo loaded in {report['setup_s']:.0f} s")
    westshire = Partnership.objects.get(slug="westshire")
    anonymous = Client()
    editor = editor_client()

    def getter(client):
        def get(url):
            response = client.get(url, HTTP_HOST=HOST)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            return response

        return get

    document_url = (
        LibraryDocument.objects.filter(partnership=westshire, is_restricted=False)
        .exclude(status="withdrawn")
        .order_by("title")
        .first()
        .get_absolute_url()
    )
    pages = [
        ("/library/, signed out", getter(anonymous), "/library/"),
        ("/library/?document_type=protocol", getter(anonymous), "/library/?document_type=protocol"),
        ("/library/?page=3", getter(anonymous), "/library/?page=3"),
        ("a document's page", getter(anonymous), document_url),
        ("Reviews due, the editor", getter(editor), reverse("library_admin:reviews")),
    ]
    for label, added in (("demo", 0), (f"+{args.documents:,} documents", args.documents)):
        if added:
            begun = time.perf_counter()
            versions = add_documents(westshire, added)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")
            spent = time.perf_counter() - begun
            _progress(f"{added:,} documents, {versions:,} versions in {spent:.0f} s")
        size = {
            "label": label,
            "westshire_documents": LibraryDocument.objects.filter(partnership=westshire).count(),
            "pages": {},
        }
        for name, get, url in pages:
            size["pages"][name] = figures = measure_page(get, url, args.requests)
            _progress(
                f"{label}, {name}: p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms"
            )
        size["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        report["sizes"].append(size)
    print(json.dumps(report))


# -- the parent: scratch databases, the table, RESULTS.md ---------------------------------


def measure(database, args, stack, scratch):
    import servers

    if database == "postgresql":
        url = servers.create_database(stack, POSTGRES_DATABASE)
    else:
        url = f"sqlite:///{scratch / 'bench-library.sqlite3'}"
    var_dir = scratch / f"var-{database}"
    var_dir.mkdir()
    env = {
        **servers.clean_environment(),
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "DATABASE_URL": url,
        "HUB_VAR_DIR": str(var_dir),
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "DATABASE_CONN_MAX_AGE": "60",
        "PAGE_CACHE_SECONDS": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    command = [
        sys.executable,
        __file__,
        "--child",
        f"--documents={args.documents}",
        f"--requests={args.requests}",
    ]
    output = subprocess.run(
        command, env=env, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def lines_for(database, report):
    out = [
        f"{database}: demo set up in {report['setup_s']:.0f} s",
        f"{'register':<18} {'page':<34} {'p50 ms':>7} {'p95 ms':>7} {'CPU p50':>7} "
        f"{'queries':>7} {'KB':>6} {'peak KB':>8}",
    ]
    for size in report["sizes"]:
        for name, figures in size["pages"].items():
            out.append(
                f"{size['label']:<18} {name:<34} {figures['p50_ms']:>7.1f} "
                f"{figures['p95_ms']:>7.1f} {figures['cpu_p50_ms']:>7.1f} "
                f"{figures['queries']:>7} {figures['kb']:>6.0f} "
                f"{figures['peak_kb']:>8.0f}"
            )
        out.append(
            f"{'':<18} Westshire's documents: {size['westshire_documents']:,}; the process's "
            f"peak resident memory so far: {size['maxrss_mb']:.0f} MB"
        )
    return out


def machine_lines():
    import sqlite3

    import servers

    cpu = "unknown"
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    try:
        postgres = servers.postgres_version()
    except Exception:  # noqa: BLE001 - only a label
        postgres = "unknown"
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return [
        f"CPUs: {os.cpu_count()} ({cpu}); load average at the start: {load}",
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"PostgreSQL {postgres}",
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument(
        "--database", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite"]
    )
    parser.add_argument("--record", action="store_true", help="append to bench/RESULTS.md")
    parser.add_argument("--note", default="", help="a line to add to the RESULTS.md section")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args)
        return
    machine = machine_lines()
    started = datetime.datetime.now(datetime.UTC)
    lines = []
    for database in args.database:
        print(f"== {database}", file=sys.stderr, flush=True)
        with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="hub-bench-") as scratch:
            report = measure(database, args, stack, Path(scratch))
        lines += lines_for(database, report) + [""]
        print("\n".join(lines_for(database, report)), flush=True)
    if not args.record:
        return
    section = [
        "",
        f"## Library listings (bench/library_listing.py), {started:%Y-%m-%d %H:%M} UTC",
        "",
        *[f"- {line}" for line in machine],
        f"- {args.requests} requests a page through Django's test client, no page cache; peak "
        "KB is Python's peak allocation during one request (tracemalloc)",
        *([f"- {args.note}"] if args.note else []),
        "",
        "```",
        *lines[:-1],
        "```",
        "",
    ]
    with open(RESULTS_FILE, "a") as results:
        results.write("\n".join(section))


if __name__ == "__main__":
    main()
