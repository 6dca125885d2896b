"""What each page type costs in one process, set against a stock Wagtail home page on the same
Wagtail and the same database engine.

    .venv/bin/python bench/page_costs.py [--requests 300] [--database sqlite|postgresql]
                                         [--grow] [--no-record]

The in-process cost is the time Django's test client takes for one GET, from the middleware
to the rendered page, with no server, network or worker in between: what a page costs the
CPU, and so the ceiling of what gunicorn can serve (bench/run.py measures that through
gunicorn). The issue's targets (issue 21) are set on it: every anonymous page at least as
cheap as the stock Wagtail home page (stock p50 ÷ page p50 ≥ 1.0×) and signed-in pages within
2× of it (≥ 0.5×).

In one run, on a scratch database (a SQLite file in a temporary folder, or
`hub_bench_page_costs` on 127.0.0.1:5432, dropped afterwards; never the developer's or the
tests' databases):

1. the Hub as in production: PRODUCTION=1 (DEBUG off, the manifest static files, so
   `collectstatic` runs first), Redis db 5 for the cache, the sessions and the shared
   fragments' content generation (flushed at the start and at the end), a database
   connection kept between requests, and no page cache (PAGE_CACHE_SECONDS=0), so every
   request makes its page; migrate and `load_demo`; with --grow, ten times the demo's rows
   of what the listings grow with first: the demo consortium made 12 partnerships and 1,000
   library documents added for Westshire (bench/library_listing.py's `add_documents`, with
   their versions' extracted text);
2. each page type on Westshire's host: signed out, the home page, a content page, the
   library, a document, the procedures' contents and a chapter, the training programme, a
   course, a session and a search; signed in (`force_login`, with the second factor staff
   must have), a practitioner's My training, an agency lead's section 11 task list, an agency
   training coordinator's training records and a reviewer's round dashboard. The document,
   chapter, course and session are the first ones their listing links to. Each page: two
   requests to warm it, `--requests` timed ones (p50, p95), then one more whose queries are
   counted;
3. `wagtail start` with the installed Wagtail, on the same engine (bench/stock_wagtail.py),
   its home page timed by the same loop in its own process, taking turns with the Hub's
   pages: before the first, then after each. A shared machine's load drifts over minutes,
   so each page is set against the stock home page timed just before and just after it.

Prints a table (queries, size, p50, p95, stock p50 ÷ page p50, target met) and appends a dated
section to bench/RESULTS.md (not with --no-record). Asserts nothing about time.
"""

import argparse
import datetime
import json
import os
import platform
import re
import secrets
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
RESULTS_FILE = ROOT / "bench" / "RESULTS.md"
POSTGRES_DATABASE = "hub_bench_page_costs"
STOCK_POSTGRES_DATABASE = "hub_bench_page_costs_stock"
REDIS_URL = "redis://127.0.0.1:6379/5"
ANSWER = "@@page_costs "  # starts each line a child answers with
HOST = "westshire.localhost"
STOCK_HOST = "localhost"
GROWN_PARTNERSHIPS = 12
GROWN_DOCUMENTS = 1000
ANONYMOUS_TARGET = 1.0  # stock p50 ÷ page p50, at least
SIGNED_IN_TARGET = 0.5

PRACTITIONER = "practitioner@westbury-academy.example"
AGENCY_LEAD = "lead@westbury-academy.example"
AGENCY_TRAINING_COORDINATOR = "training@westbury-academy.example"
SECTION_11_REVIEWER = "s11@westshire.example"

# A listing's first link to one of its items; the other paths under the same prefix are
# the listing's own pages.
DOCUMENT_LINK = r'href="(/library/[a-z0-9-]+/)"'
CHAPTER_LINK = r'href="(/procedures/(?!updates/|glossary/|as-at/)[a-z0-9-]+/)"'
COURSE_LINK = r'href="(/training/(?!my-training/|manage/|sessions/|bookings/|waiting/)[a-z0-9-]+/)"'
SESSION_LINK = r'href="(/training/sessions/\d+/)"'


def _progress(message):
    print(f"    {message}", file=sys.stderr, flush=True)


def percentile(timings, fraction):
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, max(0, round(len(ordered) * fraction) - 1))]


