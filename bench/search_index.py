"""Site search over the Hub's own chunk index (hub/search/engine.py) at 10,000 and 100,000
chunks, on SQLite and on PostgreSQL.

    .venv/bin/python bench/search_index.py [--chunks 10000 100000] [--database sqlite postgresql]
                                           [--repeats 30] [--no-record]

For each database, a scratch one (a SQLite file in a temporary folder; `hub_bench_search_index`
on 127.0.0.1:5432, dropped afterwards; never the developer's or the tests' databases):

1. migrate and `load_demo` (the consortium "South West (demo)", whose Westshire is the
   partnership measured); the judged queries (tests/search/judged.py, when it is there) are run
   on the demo alone;
2. partnerships are added so the demo consortium has 12, and a second consortium of 4; then
   generated documents (a Zipf-like invented vocabulary with some real safeguarding words
   mixed in, numbered headings, 300–1,000 words) are cut by `chunk_text` and written with
   `engine.replace_source`, a transaction per batch, until the index holds the next size.
   Westshire holds about a tenth of the chunks and the consortium's regional ones another
   twentieth; the rest belong to the other partnerships. Visibility is mixed (public,
   signed in, restricted). Every paragraph holds "safeguarding", so that word matches every
   chunk. Indexing throughput is chunks per second from the text to committed index rows,
   with and without the spelling vocabulary `indexing.index` also keeps; no text is extracted
   from files (the text is generated), so extraction is not part of it;
3. at each size, p50/p95 for each query class, timed through the search page (Django's test
   client, GET /search/?q=… on Westshire's host, signed out: middleware, the engine, ordering,
   counts, spelling, snippets, the template) and as the engine call alone; an uncached content
   page of the demo for comparison (PAGE_CACHE_SECONDS=0 and no Redis, so the page cache never
   answers); at the largest size the judged queries again.

Prints a table and appends a dated section to bench/RESULTS.md (not with --no-record).
Asserts nothing about time.
"""

import argparse
import datetime
import itertools
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
RESULTS_FILE = ROOT / "bench" / "RESULTS.md"
POSTGRES_DATABASE = "hub_bench_search_index"
HOST = "westshire.localhost"
EVERY_CHUNK_WORD = "safeguarding"
RARE_WORD = "zanzibarite"  # in about one document in a thousand
BATCH_DOCUMENTS = 200
PARTNERSHIPS_IN_CONSORTIUM = 12
SECOND_CONSORTIUM_PARTNERSHIPS = 4
# Real words, so that the judged queries meet competition from the generated chunks.
_REAL = (
    "child children neglect abuse domestic information sharing core group strategy meeting "
    "discussion referral officer designated allegations staff protection plan conference "
    "escalation threshold levels need early help assessment exploitation sexual criminal "
    "missing harm injury bruise baby parent carer school police health social care worker "
    "practitioner concern risk review learning training procedure guidance policy"
)
REAL_WORDS = _REAL.split()


def vocabulary(size=6000, seed=7):
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(4, 10))))
    words.discard(RARE_WORD)
    # Shuffled (from a sorted list, so the same in every process): the most common words
    # are not the alphabetically first.
    words = sorted(words)
    rng.shuffle(words)
    return words


WORDS = vocabulary()
# Query classes: (label, what is typed).
QUERIES = [
    ("rare word", RARE_WORD),
    (f"common word ({EVERY_CHUNK_WORD})", EVERY_CHUNK_WORD),
    ("two words", f"{WORDS[40]} {WORDS[90]}"),
    ("phrase in quotes", f'"{WORDS[0]} {WORDS[1]}"'),
    ("misspelling (safegaurding)", "safegaurding"),
    ("acronym (LADO)", "LADO"),
]


def _progress(message):
    print(f"    {message}", file=sys.stderr, flush=True)


def percentile(timings, fraction):
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, max(0, round(len(ordered) * fraction) - 1))]


# -- the child: one database --------------------------------------------------------------


