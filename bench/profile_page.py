"""Where one page's time goes: its queries and a profile, for any URL and any user.

    .venv/bin/python bench/profile_page.py /library/
    .venv/bin/python bench/profile_page.py /training/my/ \\
        --user practitioner@westbury-academy.example --requests 50
    .venv/bin/python bench/profile_page.py /library/ --host northmoor.localhost --sort tottime
    .venv/bin/python bench/profile_page.py /some/form/ --method POST --data name=value

Requests go through Django's test client, in this process, against the developer's database
(the var/ SQLite database `make run` uses, or DATABASE_URL) with the page cache off. It
prints:

- the answer (status, size) and the time of `--requests` requests (p50, p95, mean), with no
  profiler running;
- every query of one request: its time, the line of hub/ that issued it (a template's own line
  for a query a template set off) and its SQL; then the statements made more than once,
  grouped (an N+1 shows as one statement many times over with different parameters);
- `--requests` more requests under cProfile: the top functions by cumulative and by own
  time, in ms per request (`--sort` for only one of them, `--limit` for more lines).

Nothing is changed: everything, signing in included, happens in one transaction rolled back
at the end, and each request in a savepoint rolled back after it, so a repeated POST meets
the same data every time. Tasks that would start after a commit never start; no email is
sent. (With Redis configured, the signed-in session is written to Redis, which expires it.)
On SQLite the site's other writers wait while it runs. Asserts nothing.
"""

import argparse
import copy
import cProfile
import os
import pstats
import re
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HUB = str(ROOT / "hub") + os.sep
TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")
ADDRESS = re.compile(r" at 0x[0-9a-f]+")
LONG_SELECT_LIST = re.compile(r"^SELECT (?:DISTINCT )?.{60,}? FROM ")
# The test client's frames and this script's: around every request, telling nothing.
HARNESS = (f"django{os.sep}test{os.sep}client.py", __file__)


