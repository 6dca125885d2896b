"""A scratch database with the demo loaded, for benchmarks that time the app in-process:
a SQLite file in a temporary folder, or `<name>` on the local PostgreSQL, dropped afterwards.

    with scratch_demo("hub_bench_x", database) as loaded_seconds:
        ...  # Django is set up; the demo is loaded
"""

import contextlib
import io
import os
import tempfile
import time
from pathlib import Path

POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


def _postgres(statement):
    import psycopg

    with psycopg.connect(POSTGRES_SERVER, autocommit=True) as db:
        db.execute(statement)


@contextlib.contextmanager
def scratch_demo(name, database):
    """Set Django up on a new scratch database (no cache server, no page cache), migrate and
    load the demo; yields how long the demo took to load."""
    with tempfile.TemporaryDirectory(prefix=f"{name}-") as folder:
        folder = Path(folder)
        os.environ["DJANGO_SETTINGS_MODULE"] = "hub.settings"
        os.environ["HUB_VAR_DIR"] = str(folder)
        os.environ["PAGE_CACHE_SECONDS"] = "0"
        os.environ.pop("REDIS_URL", None)
        if database == "postgresql":
            os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
            _postgres(f"DROP DATABASE IF EXISTS {name}")
            _postgres(f"CREATE DATABASE {name}")
        else:
            os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
        try:
            import django

            django.setup()
            from django.core.management import call_command

            call_command("migrate", verbosity=0)
            begun = time.perf_counter()
            call_command("load_demo", verbosity=0, stdout=io.StringIO())
            yield time.perf_counter() - begun
        finally:
            if database == "postgresql":
                from django.db import connections

                connections.close_all()
                _postgres(f"DROP DATABASE IF EXISTS {name}")