def time_page(get, url, requests):
    """Timings (ms) of `requests` GETs after two to warm, and the queries of one more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):
        get(url)
    timings = []
    for _ in range(requests):
        begun = time.perf_counter()
        get(url)
        timings.append((time.perf_counter() - begun) * 1000)
    with CaptureQueriesContext(connection) as queries:
        size = len(get(url).content)
    return {
        "url": url,
        "timings": timings,
        "queries": len(queries.captured_queries),
        "kb": size / 1024,
    }


def getter(client, host):
    def get(url):
        response = client.get(url, HTTP_HOST=host)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response

    return get


# -- the children: the Hub, or the stock Wagtail site ---------------------------------------


def grow():
    """Ten times the demo's rows of what the listings grow with (see the docstring)."""
    from library_listing import add_documents

    from hub.core.models import Partnership

    westshire = Partnership.objects.select_related("consortium").get(slug="westshire")
    have = Partnership.objects.filter(consortium=westshire.consortium).count()
    Partnership.objects.bulk_create(
        Partnership(
            name=f"Bench partnership {number}",
            short_name=f"Bench {number}",
            slug=f"bench-{number}",
            consortium=westshire.consortium,
        )
        for number in range(have, GROWN_PARTNERSHIPS)
    )
    versions = add_documents(westshire, GROWN_DOCUMENTS)
    return {
        "partnerships": GROWN_PARTNERSHIPS,
        "documents": GROWN_DOCUMENTS,
        "versions": versions,
    }


