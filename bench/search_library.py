"""Search latency over a large library, on SQLite and on PostgreSQL.

    .venv/bin/python bench/search_library.py                 # 10,000 documents, 10 pages each
    .venv/bin/python bench/search_library.py --documents 1000 --pages 5 --databases sqlite

Each database is fresh: migrated, filled with generated documents (about 300 words a page,
words drawn from a Zipf-like vocabulary so some are common and some rare), indexed with
Wagtail's database search backend, then queried through the same code path as the library
page. Prints indexing time and p50/p95 latency per query kind. Asserts nothing about time.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_ADMIN_URL = os.environ.get("POSTGRES_TEST_URL", "postgres://postgres@127.0.0.1:5432/hub")
WORDS_PER_PAGE = 300


def vocabulary(size=6000, seed=7):
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 10))))
    return sorted(words)


def run_child(args):
    """In a child process with DATABASE_URL set: build, index, query, print JSON."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    django.setup()
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db import connection
    from wagtail.documents import get_document_model
    from wagtail.search.backends import get_search_backend

    from hub.core.models import Consortium, Partnership
    from hub.library.models import DocumentVersion, LibraryDocument

    call_command("migrate", verbosity=0)
    consortium = Consortium.objects.create(name="Bench consortium", slug="bench")
    partnership = Partnership.objects.create(
        name="Bench partnership", short_name="Bench", slug="bench", consortium=consortium
    )
    dummy = get_document_model().objects.create(
        title="bench", file=ContentFile(b"%PDF-1.4\n", name="bench.pdf")
    )
    words = vocabulary()
    weights = [1 / (rank + 1) for rank in range(len(words))]
    rng = random.Random(11)
    started = time.perf_counter()
    batch = 500
    for first in range(0, args.documents, batch):
        count = min(batch, args.documents - first)
        documents = LibraryDocument.objects.bulk_create(
            [
                LibraryDocument(
                    partnership=partnership,
                    consortium=consortium,
                    title=" ".join(rng.choices(words, weights, k=6)).capitalize(),
                    slug=f"bench-{first + index}",
                    summary=" ".join(rng.choices(words, weights, k=30)),
                    document_type="guidance",
                    reach="local",
                    contact_role="Bench",
                )
                for index in range(count)
            ]
        )
        versions = []
        for document in documents:
            text = " ".join(rng.choices(words, weights, k=WORDS_PER_PAGE * args.pages))
            if document.pk % 1000 == 0:
                text += " zanzibarite"  # a rare word in a few documents
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
                    approved_on="2026-01-01",
                    text=text,
                    page_count=args.pages,
                    word_count=WORDS_PER_PAGE * args.pages,
                    extraction_status="done",
                )
            )
        DocumentVersion.objects.bulk_create(versions)
    generated = time.perf_counter() - started

    started = time.perf_counter()
    backend = get_search_backend()
    queryset = LibraryDocument.objects.order_by("pk")
    for first in range(0, args.documents, 200):
        backend.add_bulk(LibraryDocument, list(queryset[first : first + 200]))
    if connection.vendor == "postgresql":
        # What autovacuum would soon do on a real server: planner statistics.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    indexed = time.perf_counter() - started

    common, middling, rare = words[0], words[200], words[3000]
    queries = {
        "common word (matches nearly every document)": common,
        "middling word": middling,
        "rare word": rare,
        "two words, both required": f"{middling} {words[350]}",
        "word in 0.1% of documents": "zanzibarite",
    }
    results = {}
    for label, query in queries.items():
        timings = []
        hits = 0
        for _ in range(args.repeats):
            started = time.perf_counter()
            found = list(
                LibraryDocument.objects.for_partnership(partnership).search(query, operator="and")[
                    :10
                ]
            )
            timings.append((time.perf_counter() - started) * 1000)
            hits = len(found)
        timings.sort()
        results[label] = {
            "p50_ms": statistics.median(timings),
            "p95_ms": timings[max(0, int(len(timings) * 0.95) - 1)],
            "first_page_hits": hits,
        }
    print(
        json.dumps(
            {
                "vendor": connection.vendor,
                "documents": args.documents,
                "pages": args.documents * args.pages,
                "generate_s": generated,
                "index_s": indexed,
                "queries": results,
            }
        )
    )


def fresh_database(kind, scratch):
    if kind == "sqlite":
        return f"sqlite:///{scratch / 'bench.sqlite3'}", lambda: None
    import psycopg

    name = f"hub_bench_{os.getpid()}"
    with psycopg.connect(
        host="127.0.0.1", user="postgres", dbname="postgres", autocommit=True
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(
            host="127.0.0.1", user="postgres", dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"postgres://postgres@127.0.0.1:5432/{name}", drop


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args)
        return
    for kind in args.databases.split(","):
        scratch = Path(tempfile.mkdtemp(prefix="hub-bench-"))
        url, drop = fresh_database(kind, scratch)
        environment = {
            **os.environ,
            "DATABASE_URL": url,
            "HUB_VAR_DIR": str(scratch),
            "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        }
        try:
            output = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    f"--documents={args.documents}",
                    f"--pages={args.pages}",
                    f"--repeats={args.repeats}",
                ],
                env=environment,
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        finally:
            drop()
        report = json.loads(output.strip().splitlines()[-1])
        print(
            f"\n{report['vendor']}: {report['documents']:,} documents, {report['pages']:,} "
            f"pages of text; generated in {report['generate_s']:.0f} s, indexed in "
            f"{report['index_s']:.0f} s"
        )
        print(f"{'query':<46} {'p50 ms':>8} {'p95 ms':>8} {'hits':>5}")
        for label, figures in report["queries"].items():
            print(
                f"{label:<46} {figures['p50_ms']:>8.1f} {figures['p95_ms']:>8.1f} "
                f"{figures['first_page_hits']:>5}"
            )


if __name__ == "__main__":
    main()