def parse(argv=None):
    parser = argparse.ArgumentParser(
        description="Print the queries and the profile of one page.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("url", help="path and query string, e.g. /library/?page=2")
    parser.add_argument("--user", help="email of the person signed in (default: signed out)")
    parser.add_argument(
        "--host", help="the partnership site's host name (default: the default site's)"
    )
    parser.add_argument("--method", default="GET", type=str.upper, choices=["GET", "POST"])
    parser.add_argument(
        "--data", action="append", default=[], metavar="KEY=VALUE", help="form field; repeatable"
    )
    parser.add_argument("--requests", type=int, default=20, help="timed and profiled, each")
    parser.add_argument(
        "--sort",
        choices=["cumulative", "tottime"],
        help="print the profile in this order only (default: both)",
    )
    parser.add_argument("--limit", type=int, default=25, help="profile lines per order")
    parser.add_argument("--full-sql", action="store_true", help="do not shorten statements")
    args = parser.parse_args(argv)
    if args.requests < 1:
        parser.error("--requests must be at least 1")
    for pair in args.data:
        if "=" not in pair:
            parser.error(f"--data takes KEY=VALUE, not {pair!r}")
    return args


def main(argv=None, out=None):
    args = parse(argv)
    out = out or sys.stdout
    _setup_django()
    from django.db import transaction
    from django.test.utils import override_settings

    with (
        override_settings(
            PAGE_CACHE_SECONDS=0,
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ),
        transaction.atomic(),
    ):
        try:
            Profiler(args, out).run()
        finally:
            transaction.set_rollback(True)
    return 0


def _setup_django():
    """Set up Django unless it is already (a test imports this module)."""
    from django.apps import apps

    if apps.ready:
        return
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    sys.path.insert(0, str(ROOT))
    django.setup()


@dataclass
class Query:
    sql: str
    shown: str  # with its parameters, as the database ran it
    params: object
    ms: float
    where: str


class QueryLog:
    """A database execute wrapper: each statement, its time and the line that issued it."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        where = issued_by()
        begun = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            ms = (time.perf_counter() - begun) * 1000
            shown = sql
            try:
                cursor = context["cursor"]
                shown = context["connection"].ops.last_executed_query(cursor, sql, params)
            except Exception:  # noqa: S110 - showing the SQL unfilled is good enough
                pass
            self.queries.append(Query(sql, shown, _hashable(params), ms, where))


def _hashable(params):
    if isinstance(params, dict):
        return tuple(sorted((key, repr(value)) for key, value in params.items()))
    return tuple(repr(value) for value in params or ())


def issued_by():
    """The innermost frame in hub/ (for a Jinja2 template, the template's own line), else the
    innermost frame outside Django's database layer and this script."""
    frame = sys._getframe(2)
    fallback = None
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(HUB):
            template = frame.f_globals.get("__jinja_template__")
            line = frame.f_lineno
            if template is not None:
                line = template.get_corresponding_lineno(line)
            return f"{_short(filename)}:{line} {frame.f_code.co_name}"
        if (
            fallback is None
            and f"django{os.sep}db{os.sep}" not in filename
            and filename != __file__
        ):
            fallback = f"{_short(filename)}:{frame.f_lineno} {frame.f_code.co_name}"
        frame = frame.f_back
    return f"(not hub/) {fallback}"


def _short(filename):
    """A path from site-packages, else from the repository, else as it is."""
    marker = f"site-packages{os.sep}"
    if marker in filename:
        return filename.split(marker, 1)[1]
    if filename.startswith(str(ROOT) + os.sep):
        return filename[len(str(ROOT)) + 1 :]
    return filename


class Profiler:
    def __init__(self, args, out):
        self.args = args
        self.out = out

    def say(self, line=""):
        print(line, file=self.out)

    def run(self):
        from django.conf import settings
        from django.test.utils import override_settings

        client, host, who = self._client()
        with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, host]):
            self._measure(client, host, who)

    def _measure(self, client, host, who):
        from django.conf import settings
        from django.db import connection

        data = dict(pair.split("=", 1) for pair in self.args.data)
        method = client.post if self.args.method == "POST" else client.get

        cookies = copy.deepcopy(client.cookies)

        def request():
            """One request as the first: the same data and the same cookies (signing out
            would otherwise sign out every request after it)."""
            from django.db import transaction

            client.cookies = copy.deepcopy(cookies)
            with transaction.atomic():
                response = method(
                    self.args.url,
                    data,
                    HTTP_HOST=host,
                    secure=getattr(settings, "SECURE_SSL_REDIRECT", False),
                )
                transaction.set_rollback(True)
            return response

        database = connection.settings_dict
        self.say(f"{self.args.method} {self.args.url} on {host}, {who}")
        self.say(
            f"Database: {connection.vendor} {database['NAME']}; DEBUG {settings.DEBUG}; "
            "page cache off; nothing is kept (one transaction, rolled back)"
        )
        response = request()  # warm: imports, templates, connections, shared fragments
        self.say(f"Answer: {response.status_code}, {len(response.content) / 1024:.1f} KB")
        if 300 <= response.status_code < 400:
            self.say(f"  Redirected to {response.get('Location')}: the figures are the redirect's.")
        self.say()

        timings = []
        for _ in range(self.args.requests):
            begun = time.perf_counter()
            request()
            timings.append((time.perf_counter() - begun) * 1000)
        ordered = sorted(timings)
        p95 = ordered[min(len(ordered) - 1, max(0, round(len(ordered) * 0.95) - 1))]
        p50, mean = statistics.median(timings), statistics.fmean(timings)
        self.say(
            f"== Time over {len(timings)} requests, no profiler: p50 {p50:.1f} ms, "
            f"p95 {p95:.1f} ms, mean {mean:.1f} ms"
        )
        self.say()

        log = QueryLog()
        with connection.execute_wrapper(log):
            request()
        self._print_queries(log.queries)

        profile = cProfile.Profile()
        profile.enable()
        for _ in range(self.args.requests):
            request()
        profile.disable()
        orders = [self.args.sort] if self.args.sort else ["cumulative", "tottime"]
        for order in orders:
            self._print_profile(pstats.Stats(profile), order)

    def _client(self):
        """(client, host, who): signed in as --user if given, inside the transaction."""
        from django.test import Client
        from wagtail.models import Site

        host = self.args.host
        if host is None:
            default = Site.objects.filter(is_default_site=True).first()
            host = default.hostname if default is not None else "localhost"
        client = Client()
        if not self.args.user:
            return client, host, "signed out"
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
        from allauth.mfa.utils import is_mfa_enabled
        from django.contrib.auth import get_user_model

        from hub.core.permissions import requires_second_factor

        user = get_user_model().objects.filter(email__iexact=self.args.user).first()
        if user is None:
            raise SystemExit(f"No one signs in as {self.args.user} in this database.")
        if requires_second_factor(user) and not is_mfa_enabled(user):
            # Staff reach nothing without a second factor; this one is rolled back too.
            TOTP.activate(user, generate_totp_secret())
        client.force_login(user)
        return client, host, f"signed in as {user.email}"

    def _print_queries(self, queries):
        counted = [q for q in queries if not q.sql.upper().startswith(TRANSACTION_CONTROL)]
        left_out = len(queries) - len(counted)
        total = sum(q.ms for q in counted)
        note = f" (and {left_out} savepoints, from this script's transaction)" if left_out else ""
        self.say(f"== {len(counted)} queries in one request, {total:.1f} ms{note}")
        for number, query in enumerate(counted, start=1):
            self.say(f"{number:>3}. {query.ms:6.2f} ms  {query.where}")
            self.say(f"       {self._sql(query.shown)}")
        self.say()

        groups = defaultdict(list)
        for query in counted:
            groups[query.sql].append(query)
        repeated = sorted(
            (group for group in groups.values() if len(group) > 1),
            key=lambda group: (-len(group), -sum(q.ms for q in group)),
        )
        if not repeated:
            self.say("== No statement repeated")
            self.say()
            return
        self.say("== Statements made more than once (the same SQL, any parameters)")
        for group in repeated:
            distinct = len({q.params for q in group})
            exact = "identical" if distinct == 1 else f"{distinct} different parameters"
            self.say(f"  x{len(group)} ({exact}), {sum(q.ms for q in group):.2f} ms")
            for where in sorted({q.where for q in group}):
                self.say(f"       from {where}")
            self.say(f"       {self._sql(group[0].sql)}")
        self.say()

    def _sql(self, sql):
        sql = " ".join(sql.split())
        if self.args.full_sql:
            return sql
        # The columns say least: "SELECT … FROM" leaves room for the tables and conditions.
        sql = LONG_SELECT_LIST.sub("SELECT … FROM ", sql, count=1)
        return sql if len(sql) <= 240 else sql[:239] + "…"

    def _print_profile(self, stats, order):
        requests = self.args.requests
        measured = (item for item in stats.stats.items() if not item[0][0].endswith(HARNESS))
        rows = sorted(
            measured,
            key=lambda item: item[1][3] if order == "cumulative" else item[1][2],
            reverse=True,
        )[: self.args.limit]
        title = "cumulative time" if order == "cumulative" else "own time"
        self.say(
            f"== Profile of {requests} requests by {title} (top {self.args.limit}), ms per "
            "request; the profiler slows everything about threefold, so read the shares"
        )
        self.say(f"{'own':>8} {'cumul.':>8} {'calls':>8}  function")
        for (filename, line, name), (_, calls, own, cumulative, _) in rows:
            where = (
                ADDRESS.sub("", name) if filename == "~" else f"{_short(filename)}:{line} {name}"
            )
            self.say(
                f"{own * 1000 / requests:8.2f} {cumulative * 1000 / requests:8.2f} "
                f"{calls / requests:8.0f}  {where}"
            )
        self.say()


if __name__ == "__main__":
    sys.exit(main())