class Corpus:
    """Generated documents, written to the index in batches."""

    def __init__(self, partnerships, regional_consortium, seed=11):
        self.rng = random.Random(seed)
        self.weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(WORDS))))
        self.partnerships = partnerships  # [(partnership, weight)]
        self.regional = regional_consortium
        self.made = 0
        self.index_s = 0.0
        self.rows_s = 0.0
        self.chunks = 0

    def _words(self, count):
        words = self.rng.choices(WORDS, cum_weights=self.weights, k=count)
        for position in range(0, count, 20):
            words[position] = self.rng.choice(REAL_WORDS)
        return words

    def _paragraph(self, count):
        words = self._words(count)
        words.insert(self.rng.randrange(len(words)), EVERY_CHUNK_WORD)
        return " ".join(words).capitalize() + "."

    def document(self):
        """(title, text): numbered headings every 150–400 words."""
        rng = self.rng
        title = " ".join(self._words(rng.randint(2, 6))).capitalize()
        total = rng.randint(300, 1000)
        lines, written, section = [], 0, 0
        while written < total:
            if written == 0 or rng.random() < 0.3:
                section += 1
                heading = " ".join(word.capitalize() for word in self._words(rng.randint(2, 4)))
                lines.append(f"{section} {heading}")
            count = min(rng.randint(40, 120), total - written)
            lines.append(self._paragraph(max(count, 10)))
            written += count
        if rng.random() < 0.001 or self.made % 1000 == 500:
            lines[-1] += f" {RARE_WORD}."
        return title, "\n".join(lines)

    def scope(self):
        """(partnership, consortium, visibility) of the next document."""
        rng = self.rng
        pick = rng.random()
        if pick < 0.05:
            partnership, consortium = None, self.regional
        else:
            partnership = rng.choices(
                [p for p, _ in self.partnerships], weights=[w for _, w in self.partnerships]
            )[0]
            consortium = partnership.consortium
        visibility = rng.choices(["public", "signed_in", "restricted"], weights=[70, 15, 15])[0]
        return partnership, consortium, visibility

    def fill(self, until):
        """Generate and index documents until the index holds `until` chunks."""
        from django.db import transaction

        from hub.search import engine
        from hub.search.chunking import chunk_text
        from hub.search.models import SearchChunk
        from hub.search.spelling import add_words

        have = SearchChunk.objects.count()
        while have < until:
            documents = []
            for _ in range(BATCH_DOCUMENTS):
                self.made += 1
                documents.append((self.made, *self.document(), *self.scope()))
            begun = time.perf_counter()
            written = []
            with transaction.atomic():
                sources = {}
                for number, title, text, partnership, consortium, visibility in documents:
                    sources[number] = chunks = [
                        SearchChunk(
                            kind="Document",
                            title=title,
                            heading=piece.heading[:300],
                            text=piece.text,
                            url=f"/library/bench-{number}/",
                            partnership=partnership,
                            consortium=consortium,
                            visibility=visibility,
                            reach="local" if partnership else "regional",
                        )
                        for piece in chunk_text(text)
                    ]
                    written += chunks
                engine.replace_sources("bench", sources)
            rows_done = time.perf_counter()
            add_words(written)
            done = time.perf_counter()
            self.rows_s += rows_done - begun
            self.index_s += done - begun
            self.chunks += len(written)
            before = have
            have += len(written)
            if have // 10_000 != before // 10_000:
                _progress(
                    f"{have:,} chunks; {self.chunks / self.index_s:,.0f} chunks/s "
                    f"({self.chunks / self.rows_s:,.0f} without the vocabulary)"
                )
        return have


def time_calls(call, repeats, seconds):
    call()  # warm: the first call pays for imports and cold caches
    timings = []
    spent = time.perf_counter()
    while len(timings) < repeats and (len(timings) < 5 or time.perf_counter() - spent < seconds):
        begun = time.perf_counter()
        call()
        timings.append((time.perf_counter() - begun) * 1000)
    return {
        "p50_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 0.95),
        "runs": len(timings),
    }


def matching_chunks(query, partnership):
    """How many chunks of the whole index the query (with synonyms) matches."""
    from django.db import connection

    from hub.search import engine

    expanded = engine.expand(engine.tidy(query), engine.synonym_groups(partnership))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM hubsearch_searchchunk "
                "WHERE search_vector @@ websearch_to_tsquery('english', %s)",
                [expanded],
            )
        else:
            match = engine.fts5_query(expanded)
            if match is None:
                return 0
            cursor.execute(
                "SELECT count(*) FROM hubsearch_chunk_fts WHERE hubsearch_chunk_fts MATCH %s",
                [match],
            )
        return cursor.fetchone()[0]


def judged_figures(partnership):
    """Top-3 accuracy and mean reciprocal rank of the judged queries (tests/search/judged.py,
    its own `score`) on the search page's order (hub/search/results.py, signed out), or None
    when that file is not there."""
    try:
        from tests.search.judged import JUDGED, score
    except ImportError:
        return None
    from django.contrib.auth.models import AnonymousUser

    from hub.search import results

    def search(query):
        found = results.run(query, partnership=partnership, user=AnonymousUser()).results
        return [result.url for result in found]

    scores = score(search)
    return {
        "queries": len(JUDGED),
        "top3": 100 * scores.top3,
        "mrr": scores.mrr,
        "misses": list(scores.misses),
    }


