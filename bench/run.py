"""`make bench`: how fast the Hub serves its pages in production mode on this machine, set
against nginx serving the same HTML and a stock Wagtail site on the same gunicorn settings.

    .venv/bin/python bench/run.py [--duration 10] [--write]

In one run it builds a scratch PostgreSQL database with the demo, starts gunicorn exactly as
deploy/run-production-locally does (deploy/gunicorn.conf.py, production settings, Redis)
and drives it with wrk at 8 and 64 connections: the home page and a content page with the
page cache on and off, a signed-in page and the search page; then the same two pages as
files from nginx, and the home page of a freshly generated stock Wagtail project. It then
times site search over a large generated index (bench/search_index.py's measurement, on
PostgreSQL; `--no-search` leaves it out) and runs bench/booking_burst.py if it is there. It
prints one table, the ratios and the issue's targets, each met or missed; it never fails on a
time. `--write` also writes bench/RESULTS.md (its own sections; those the other benchmarks
appended stay). For what one page costs in one process, set against stock Wagtail, see
bench/page_costs.py.

    .venv/bin/python bench/run.py --workers-compare [sync gthread:5x2 ...] [--duration 5]

measures gunicorn's worker classes against each other instead: for each (`sync` with
`--workers` processes; `gthread:WxT`, W processes of T threads each), the home page and a
content page with the page cache off and a signed-in practitioner's My training, straight to
gunicorn and through nginx keeping its connections to gunicorn alive (deploy/nginx/hub.conf
without the micro-cache), at each connection count. The configurations take turns, twice
(sync, gthread, sync, gthread), so that the drift of a shared machine's load falls on each;
both rounds are printed (and, with `--write`, appended to bench/RESULTS.md).
deploy/gunicorn.conf.py says which was chosen and why.

Everything it starts it stops, and it drops the databases it created, on Ctrl+C too.
"""

import argparse
import datetime
import http.cookies
import multiprocessing
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import redis
import results
import search_index
import servers
import stock_wagtail
import wrk_load

ROOT = servers.ROOT
PYTHON = sys.executable
REDIS_URL = "redis://127.0.0.1:6379/2"
SITE_DATABASE = "hub_bench_site"
STOCK_DATABASE = "hub_bench_stock"
BOOKING_DATABASE = "hub_bench_booking"
PRACTITIONER = "practitioner@westbury-academy.example"
MY_TRAINING = "/training/my-training/"
SEARCH = "/search/?q=neglect"
BOOKING_BURST = ROOT / "bench" / "booking_burst.py"
RESULTS_FILE = ROOT / "bench" / "RESULTS.md"
SECRET_KEY = secrets.token_urlsafe(50)
DEFAULT_WORKERS = multiprocessing.cpu_count() * 2 + 1

# The first ContentPage of Westshire (the default site, so it answers on 127.0.0.1).
CONTENT_PAGE_SCRIPT = """
from hub.core.models import Partnership
from hub.site.models import ContentPage
site = Partnership.objects.get(slug="westshire").site
page = (ContentPage.objects.live().public().descendant_of(site.root_page)
        .order_by("path").first())
print("CONTENT_PAGE", page.relative_url(site))
"""


def say(message):
    print(message, flush=True)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url, cookies=None, data=None):
    """(status, headers, body) without following redirects."""
    request = urllib.request.Request(url, data=data)  # noqa: S310 - always http://127.0.0.1
    if cookies:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try:
        with _opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def _set_cookies(headers):
    jar = http.cookies.SimpleCookie()
    for value in headers.get_all("Set-Cookie") or []:
        jar.load(value)
    return {name: morsel.value for name, morsel in jar.items()}


def sign_in(base, email, password):
    """Sign in through the real sign-in form; return the session cookie's value."""
    status, headers, body = fetch(f"{base}/accounts/login/")
    if status != 200:
        raise RuntimeError(f"the sign-in page answered {status}")
    cookies = _set_cookies(headers)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if not token or "csrftoken" not in cookies:
        raise RuntimeError("no CSRF token on the sign-in page")
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token[1].decode(), "login": email, "password": password}
    ).encode()
    status, headers, _ = fetch(f"{base}/accounts/login/", cookies=cookies, data=form)
    session = _set_cookies(headers).get("sessionid")
    if status != 302 or not session:
        raise RuntimeError(f"signing in as {email} failed (status {status})")
    return session


def manage(env, *arguments, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        text=True,
    )
    return result.stdout