def signed_in_client(email):
    """A client signed in as `email`, with a second factor when the person's roles need one
    (as the Hub's tests give their staff)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from allauth.mfa.utils import is_mfa_enabled
    from django.test import Client

    from hub.core.models import User
    from hub.core.permissions import requires_second_factor

    user = User.objects.get(email=email)
    if requires_second_factor(user) and not is_mfa_enabled(user):
        TOTP.activate(user, generate_totp_secret())
    client = Client()
    client.force_login(user)
    return client


def first_link(get, url, pattern):
    match = re.search(pattern, get(url).content.decode())
    if not match:
        raise RuntimeError(f"{url} links to nothing matching {pattern}")
    return match[1]


def run_hub_child(args):
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    import wagtail
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from wagtail.models import Site

    from hub.assurance.models import Round, RoundStatus
    from hub.core.models import User
    from hub.site.models import ContentPage

    begun = time.perf_counter()
    # First: the manifest storage cannot name a static file before it, and migrating writes
    # the outage pages, which name some.
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    report = {
        "vendor": connection.vendor,
        "wagtail": wagtail.__version__,
        "django": django.get_version(),
        "grown": grow() if args.grow else None,
    }
    report["setup_s"] = time.perf_counter() - begun
    _progress(f"Hub set up in {report['setup_s']:.0f} s")

    anonymous = getter(Client(), HOST)
    site = Site.objects.get(hostname=HOST)
    content = ContentPage.objects.live().public().descendant_of(site.root_page).order_by("path")
    course = first_link(anonymous, "/training/", COURSE_LINK)
    pages = [
        ("home page", None, "/"),
        ("content page", None, content[0].relative_url(site)),
        ("library", None, "/library/"),
        ("library document", None, first_link(anonymous, "/library/", DOCUMENT_LINK)),
        ("procedures contents", None, "/procedures/"),
        ("procedure chapter", None, first_link(anonymous, "/procedures/", CHAPTER_LINK)),
        ("training programme", None, "/training/"),
        ("course", None, course),
        ("session", None, first_link(anonymous, course, SESSION_LINK)),
        ("search", None, "/search/?q=neglect"),
    ]
    demo_round = Round.objects.get(is_demo=True, status=RoundStatus.OPEN)
    lead = User.objects.get(email=AGENCY_LEAD)
    pages += [
        ("My training", PRACTITIONER, "/training/my-training/"),
        (
            "section 11 task list",
            AGENCY_LEAD,
            demo_round.submissions.get(agency=lead.agency).get_absolute_url(),
        ),
        ("agency training records", AGENCY_TRAINING_COORDINATOR, "/training/manage/agency/"),
        ("section 11 round dashboard", SECTION_11_REVIEWER, demo_round.get_absolute_url()),
    ]
    report["pages"] = [{"page": label, "user": email, "url": url} for label, email, url in pages]
    clients = {None: anonymous}

    def get_for(email):
        if email not in clients:
            clients[email] = getter(signed_in_client(email), HOST)
        return clients[email]

    answer(report)
    serve(pages, get_for, args.requests)


def run_stock_child(args):
    import django

    django.setup()
    from django.test import Client

    anonymous = getter(Client(), STOCK_HOST)
    answer({"pages": [{"page": "stock Wagtail home page", "user": None, "url": "/"}]})
    serve([("stock Wagtail home page", None, "/")], lambda email: anonymous, args.requests)


def answer(message):
    print(ANSWER + json.dumps(message), flush=True)


def serve(pages, get_for, requests):
    """Time the page whose number the parent sends, one line at a time, until it stops."""
    for line in sys.stdin:
        _, email, url = pages[int(line)]
        answer(time_page(get_for(email), url, requests))


# -- the parent: scratch databases, the table, RESULTS.md ---------------------------------


class Child:
    """A child process that sets its site up, says which pages it has, then times the one
    the parent names, whenever it names one: so the parent can alternate between the Hub
    and the stock site, and each page is set against stock Wagtail timed just before and
    just after it."""

    def __init__(self, stack, name, env, cwd, *arguments):
        self.name = name
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), *arguments],
            env=env,
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        stack.callback(self.stop)
        self.about = self._answer()

    def _answer(self):
        # Anything else the child prints (a management command's output) is passed over.
        for line in self.process.stdout:
            if line.startswith(ANSWER):
                return json.loads(line[len(ANSWER) :])
        raise RuntimeError(f"the {self.name} process stopped (exit {self.process.wait()})")

    def time(self, index):
        self.process.stdin.write(f"{index}\n")
        self.process.stdin.flush()
        return self._answer()

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def hub_environment(database_url, var_dir):
    import servers

    return {
        **servers.clean_environment(),
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "PRODUCTION": "1",
        "SECRET_KEY": secrets.token_urlsafe(50),
        # Plain HTTP in one process: no redirect to HTTPS, cookies without the secure flag.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,.localhost",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE_SECONDS": "0",
        "HUB_VAR_DIR": str(var_dir),
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def measure(args, stack, scratch):
    """(the Hub's report with each page's figures, the stock site's runs)."""
    import redis
    import servers
    import stock_wagtail

    cache = redis.Redis.from_url(REDIS_URL)
    cache.flushdb()
    stack.callback(cache.flushdb)
    if args.database == "postgresql":
        hub_url = servers.create_database(stack, POSTGRES_DATABASE)
        servers.create_database(stack, STOCK_POSTGRES_DATABASE)
        stock_database = STOCK_POSTGRES_DATABASE
    else:
        hub_url = f"sqlite:///{scratch / 'hub.sqlite3'}"
        stock_database = scratch / "stock.sqlite3"
    timing = [f"--requests={args.requests}"]

    _progress("stock Wagtail: wagtail start, migrate, collectstatic")
    folder = scratch / "stock"
    folder.mkdir()
    stock_env = stock_wagtail.generate(folder, stock_database, vendor=args.database)
    stock = Child(stack, "stock Wagtail", stock_env, folder, "--child=stock", *timing)

    _progress("the Hub: collectstatic, migrate, load_demo" + (", grow" if args.grow else ""))
    var_dir = scratch / "var"
    var_dir.mkdir()
    hub_env = hub_environment(hub_url, var_dir)
    hub = Child(stack, "Hub", hub_env, ROOT, "--child=hub", *timing, *["--grow"] * args.grow)

    stock_runs = [stock.time(0)]
    pages = []
    for index, page in enumerate(hub.about["pages"]):
        figures = {**page, **hub.time(index)}
        stock_runs.append(stock.time(0))
        figures["stock_p50"] = statistics.median(
            stock_runs[-2]["timings"] + stock_runs[-1]["timings"]
        )
        pages.append(figures)
        _progress(
            f"{page['page']}: p50 {statistics.median(figures['timings']):.1f} ms, stock "
            f"Wagtail around it {figures['stock_p50']:.1f} ms"
        )
    return {**hub.about, "pages": pages}, stock_runs


def table(hub, stock):
    pooled = [timing for run in stock for timing in run["timings"]]
    run_p50s = [statistics.median(run["timings"]) for run in stock]
    width = max(len(page["page"]) for page in hub["pages"]) + len(" (signed in)")
    lines = [
        f"{'page':<{width}}  {'queries':>7}  {'KB':>5}  {'p50 ms':>7}  {'p95 ms':>7}  "
        f"{'stock p50':>9}  {'stock÷page':>10}  target",
        f"{'stock Wagtail home page':<{width}}  {stock[0]['queries']:>7}  "
        f"{stock[0]['kb']:>5.0f}  {statistics.median(pooled):>7.1f}  "
        f"{percentile(pooled, 0.95):>7.1f}  (all {len(stock)} runs; each run's p50 from "
        f"{min(run_p50s):.1f} to {max(run_p50s):.1f} ms)",
    ]
    for page in hub["pages"]:
        p50 = statistics.median(page["timings"])
        ratio = page["stock_p50"] / p50
        target = ANONYMOUS_TARGET if page["user"] is None else SIGNED_IN_TARGET
        label = page["page"] + ("" if page["user"] is None else " (signed in)")
        lines.append(
            f"{label:<{width}}  {page['queries']:>7}  {page['kb']:>5.0f}  {p50:>7.1f}  "
            f"{percentile(page['timings'], 0.95):>7.1f}  {page['stock_p50']:>9.1f}  "
            f"{ratio:>9.2f}×  {'met' if ratio >= target else 'MISSED'} (≥ {target:.1f}×)"
        )
    urls = "pages: " + ", ".join(f"{page['page']} {page['url']}" for page in hub["pages"])
    return [*lines, "", *textwrap.wrap(urls, 100, subsequent_indent="  ")]


def description(args, hub, stock):
    import servers

    engine = f"SQLite {sqlite3.sqlite_version}"
    if args.database == "postgresql":
        engine = f"PostgreSQL {servers.postgres_version()}"
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    grown = hub["grown"]
    data = (
        "the demo"
        if grown is None
        else f"the demo grown: {grown['partnerships']} partnerships in its consortium, "
        f"{grown['documents']:,} more Westshire library documents ({grown['versions']:,} "
        "versions)"
    )
    return [
        f"CPUs: {os.cpu_count()}; load average at the end (1, 5, 15 min): {load}",
        f"Python {platform.python_version()}, Django {hub['django']}, Wagtail {hub['wagtail']}, "
        f"{engine}",
        f"Hub: PRODUCTION=1, PAGE_CACHE_SECONDS=0, Redis db 5 (shared fragments on), {data}; "
        f"set up in {hub['setup_s']:.0f} s",
        f"{args.requests} timed requests per page through Django's test client, after two to "
        "warm; queries counted on one more; stock p50 = stock Wagtail's home page timed just "
        "before and just after the page (the runs pooled); stock÷page = stock p50 ÷ page p50",
        "targets: signed out ≥ 1.0× (as cheap as stock Wagtail's home page), signed in ≥ 0.5× "
        "(within 2×)",
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="timed requests per page")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--grow", action="store_true", help="ten times the demo's listed rows")
    parser.add_argument("--no-record", action="store_true", help="do not write RESULTS.md")
    parser.add_argument("--note", default="", help="a line to add to the RESULTS.md section")
    parser.add_argument("--child", choices=["hub", "stock"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "hub":
        run_hub_child(args)
        return
    if args.child == "stock":
        run_stock_child(args)
        return
    started = datetime.datetime.now(datetime.UTC)
    # The children stop and the databases go before their folder does.
    with tempfile.TemporaryDirectory(prefix="hub-bench-costs-") as scratch, ExitStack() as stack:
        hub, stock = measure(args, stack, Path(scratch))
    lines = table(hub, stock)
    about = description(args, hub, stock)
    print("\n".join([*about, "", *lines]), flush=True)
    if args.no_record:
        return
    section = [
        "",
        f"## Page costs in one process (bench/page_costs.py, {args.database}"
        f"{', grown' if args.grow else ''}), {started:%Y-%m-%d %H:%M} UTC",
        "",
        *[f"- {line}" for line in about],
        *([f"- {args.note}"] if args.note else []),
        "",
        "```",
        *lines,
        "```",
        "",
    ]
    with open(RESULTS_FILE, "a") as results:
        results.write("\n".join(section))


if __name__ == "__main__":
    main()
