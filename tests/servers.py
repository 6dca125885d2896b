"""Real server processes for tests that must cross a process boundary: the browser tests and
the tests that prove several web processes agree (sessions, throttling).

The demo is migrated and loaded once per run, exactly as `make run` does, into a template
(`DemoTemplate`). Each site, and the in-process test database, starts as a copy of it: a
PostgreSQL `CREATE DATABASE … TEMPLATE`, or SQLite's backup API, plus a copy of the uploaded
files. Copying takes about a second where loading the demo takes half a minute."""

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dj_database_url
import psycopg

ROOT = Path(__file__).resolve().parents[1]
MANAGE = [sys.executable, str(ROOT / "manage.py")]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres_admin(url):
    config = dj_database_url.parse(url)
    return config, dict(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def _postgres_url(config, admin, database):
    user = config["USER"] or ""
    password = f":{config['PASSWORD']}" if config["PASSWORD"] else ""
    return f"postgres://{user}{password}@{admin['host']}:{admin['port']}/{database}"


def fresh_database(scratch, name, *, template=None):
    """(database URL, function that drops it) for a new database: empty, or a copy of the
    database at the URL `template`."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        path = scratch / (name + ".sqlite3")
        if template is not None:
            copy_sqlite(template.removeprefix("sqlite:///"), path)
        return f"sqlite:///{path}", lambda: None
    config, admin = _postgres_admin(url)
    database = f"{name}_{os.getpid()}"
    source = f' TEMPLATE "{dj_database_url.parse(template)["NAME"]}"' if template else ""
    with psycopg.connect(**admin) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
        connection.execute(f'CREATE DATABASE "{database}"{source}')

    def drop():
        with psycopg.connect(**admin) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    return _postgres_url(config, admin, database), drop


def copy_sqlite(source, target):
    """A consistent copy of a SQLite database (WAL included), into a file or an open
    connection."""
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        if isinstance(target, sqlite3.Connection):
            reader.backup(target)
        else:
            writer = sqlite3.connect(target)
            reader.backup(writer)
            writer.close()
    finally:
        reader.close()


class DemoTemplate:
    """The demo, migrated and loaded once, that every test site copies."""

    FILES = ("media", "demo-credentials.txt")

    def __init__(self, scratch):
        self.scratch = Path(scratch)
        self.url, self._drop = fresh_database(self.scratch, "hub_template")
        # Loaded as `make run` loads it, tasks queued in the database for a worker: whatever
        # the loader leaves queued is in every copy (tests/demo/test_demo_tasks.py says none).
        tasks = "django_tasks_db.DatabaseBackend"
        prepare_demo_database(site_environment(self.scratch, self.url, TASKS_BACKEND=tasks))

    def copy_files(self, var_dir, media_root=None):
        """The demo's uploads and sign-in list, into a site's own folders."""
        var_dir = Path(var_dir)
        var_dir.mkdir(parents=True, exist_ok=True)
        shutil.copytree(self.scratch / "media", media_root or var_dir / "media", dirs_exist_ok=True)
        shutil.copy(self.scratch / "demo-credentials.txt", var_dir / "demo-credentials.txt")

    def database(self, scratch, name):
        """(URL, drop) of a new database holding the demo."""
        Path(scratch).mkdir(parents=True, exist_ok=True)
        return fresh_database(Path(scratch), name, template=self.url)

    def site(self, scratch, name, **extra):
        """(environment, drop) of a site with the demo: its own database copy and files."""
        url, drop = self.database(scratch, name)
        environment = site_environment(Path(scratch), url, **extra)
        self.copy_files(scratch, extra.get("MEDIA_ROOT"))
        return environment, drop

    def drop(self):
        self._drop()


def site_environment(scratch, database_url, **extra):
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "HUB_VAR_DIR": str(scratch),
        # The demo's PDFs are a pure function of their content: rendered once per machine.
        "HUB_DEMO_PDF_CACHE": os.environ.get(
            "HUB_DEMO_PDF_CACHE", str(ROOT / "var" / "cache" / "demo-pdfs")
        ),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(scratch / "outbox"),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "DEBUG": "",
        "PRODUCTION": "",
    }
    environment.pop("REDIS_URL", None)
    environment.update(extra)
    return environment


def prepare_demo_database(environment):
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run(MANAGE + command, env=environment, check=True, capture_output=True)


class Server:
    """One `manage.py runserver` process, or with `gunicorn=True` one gunicorn with a single
    synchronous worker configured as in production (deploy/gunicorn.conf.py): a process that
    keeps its database and Redis connections between requests. stop() ends it."""

    def __init__(self, environment, log_path, *, gunicorn=False):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        if gunicorn:
            command = [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py"]
            command += ["hub.wsgi:application"]
            environment = environment | {
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "WEB_CONCURRENCY": "1",
            }
        else:
            command = MANAGE + ["runserver", f"127.0.0.1:{self.port}", "--noreload"]
        self.process = subprocess.Popen(
            command, env=environment, stdout=self._log, stderr=subprocess.STDOUT, cwd=ROOT
        )
        self._wait_until_ready()

    def _wait_until_ready(self):
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.url + "/branding.css", timeout=2)  # noqa: S310
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(
                        "The site did not start:\n" + Path(self.log_path).read_text()
                    ) from None
                time.sleep(0.25)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self._log.close()


def read_demo_password(scratch, email):
    for line in (Path(scratch) / "demo-credentials.txt").read_text().splitlines():
        address, _, password = line.partition(" ")
        if address == email:
            return password
    raise KeyError(email)