def run_child(args):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from wagtail.models import Site

    from hub.core.models import Consortium, Partnership
    from hub.search import engine, indexing
    from hub.search.models import SearchChunk
    from hub.site.models import ContentPage

    report = {"vendor": connection.vendor, "sizes": {}}
    begun = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    report["setup_s"] = time.perf_counter() - begun
    westshire = Partnership.objects.select_related("consortium").get(slug="westshire")
    report["demo_chunks"] = SearchChunk.objects.count()
    report["judged_demo"] = judged_figures(westshire)
    _progress(f"demo loaded in {report['setup_s']:.0f} s: {report['demo_chunks']:,} chunks")

    consortium = westshire.consortium
    existing = list(Partnership.objects.filter(consortium=consortium))
    for number in range(len(existing), PARTNERSHIPS_IN_CONSORTIUM):
        existing.append(
            Partnership.objects.create(
                name=f"Bench partnership {number}",
                short_name=f"Bench {number}",
                slug=f"bench-{number}",
                consortium=consortium,
            )
        )
    second = Consortium.objects.create(name="Bench North", slug="bench-north")
    others = [
        Partnership.objects.create(
            name=f"Bench North {number}",
            short_name=f"North {number}",
            slug=f"bench-north-{number}",
            consortium=second,
        )
        for number in range(SECOND_CONSORTIUM_PARTNERSHIPS)
    ]
    # Westshire about a tenth of the documents; the others share the rest.
    everyone = [(p, 1.0) for p in existing + others if p.pk != westshire.pk]
    weights = [(westshire, sum(w for _, w in everyone) / 9), *everyone]
    corpus = Corpus(weights, consortium)

    site = Site.objects.get(hostname=HOST)
    page = ContentPage.objects.live().public().descendant_of(site.root_page).order_by("path")[0]
    content_url = page.relative_url(site)
    client = Client()

    def get(url, params=None):
        response = client.get(url, params, HTTP_HOST=HOST)
        if response.status_code != 200:
            raise RuntimeError(f"{url} {params} answered {response.status_code}")
        return response

    for size in sorted(args.chunks):
        have = corpus.fill(size)
        # The demo's own chunks written again, after the generated ones (as when editors
        # publish on a grown site), so no engine is helped by their being the oldest rows.
        indexing.rebuild()
        if connection.vendor == "postgresql":
            # What autovacuum does soon after a bulk load: planner statistics, and the GIN
            # index's pending entries merged.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE hubsearch_searchchunk")
        if args.fill_only:
            continue
        figures = {
            "chunks": have,
            "westshire_chunks": SearchChunk.objects.filter(partnership=westshire).count(),
            "regional_chunks": SearchChunk.objects.filter(
                partnership=None, consortium=consortium
            ).count(),
            "queries": {},
        }
        figures["content_page"] = time_calls(
            lambda: get(content_url), args.repeats, args.query_seconds
        )
        for label, query in QUERIES:
            row = {"query": query, "matches": matching_chunks(query, westshire)}
            row["page"] = time_calls(
                lambda query=query: get("/search/", {"q": query}),
                args.repeats,
                args.query_seconds,
            )
            row["engine"] = time_calls(
                lambda query=query: engine.search(query, partnership=westshire),
                args.repeats,
                args.query_seconds,
            )
            row["hits"] = len(engine.search(query, partnership=westshire))
            figures["queries"][label] = row
            _progress(
                f"{have:,} chunks, {label}: page p95 {row['page']['p95_ms']:.1f} ms, "
                f"engine p95 {row['engine']['p95_ms']:.1f} ms"
            )
        report["sizes"][str(size)] = figures
    report["judged_full"] = judged_figures(westshire)
    report["indexed_chunks"] = corpus.chunks
    report["index_per_s"] = corpus.chunks / corpus.index_s if corpus.index_s else 0
    report["rows_per_s"] = corpus.chunks / corpus.rows_s if corpus.rows_s else 0
    print(json.dumps(report))


# -- the parent: scratch databases, the table, RESULTS.md ---------------------------------