def hub_environment(database_url, var_dir, page_cache_seconds):
    return {
        **servers.clean_environment(),
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "PRODUCTION": "1",
        "SECRET_KEY": SECRET_KEY,
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,.localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "HUB_VAR_DIR": str(var_dir),
        "DATABASE_CONN_MAX_AGE": "60",
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }


class Bench:
    def __init__(self, args, scratch):
        self.args = args
        self.scratch = scratch
        self.workers = args.workers  # None: deploy/gunicorn.conf.py's own
        self.nginx_workers = nginx_workers(args)
        self.measurements = []
        self.var_dir = scratch / "var"
        self.var_dir.mkdir()

    # --- load -------------------------------------------------------------------------

    def wrk(self, target, url, headers=()):
        """[(connections, wrk_load.Load)] at each connection count, after a short warm-up
        (fills caches, forks)."""
        wrk_load.run(url, 8, warm_up_seconds(self.args), headers)
        loads = []
        for connections in self.args.connections:
            result = wrk_load.run(url, connections, self.args.duration, headers)
            loads.append((connections, result))
            say(
                f"  {target:<40} {connections:>3} conns {result.requests_per_second:>8.1f} req/s"
                f"  p50 {results.ms(result.p50_ms):>7} ms  p99 {results.ms(result.p99_ms):>7} ms"
                f"  errors {result.errors}"
            )
        return loads

    def load(self, kind, page, target, url, headers=()):
        for connections, result in self.wrk(target, url, headers):
            self.measurements.append(results.Measurement(kind, page, target, connections, result))

    def gunicorn(self, stack, app, env, cwd, name, ready_path, config=None):
        """gunicorn as deploy/gunicorn.conf.py has it; `config` (a WorkerConfig) or --workers
        overrides its workers."""
        port = servers.free_port()
        if config is None:
            gunicorn_env = servers.gunicorn_env(env, port, self.workers)
        else:
            gunicorn_env = servers.gunicorn_env(
                env, port, config.workers, config.worker_class, config.threads
            )
        servers.start_server(
            stack,
            name,
            servers.gunicorn_command(app),
            env=gunicorn_env,
            cwd=cwd,
            log_path=self.scratch / f"{name}.log",
            ready_url=f"http://127.0.0.1:{port}{ready_path}",
        )
        return f"http://127.0.0.1:{port}"

    def print_server_logs(self, lines=30):
        for log in sorted(self.scratch.glob("*.log")) + sorted(self.scratch.glob("*/*.out")):
            tail = log.read_text(errors="replace").splitlines()[-lines:]
            print(f"--- last lines of {log.name} ---", *tail, sep="\n", file=sys.stderr)

    # --- stages -----------------------------------------------------------------------

    def prepare_site(self, stack):
        say(f"== Preparing {SITE_DATABASE}: collectstatic, migrate, load_demo; Redis db 2")
        client = redis.Redis.from_url(REDIS_URL)
        client.flushdb()
        stack.callback(client.flushdb)
        url = servers.create_database(stack, SITE_DATABASE)
        self.site_database_url = url
        env = hub_environment(url, self.var_dir, 300)
        # Static files first: in production the pages written while loading (the outage
        # pages) name them through the manifest.
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo")
        output = manage(env, "shell", "-c", CONTENT_PAGE_SCRIPT, capture=True)
        self.content_path = re.search(r"^CONTENT_PAGE (\S+)$", output, re.MULTILINE)[1]
        credentials = (self.var_dir / "demo-credentials.txt").read_text().splitlines()
        self.password = dict(line.split(" ", 1) for line in credentials)[PRACTITIONER]
        say(f"  content page: {self.content_path}")

    def hub_cache_on(self):
        say("== Hub, page cache on (PAGE_CACHE_SECONDS=300)")
        env = hub_environment(self.site_database_url, self.var_dir, 300)
        with ExitStack() as running:
            base = self.gunicorn(
                running, "hub.wsgi:application", env, ROOT, "hub-cache-on", "/health/"
            )
            static = self.scratch / "nginx" / "html"
            for path in ("/", self.content_path):
                status, headers, body = fetch(base + path)
                status, headers, body = fetch(base + path)
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}")
                if headers.get("X-Page-Cache") != "hit":
                    say(f"  warning: {path} is not served from the page cache")
                # The same HTML, for nginx to serve as files.
                folder = static / path.strip("/")
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "index.html").write_bytes(body)
            self.load("cached", "home", "hub cache on: home /", base + "/")
            self.load("cached", "content", "hub cache on: content page", base + self.content_path)

            # The production path: nginx's 5-second micro-cache in front of the app.
            prefix = self.scratch / "nginx-proxy"
            edge_port = servers.free_port()
            servers.start_nginx_proxy(
                running, prefix, int(base.rsplit(":", 1)[1]), edge_port, self.nginx_workers
            )
            edge = f"http://127.0.0.1:{edge_port}"
            self.load("cached_edge", "home", "hub via nginx micro-cache: home /", edge + "/")
            self.load(
                "cached_edge",
                "content",
                "hub via nginx micro-cache: content page",
                edge + self.content_path,
            )

            session = sign_in(base, PRACTITIONER, self.password)
            cookie = {"sessionid": session}
            status, _, _ = fetch(base + MY_TRAINING, cookies=cookie)
            if status != 200:
                raise RuntimeError(f"{MY_TRAINING} answered {status} to the signed-in practitioner")
            self.load(
                "signed_in",
                "my_training",
                f"hub signed in: {MY_TRAINING}",
                base + MY_TRAINING,
                headers=[f"Cookie: sessionid={session}"],
            )
            status, _, _ = fetch(base + SEARCH)
            if status != 200:
                raise RuntimeError(f"{SEARCH} answered {status}")
            self.load("search", "search", f"hub search: {SEARCH}", base + SEARCH)

    def hub_cache_off(self):
        say("== Hub, page cache off (PAGE_CACHE_SECONDS=0)")
        env = hub_environment(self.site_database_url, self.var_dir, 0)
        with ExitStack() as running:
            base = self.gunicorn(
                running, "hub.wsgi:application", env, ROOT, "hub-cache-off", "/health/"
            )
            for path in ("/", self.content_path):
                status, headers, _ = fetch(base + path)
                if status != 200 or headers.get("X-Page-Cache"):
                    raise RuntimeError(f"{path}: status {status}, cache {headers['X-Page-Cache']}")
            self.load("uncached", "home", "hub cache off: home /", base + "/")
            self.load(
                "uncached", "content", "hub cache off: content page", base + self.content_path
            )

    def nginx(self):
        say("== nginx serving the same two pages as files")
        prefix = self.scratch / "nginx"
        port = servers.free_port()
        with ExitStack() as running:
            servers.start_nginx(running, prefix, prefix / "html", port, self.nginx_workers)
            base = f"http://127.0.0.1:{port}"
            self.load("nginx", "home", "nginx static: home", base + "/")
            self.load("nginx", "content", "nginx static: content page", base + self.content_path)

    def stock(self, stack):
        say(f"== Stock Wagtail ({STOCK_DATABASE}): wagtail start, migrate, collectstatic")
        folder = self.scratch / "stock"
        folder.mkdir()
        servers.create_database(stack, STOCK_DATABASE)
        env = stock_wagtail.generate(folder, STOCK_DATABASE)
        with ExitStack() as running:
            base = self.gunicorn(
                running, f"{stock_wagtail.PROJECT}.wsgi", env, folder, "stock-wagtail", "/"
            )
            status, _, _ = fetch(base + "/")
            if status != 200:
                raise RuntimeError(f"the stock Wagtail home page answered {status}")
            self.load("stock", "home", "stock Wagtail: home /", base + "/")

    def search(self, stack):
        """bench/search_index.py's measurement at one size, on PostgreSQL."""
        chunks = self.args.search_chunks
        say(f"== Search (bench/search_index.py, PostgreSQL): {chunks:,} chunks")
        folder = self.scratch / "search"
        folder.mkdir()
        options = argparse.Namespace(chunks=[chunks], repeats=30, query_seconds=6, keep=False)
        return search_index.measure("postgresql", options, stack, folder)

    def compare_workers(self, configs, rounds=2):
        """Each worker configuration in turn, `rounds` times over, with the page cache off:
        the pages straight from gunicorn and through nginx keeping its connections to
        gunicorn alive. Returns [results.Compared]."""
        env = hub_environment(self.site_database_url, self.var_dir, 0)
        compared = []
        for number in range(1, rounds + 1):
            for config in configs:
                say(f"== {config.label}, round {number} (page cache off)")
                with ExitStack() as running:
                    name = f"{config.label.replace(' ', '-')}-{number}"
                    base = self.gunicorn(
                        running,
                        "hub.wsgi:application",
                        env,
                        ROOT,
                        f"hub-{name}",
                        "/health/",
                        config,
                    )
                    edge_port = servers.free_port()
                    servers.start_nginx_proxy(
                        running,
                        self.scratch / f"nginx-{name}",
                        int(base.rsplit(":", 1)[1]),
                        edge_port,
                        self.nginx_workers,
                        micro_cache=False,
                    )
                    edge = f"http://127.0.0.1:{edge_port}"
                    cookie = [f"Cookie: sessionid={sign_in(base, PRACTITIONER, self.password)}"]
                    pages = [
                        ("home, cache off", "/", ()),
                        ("content page, cache off", self.content_path, ()),
                        ("My training, signed in", MY_TRAINING, cookie),
                    ]
                    for via, root in (("gunicorn", base), ("nginx", edge)):
                        for page, path, headers in pages:
                            loads = self.wrk(f"{page} via {via}", root + path, headers)
                            compared += [
                                results.Compared(config.label, number, page, via, conns, load)
                                for conns, load in loads
                            ]
        return compared

    def booking_burst(self, stack):
        say("== Booking burst (bench/booking_burst.py)")
        if not BOOKING_BURST.exists():
            return ["not available (bench/booking_burst.py is not there)"]
        # Its own database, named here: it drops and recreates whatever DATABASE_URL names.
        env = {
            **servers.clean_environment(),
            "DATABASE_URL": servers.database_url(BOOKING_DATABASE),
            "HUB_VAR_DIR": str(self.scratch / "booking-var"),
        }
        stack.callback(servers.drop_database, BOOKING_DATABASE)
        try:
            result = subprocess.run(
                [PYTHON, str(BOOKING_BURST)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=self.args.booking_timeout,
            )
        except subprocess.TimeoutExpired:
            return [f"not available (did not finish in {self.args.booking_timeout} s)"]
        if result.returncode != 0:
            last = (result.stderr.strip().splitlines() or ["no error output"])[-1]
            return [f"not available (exit {result.returncode}: {last})"]
        return [line for line in result.stdout.splitlines() if line.strip()] or [
            "not available (it printed nothing)"
        ]


@dataclass(frozen=True)
class WorkerConfig:
    worker_class: str  # sync or gthread
    workers: int
    threads: int

    @property
    def label(self):
        if self.worker_class == "sync":
            return f"sync {self.workers}"
        return f"{self.worker_class} {self.workers}x{self.threads}"


def worker_config(text, default_workers):
    """`sync` (the default number of processes), `sync:W`, or `gthread:WxT` (W processes of T
    threads)."""
    worker_class, _, shape = text.partition(":")
    if worker_class not in ("sync", "gthread"):
        raise argparse.ArgumentTypeError(f"{text}: sync or gthread")
    workers, _, threads = shape.partition("x")
    try:
        return WorkerConfig(
            worker_class,
            int(workers) if workers else default_workers,
            int(threads) if threads else (1 if worker_class == "sync" else 2),
        )
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text}: e.g. sync, sync:5 or gthread:5x2") from None


