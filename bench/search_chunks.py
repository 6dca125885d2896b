"""Site search latency with a large index on PostgreSQL.

    .venv/bin/python bench/search_chunks.py [--chunks 100000] [--budget 180]

The Hub has no chunk model: each library document is one entry in Wagtail's search index
(title, summary and the text of its current version). So a "chunk" here is one generated
library document of about 300 words, drawn from a Zipf-like vocabulary (some words common,
most rare), and every one also contains the word "safeguarding" so one query matches them
all. Documents are generated and indexed in batches until the requested number is reached
or the time budget is spent; then N is however many were indexed, and says so.

Each query is timed two ways: the whole search page (`/search/?q=...` through Django's
test client, in process: middleware, the three searches, snippets, the template) and the
index query alone (the ten best-ranked documents). Prints figures; asserts nothing.
"""

import argparse
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from servers import clean_environment, create_database

ROOT = Path(__file__).resolve().parents[1]
WORDS_PER_CHUNK = 300
BATCH = 1000
EVERY_DOCUMENT_WORD = "safeguarding"
RARE_MARKER = "zanzibarite"


def vocabulary(size=6000, seed=7):
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(4, 10))))
    return sorted(words)


def _progress(message):
    print(f"    {message}", file=sys.stderr, flush=True)


def _percentile(timings, fraction):
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, max(0, round(len(ordered) * fraction) - 1))]