def measure(database, args, stack, scratch):
    import servers

    if args.keep:
        # For profiling by hand afterwards: the databases stay (named here).
        stack, scratch = ExitStack(), Path(tempfile.mkdtemp(prefix="hub-bench-search-kept-"))
        print(f"keeping the {database} database: {scratch} / {POSTGRES_DATABASE}", file=sys.stderr)
    if database == "postgresql":
        url = servers.create_database(stack, POSTGRES_DATABASE)
    else:
        url = f"sqlite:///{scratch / 'bench-search.sqlite3'}"
    var_dir = scratch / f"var-{database}"
    var_dir.mkdir()
    env = {
        **servers.clean_environment(),
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "DATABASE_URL": url,
        "HUB_VAR_DIR": str(var_dir),
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        # As in production: a connection kept between requests.
        "DATABASE_CONN_MAX_AGE": "60",
        # No Redis and no page cache: every content page is made afresh.
        "PAGE_CACHE_SECONDS": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    command = [
        sys.executable,
        __file__,
        "--child",
        "--chunks",
        *[str(size) for size in args.chunks],
        f"--repeats={args.repeats}",
        f"--query-seconds={args.query_seconds}",
    ]
    output = subprocess.run(
        command, env=env, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _judged_lines(report):
    demo, full = report.get("judged_demo"), report.get("judged_full")
    if demo is None or full is None:
        return ["judged queries: not run (tests/search/judged.py is not there)"]
    largest = max(int(size) for size in report["sizes"])
    lines = [
        f"judged queries ({demo['queries']}): top-3 {demo['top3']:.1f}% and MRR "
        f"{demo['mrr']:.3f} on the demo alone; top-3 {full['top3']:.1f}% and MRR "
        f"{full['mrr']:.3f} at {largest:,} chunks (difference "
        f"{full['top3'] - demo['top3']:+.1f} points; allowed: -5)"
    ]
    lines += [f"  missed on the demo alone: {miss}" for miss in demo["misses"]]
    lines += [f"  missed at {largest:,} chunks: {miss}" for miss in full["misses"]]
    return lines


def lines_for(database, report):
    out = [
        f"{database}: demo {report['demo_chunks']:,} chunks (set up in {report['setup_s']:.0f} s); "
        f"indexing {report['index_per_s']:,.0f} chunks/s from text to committed rows with the "
        f"spelling vocabulary, {report['rows_per_s']:,.0f} chunks/s rows only "
        f"({report['indexed_chunks']:,} generated chunks; no extraction: the text is generated)",
        *_judged_lines(report),
        f"{'chunks':>8}  {'query':<28} {'matches':>8} {'hits':>5} {'page p50':>9} "
        f"{'page p95':>9} {'engine p50':>11} {'engine p95':>11}",
    ]
    for figures in report["sizes"].values():
        content = figures["content_page"]
        worst = max(row["page"]["p95_ms"] for row in figures["queries"].values())
        for label, row in figures["queries"].items():
            out.append(
                f"{figures['chunks']:>8,}  {label:<28} {row['matches']:>8,} {row['hits']:>5} "
                f"{row['page']['p50_ms']:>9.1f} {row['page']['p95_ms']:>9.1f} "
                f"{row['engine']['p50_ms']:>11.1f} {row['engine']['p95_ms']:>11.1f}"
            )
        out.append(
            f"{figures['chunks']:>8,}  {'uncached content page':<28} {'':>8} {'':>5} "
            f"{content['p50_ms']:>9.1f} {content['p95_ms']:>9.1f}"
        )
        out.append(
            f"{'':>8}  Westshire holds {figures['westshire_chunks']:,} chunks, the consortium's "
            f"regional {figures['regional_chunks']:,}; slowest search page p95 {worst:.1f} ms "
            f"(target < 50); search page p50 ÷ content page p50: "
            + ", ".join(
                f"{label.split(' (')[0]} {row['page']['p50_ms'] / content['p50_ms']:.2f}×"
                for label, row in figures["queries"].items()
            )
            + " (target ≤ 1.5×)"
        )
    return out


def machine_lines():
    import servers

    cpu = "unknown"
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    import sqlite3

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
    parser.add_argument("--chunks", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--database", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"]
    )
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--query-seconds", type=float, default=6, help="at most, per timing")
    parser.add_argument("--no-record", action="store_true", help="do not write RESULTS.md")
    parser.add_argument("--note", default="", help="a line to add to the RESULTS.md section")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    # For profiling by hand: with DATABASE_URL naming a scratch database, only fill it.
    parser.add_argument("--fill-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help=argparse.SUPPRESS)
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
    if args.no_record:
        return
    section = [
        "",
        f"## Search index (bench/search_index.py), {started:%Y-%m-%d %H:%M} UTC",
        "",
        *[f"- {line}" for line in machine],
        "- times in ms; the search page is GET /search/?q=… on Westshire's site through "
        "Django's test client, signed out, snippets included; the engine is "
        "`engine.search(q, partnership=westshire)`; matches = chunks of the whole index "
        "matching; hits = sources the engine returns for Westshire",
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