def warm_up_seconds(args):
    # Long enough for every worker to have served its first, slow, request.
    return max(2, args.duration // 5)


def settings_lines(args):
    workers = "its own workers" if args.workers is None else f"WEB_CONCURRENCY={args.workers}"
    return [
        f"gunicorn: deploy/gunicorn.conf.py ({workers}, its own worker class and threads), "
        f"access log off; nginx: {nginx_workers(args)} worker processes, access log off",
        "Hub: PRODUCTION=1, PostgreSQL (DATABASE_CONN_MAX_AGE=60), Redis cache and sessions, "
        "the demo content; page cache PAGE_CACHE_SECONDS=300 (on) or 0 (off)",
        "stock Wagtail: `wagtail start` with the installed Wagtail, production settings, "
        "PostgreSQL with CONN_MAX_AGE=60, no cache",
        f"wrk -t2 -c<conns> -d{args.duration}s --latency, after a {warm_up_seconds(args)} s "
        "warm-up at 8 connections; errors = non-2xx/3xx responses + socket errors",
    ]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument(
        "--connections",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[8, 64],
        help="comma-separated connection counts (default 8,64)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        help="gunicorn workers (default: deploy/gunicorn.conf.py's) and nginx worker "
        "processes (default 2 × cores + 1)",
    )
    parser.add_argument("--search-chunks", type=int, default=100_000)
    parser.add_argument("--no-search", action="store_true", help="leave out the search timing")
    parser.add_argument("--booking-timeout", type=int, default=600)
    parser.add_argument(
        "--workers-compare",
        nargs="*",
        metavar="CONFIG",
        help="compare worker configurations instead (default: sync gthread:5x2); each is "
        "sync, sync:W or gthread:WxT",
    )
    parser.add_argument("--write", action="store_true", help="also write bench/RESULTS.md")
    args = parser.parse_args()
    if args.workers_compare is not None:
        default_workers = args.workers or DEFAULT_WORKERS
        try:
            args.workers_compare = [
                worker_config(text, default_workers)
                for text in args.workers_compare or ["sync", f"gthread:{default_workers}x2"]
            ]
        except argparse.ArgumentTypeError as error:
            parser.error(str(error))
    return args


def nginx_workers(args):
    return args.workers or DEFAULT_WORKERS


def main():
    args = parse_args()
    if not wrk_load.available():
        print(wrk_load.INSTALL_HINT, file=sys.stderr)
        return 2
    if not os.access(servers.NGINX, os.X_OK):
        print(f"{servers.NGINX} is missing. {wrk_load.INSTALL_HINT}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _interrupt)
    started = datetime.datetime.now().astimezone()
    machine_lines = results.machine(REDIS_URL)
    scratch = Path(tempfile.mkdtemp(prefix="hub-bench-"))
    # nginx's workers may run as another user: they must be able to read the pages.
    scratch.chmod(0o755)
    search_report = None
    try:
        with ExitStack() as stack:
            stack.callback(shutil.rmtree, scratch, ignore_errors=True)
            bench = Bench(args, scratch)
            try:
                bench.prepare_site(stack)
                if args.workers_compare:
                    compared = bench.compare_workers(args.workers_compare)
                    booking_lines = None
                else:
                    bench.hub_cache_on()
                    bench.hub_cache_off()
                    bench.nginx()
                    bench.stock(stack)
                    if not args.no_search:
                        search_report = bench.search(stack)
                    booking_lines = bench.booking_burst(stack)
            except (subprocess.CalledProcessError, RuntimeError):
                bench.print_server_logs()  # before the scratch folder goes
                raise
            say("== Stopping everything and dropping the bench databases")
    except KeyboardInterrupt:
        print("\nInterrupted: every server stopped, bench databases dropped.", file=sys.stderr)
        return 130
    except (subprocess.CalledProcessError, RuntimeError) as error:
        print(f"\nbench failed: {error}", file=sys.stderr)
        return 1

    if args.workers_compare:
        return report_workers(args, started, machine_lines, compared)
    if search_report is None:
        search_lines = ["not measured (--no-search); bench/search_index.py measures it alone"]
    else:
        search_lines = search_index.lines_for("postgresql", search_report)
    sections = [
        ("Machine", machine_lines),
        ("Settings", settings_lines(args)),
        ("Throughput and latency", results.table(bench.measurements)),
        ("Ratios (req/s)", results.ratios(bench.measurements)),
        ("Search", search_lines),
        ("Booking burst", booking_lines),
        ("Targets from the issue", results.targets(bench.measurements, search_report)),
    ]
    for title, lines in sections:
        say(f"\n{title}\n{'-' * len(title)}")
        for line in lines:
            say(line)
    if args.write:
        kept = results.sections_of_other_scripts(RESULTS_FILE)
        RESULTS_FILE.write_text(
            results.markdown(
                date=started.strftime("%Y-%m-%d %H:%M %Z"),
                settings_lines=settings_lines(args),
                machine_lines=machine_lines,
                measurements=bench.measurements,
                search_report=search_report,
                search_lines=search_lines,
                booking_lines=booking_lines,
            )
            + kept
        )
        say(f"\nWritten to {RESULTS_FILE.relative_to(ROOT)}")
    return 0


def report_workers(args, started, machine_lines, compared):
    lines = [
        f"wrk -t2 -c<conns> -d{args.duration}s after a {warm_up_seconds(args)} s warm-up; "
        "each cell: req/s (p99 ms); page cache off; the configurations took turns, "
        "round 1 then round 2",
        *results.compared_table(compared),
        "",
        *results.compared_summary(compared),
    ]
    for title, section in (("Machine", machine_lines), ("Workers compared", lines)):
        say(f"\n{title}\n{'-' * len(title)}")
        for line in section:
            say(line)
    if args.write:
        section = [
            "",
            "## Workers compared (bench/run.py --workers-compare), "
            + started.strftime("%Y-%m-%d %H:%M %Z"),
            "",
            *[f"- {line}" for line in machine_lines],
            "",
            "```",
            *lines,
            "```",
            "",
        ]
        with open(RESULTS_FILE, "a") as out:
            out.write("\n".join(section))
        say(f"\nAppended to {RESULTS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