def run_child(args):
    """With DATABASE_URL pointing at a scratch database: fill, index, time, print JSON."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()
    import datetime

    from django.contrib.auth.models import AnonymousUser
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone
    from wagtail.documents import get_document_model
    from wagtail.models import Site
    from wagtail.search.backends import get_search_backend

    from hub.core.models import Consortium, Partnership
    from hub.library.models import DocumentVersion, LibraryDocument

    if args.migrate:
        call_command("migrate", verbosity=0)
    consortium = Consortium.objects.create(name="Bench consortium", slug="bench")
    partnership = Partnership.objects.create(
        name="Bench partnership",
        short_name="Bench",
        slug="bench",
        consortium=consortium,
        site=Site.objects.get(is_default_site=True),
    )
    dummy = get_document_model().objects.create(
        title="bench", file=ContentFile(b"%PDF-1.4\n", name="bench.pdf")
    )
    words = vocabulary()
    # Cumulative weights once, not per call: choices() would otherwise sum 6,000 each time.
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))
    rng = random.Random(11)
    published = timezone.now() - datetime.timedelta(days=30)
    backend = get_search_backend()

    started = time.perf_counter()
    made = 0
    indexing_s = 0.0  # of which: Wagtail's backend writing the index (the rest is generating)
    last_batch_s = 0.0
    while made < args.chunks:
        if time.perf_counter() - started > args.budget:
            break
        count = min(BATCH, args.chunks - made)
        documents = LibraryDocument.objects.bulk_create(
            [
                LibraryDocument(
                    partnership=partnership,
                    consortium=consortium,
                    title=" ".join(rng.choices(words, cum_weights=weights, k=6)).capitalize(),
                    slug=f"bench-{made + index}",
                    summary=" ".join(rng.choices(words, cum_weights=weights, k=30)),
                    document_type="guidance",
                    reach="local",
                    contact_role="Bench",
                )
                for index in range(count)
            ]
        )
        versions = []
        for document in documents:
            text = " ".join(rng.choices(words, cum_weights=weights, k=WORDS_PER_CHUNK))
            text += f" {EVERY_DOCUMENT_WORD}"
            if document.pk % 1000 == 0:
                text += f" {RARE_MARKER}"
            versions.append(
                DocumentVersion(
                    document=document,
                    number=1,
                    version_label="1",
                    file=dummy,
                    original_filename="bench.pdf",
                    kind="pdf",
                    size_bytes=1,
                    what_changed="-",
                    approved_by="-",
                    approved_on=published.date(),
                    published_at=published,
                    text=text,
                    page_count=1,
                    word_count=WORDS_PER_CHUNK + 1,
                    extraction_status="done",
                )
            )
        DocumentVersion.objects.bulk_create(versions)
        batch = LibraryDocument.objects.with_current_version().filter(
            pk__in=[document.pk for document in documents]
        )
        batch = list(batch)
        begun = time.perf_counter()
        backend.add_bulk(LibraryDocument, batch)
        last_batch_s = time.perf_counter() - begun
        indexing_s += last_batch_s
        made += count
        if made % 10_000 == 0:
            _progress(f"{made:,} chunks indexed after {time.perf_counter() - started:.0f} s")
    filled_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        # What autovacuum would soon do on a real server: planner statistics.
        cursor.execute("ANALYZE")

    common, middling, rare = words[0], words[200], words[3000]
    queries = {
        f"every chunk ({EVERY_DOCUMENT_WORD})": EVERY_DOCUMENT_WORD,
        "most common word": common,
        "middling word": middling,
        "two middling words": f"{middling} {words[350]}",
        "rare word": rare,
        "word in 0.1% of chunks": RARE_MARKER,
    }
    client = Client()
    visible = LibraryDocument.objects.for_partnership(partnership).visible_to(AnonymousUser())

    def page(query):
        response = client.get("/search/", {"q": query}, HTTP_HOST="localhost")
        if response.status_code != 200:
            raise RuntimeError(f"/search/?q={query} answered {response.status_code}")

    def index_query(query):
        return list(visible.search(query, operator="and")[:10])

    results = {}
    for label, query in queries.items():
        figures = {"matches": LibraryDocument.objects.search(query, operator="and").count()}
        for kind, call in (("page", page), ("index", index_query)):
            call(query)  # warm: the first call pays for imports and cold caches
            timings = []
            spent = time.perf_counter()
            while len(timings) < args.repeats and (
                len(timings) < 5 or time.perf_counter() - spent < args.query_seconds
            ):
                begun = time.perf_counter()
                call(query)
                timings.append((time.perf_counter() - begun) * 1000)
            figures[f"{kind}_p50_ms"] = statistics.median(timings)
            figures[f"{kind}_p95_ms"] = _percentile(timings, 0.95)
            figures[f"{kind}_runs"] = len(timings)
        results[label] = figures
        _progress(f"{label}: page p95 {figures['page_p95_ms']:.0f} ms")
    print(
        json.dumps(
            {
                "chunks": made,
                "requested": args.chunks,
                "budget_s": args.budget,
                "fill_s": filled_s,
                "index_s": indexing_s,
                "last_batch_per_second": count / last_batch_s if last_batch_s else 0,
                "words_per_chunk": WORDS_PER_CHUNK,
                "queries": results,
            }
        )
    )


def measure(database_url, var_dir, *, chunks, budget, repeats=30, query_seconds=5, migrate):
    """Run the child against `database_url`; return its figures as a dict."""
    env = {
        **clean_environment(),
        "DATABASE_URL": database_url,
        "HUB_VAR_DIR": str(var_dir),
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        # As in production: a connection is kept, not opened per request.
        "DATABASE_CONN_MAX_AGE": "60",
    }
    command = [
        sys.executable,
        __file__,
        "--child",
        f"--chunks={chunks}",
        f"--budget={budget}",
        f"--repeats={repeats}",
        f"--query-seconds={query_seconds}",
    ] + (["--migrate"] if migrate else [])
    output = subprocess.run(
        command, env=env, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def print_report(report, out=print):
    out(
        f"N = {report['chunks']:,} chunks of {report['words_per_chunk']} words "
        f"(asked for {report['requested']:,}), generated and indexed in {report['fill_s']:.0f} s, "
        f"of which {report['index_s']:.0f} s in Wagtail's index writes (last batch: "
        f"{report['last_batch_per_second']:.0f} chunks/s)"
    )
    if report["chunks"] < report["requested"]:
        out(
            f"NOTE: the {report['budget_s']:.0f} s budget ran out after {report['chunks']:,} "
            f"chunks: these figures are for N = {report['chunks']:,}, not {report['requested']:,}"
        )
    out(
        f"{'query':<32} {'matches':>8} {'page p50':>9} {'page p95':>9} "
        f"{'index p50':>10} {'index p95':>10}"
    )
    for label, figures in report["queries"].items():
        out(
            f"{label:<32} {figures['matches']:>8,} {figures['page_p50_ms']:>9.1f} "
            f"{figures['page_p95_ms']:>9.1f} {figures['index_p50_ms']:>10.1f} "
            f"{figures['index_p95_ms']:>10.1f}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--budget", type=float, default=180, help="seconds to fill the index")
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--query-seconds", type=float, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--migrate", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args)
        return
    import tempfile

    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="hub-bench-") as scratch:
        url = create_database(stack, "hub_bench_search")
        report = measure(
            url,
            Path(scratch),
            chunks=args.chunks,
            budget=args.budget,
            repeats=args.repeats,
            query_seconds=args.query_seconds,
            migrate=True,
        )
    print_report(report)


if __name__ == "__main__":
    main()
