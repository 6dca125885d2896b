"""Real server processes for tests that must cross a process boundary: the browser tests and
the tests that prove several web processes agree (sessions, throttling).

Each site gets a database of its own (a fresh SQLite file, or a fresh PostgreSQL database when
DATABASE_URL points at PostgreSQL), migrated and loaded with the demo content as `make run`
does."""

import os
import socket
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


def fresh_database(scratch, name):
    """(database URL, function that drops it) for a new empty database."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{scratch / (name + '.sqlite3')}", lambda: None
    config = dj_database_url.parse(url)
    database = f"{name}_{os.getpid()}"
    admin = dict(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with psycopg.connect(**admin) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
        connection.execute(f'CREATE DATABASE "{database}"')

    def drop():
        with psycopg.connect(**admin) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    user = config["USER"] or ""
    password = f":{config['PASSWORD']}" if config["PASSWORD"] else ""
    return f"postgres://{user}{password}@{admin['host']}:{admin['port']}/{database}", drop


def site_environment(scratch, database_url, **extra):
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "HUB_VAR_DIR": str(scratch),
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
    """One `manage.py runserver` process; stop() ends it."""

    def __init__(self, environment, log_path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            MANAGE + ["runserver", f"127.0.0.1:{self.port}", "--noreload"],
            env=environment,
            stdout=self._log,
            stderr=subprocess.STDOUT,
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
