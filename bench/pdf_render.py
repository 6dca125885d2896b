"""What a PDF costs: a procedures chapter, a training certificate (with the demo's name, then
with a long name in six scripts), a section 11 submission and each of the demo's 7-minute
briefings (with its page count: a briefing should fit on one), each made the one way
(hub/core/pdf.py: a Jinja2 template through WeasyPrint, tagged PDF/UA-1 with embedded Noto
fonts); and whether a certificate check answers a guessed code and a malformed one alike.

    .venv/bin/python bench/pdf_render.py [--requests 20] [--database sqlite|postgresql]

In one process, on a scratch database (a SQLite file in a temporary folder, or
`hub_bench_pdf_render` on 127.0.0.1:5432, dropped afterwards) with the demo loaded: each PDF
is asked for through Django's test client as the person who may download it, two requests to
warm, then `--requests` timed ones (p50, p95, its size and pages). The certificate check
times `--requests` × 10 requests for each of: a real code, a code of the right shape that
was never issued (a guess), and a malformed one, taking turns so the machine's drift falls on
all three alike. No cache server and no page cache. Prints numbers; asserts nothing.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
POSTGRES = "postgres://postgres@127.0.0.1:5432/hub_bench_pdf_render"
HOST = "westshire.localhost"
PAT = "practitioner@westbury-academy.example"
REVIEWER = "s11@westshire.example"
LONG_NAME = (
    "Łukasz Wąsowski-Żółć Ayşe Yılmaz Søren Ødegård Αλέξανδρος Παπαδόπουλος "
    "Дмитрий Иванов محمد عبد الله 张伟 王秀英 Siobhán Ní Bhriain–O’Connor"
)


def set_up(database, folder):
    os.environ["DJANGO_SETTINGS_MODULE"] = "hub.settings"
    os.environ["HUB_VAR_DIR"] = str(folder)
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    os.environ.pop("REDIS_URL", None)
    os.environ["DATABASE_URL"] = (
        POSTGRES if database == "postgresql" else f"sqlite:///{folder / 'bench.sqlite3'}"
    )
    if database == "postgresql":
        _postgres("DROP DATABASE IF EXISTS hub_bench_pdf_render")
        _postgres("CREATE DATABASE hub_bench_pdf_render")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.RATELIMIT_ENABLE = False  # the check is timed here, not limited
    import io
    import logging

    logging.getLogger("django.request").setLevel(logging.ERROR)  # the timed 404s
    call_command("migrate", verbosity=0)
    begun = time.perf_counter()
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    return time.perf_counter() - begun


def _postgres(statement):
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as db:
        db.execute(statement)


def timed(get, url, requests):
    from pypdf import PdfReader

    for _ in range(2):
        get(url)
    timings = []
    for _ in range(requests):
        begun = time.perf_counter()
        response = get(url)
        timings.append((time.perf_counter() - begun) * 1000)
    import io

    pages = len(PdfReader(io.BytesIO(response.content)).pages)
    return timings, len(response.content), pages


def getter(client):
    def get(url):
        response = client.get(url, HTTP_HOST=HOST)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response

    return get


def line(label, timings, size, pages):
    from page_costs import percentile

    print(
        f"{label:<44} p50 {statistics.median(timings):7.1f} ms   p95 "
        f"{percentile(timings, 0.95):7.1f} ms   {size / 1024:6.1f} KB   {pages} page(s)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hub-bench-pdf-") as folder:
        try:
            run(args, Path(folder))
        finally:
            if args.database == "postgresql":
                from django.db import connections

                connections.close_all()
                _postgres("DROP DATABASE IF EXISTS hub_bench_pdf_render")


def run(args, folder):
    loaded = set_up(args.database, folder)
    from importlib.metadata import version

    from django.test import Client
    from page_costs import signed_in_client

    from hub.assurance.models import Submission
    from hub.core.models import User
    from hub.procedures.models import Chapter
    from hub.training import services
    from hub.training.models import Booking

    print(
        f"WeasyPrint {version('weasyprint')}, {args.database}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.2f}; the demo loaded in {loaded:.1f} s "
        f"(its library PDFs rendered into an empty cache)"
    )
    anonymous = getter(Client())
    # The chapter the issue names (Westshire adds local information to it), else the first.
    chapter = (
        Chapter.objects.filter(slug="neglect", partnership=None).first()
        or Chapter.objects.filter(partnership=None).first()
    )
    line(
        f"chapter PDF ({chapter.slug})",
        *timed(anonymous, f"/procedures/{chapter.slug}/pdf/", args.requests),
    )

    pat = User.objects.get(email=PAT)
    booking = next(
        booking
        for booking in Booking.objects.filter(person=pat).select_related("session__course")
        if services.certificate_available(booking)
    )
    as_pat = getter(signed_in_client(PAT))
    url = f"/training/bookings/{booking.pk}/certificate.pdf"
    line("certificate PDF (the demo's name)", *timed(as_pat, url, args.requests))
    pat.first_name, pat.last_name = LONG_NAME.split(" ", 1)
    pat.save()
    line("certificate PDF (a name in six scripts)", *timed(as_pat, url, args.requests))

    submission = Submission.objects.filter(
        shared_with__slug="westshire", submitted_at__isnull=False
    ).first()
    if submission is not None:
        as_reviewer = getter(signed_in_client(REVIEWER))
        line(
            f"section 11 submission PDF ({submission.agency.name})",
            *timed(as_reviewer, f"/assurance/submissions/{submission.pk}/report.pdf", 10),
        )

    from hub.reviews.models import Briefing

    for briefing in Briefing.objects.filter(partnership__slug="westshire", published=True):
        line(
            f"briefing PDF ({briefing.slug[:28]})",
            *timed(anonymous, f"/learning/briefings/{briefing.slug}/pdf/", 10),
        )

    check_timings(booking, args.requests * 10)


def check_timings(booking, requests):
    """A real code, a guessed one and a malformed one, taking turns."""
    from django.test import Client

    from hub.training.models import Certificate, new_certificate_code

    code = Certificate.objects.get(booking=booking).display_code
    client = Client()
    kinds = {
        "real": (f"/certificates/{code}/", 200),
        "guessed (right shape, never issued)": (f"/certificates/{new_certificate_code()}/", 404),
        "malformed": ("/certificates/not-a-code!/", 404),
    }
    timings = {kind: [] for kind in kinds}
    for _ in range(requests):
        for kind, (url, status) in kinds.items():
            begun = time.perf_counter()
            response = client.get(url, HTTP_HOST=HOST)
            timings[kind].append((time.perf_counter() - begun) * 1000)
            if response.status_code != status:
                raise RuntimeError(f"{url} answered {response.status_code}, not {status}")
    from page_costs import percentile

    for kind, values in timings.items():
        print(
            f"certificate check, {kind:<36} p50 {statistics.median(values):6.2f} ms   "
            f"p95 {percentile(values, 0.95):6.2f} ms"
        )
    guessed = statistics.median(timings["guessed (right shape, never issued)"])
    malformed = statistics.median(timings["malformed"])
    print(f"guessed − malformed, p50: {guessed - malformed:+.2f} ms")


if __name__ == "__main__":
    main()
