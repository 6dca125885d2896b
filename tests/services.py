"""A Redis and a PostgreSQL of a test's own, from the installed server binaries, on ports and
in folders of their own: the outage tests stop and restart them without touching the servers
every other test shares. PostgreSQL refuses to run as root, so as root its commands run as the
`postgres` OS user, in a folder that user owns."""

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import redis

from tests.servers import free_port


def _need(path, what):
    if not path or not Path(path).exists():
        raise RuntimeError(
            f"{what} is not installed; `make test` installs it (scripts/system-packages)."
        )
    return path


class OwnRedis:
    """redis-server saving to its folder, so a restart brings back what it held, as a
    production Redis with persistence does: the hard case for stale pages."""

    def __init__(self):
        self.binary = _need(shutil.which("redis-server"), "redis-server")
        self.folder = Path(tempfile.mkdtemp(prefix="hub-own-redis-"))
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.folder),
                "--save",
                "3600 1",
                "--appendonly",
                "no",
            ],
            stdout=open(self.folder / "redis.log", "ab"),  # noqa: SIM115 - lives with the process
            stderr=subprocess.STDOUT,
        )
        client = redis.Redis(host="127.0.0.1", port=self.port)
        deadline = time.monotonic() + 20
        while True:
            try:
                client.ping()
                return
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError((self.folder / "redis.log").read_text()) from None
                time.sleep(0.05)

    def stop(self):
        """As `systemctl stop` does: SIGTERM, which saves a snapshot before it exits."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def close(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class OwnPostgres:
    """A PostgreSQL cluster of its own (initdb), trust authentication on 127.0.0.1 only."""

    def __init__(self):
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        self.bin = Path(_need(found[-1] if found else shutil.which("pg_ctl"), "PostgreSQL")).parent
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.root = Path(tempfile.mkdtemp(prefix="hub-own-postgres-"))
        self.data = self.root / "data"
        self.port = free_port()
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()

    def _run(self, program, *args):
        return subprocess.run(
            self.as_postgres + [str(self.bin / program), *map(str, args)],
            check=True,
            capture_output=True,
            text=True,
            cwd=self.root,
        )

    def _ctl(self, action, *extra):
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl",
            action,
            "-D",
            self.data,
            "-l",
            self.root / "server.log",
            "-o",
            options,
            "-w",
            "-t",
            "60",
            *extra,
        )

    def start(self):
        self._ctl("start")

    def stop(self):
        self._ctl("stop", "-m", "fast")

    def restart(self):
        """Fast restart: every connection is cut, in-flight transactions are rolled back."""
        self._ctl("restart", "-m", "fast")

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def copy_database(self, source_url, name):
        """A copy of the database at `source_url` (on any server) in this cluster."""
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        dump = subprocess.run(
            [str(self.bin / "pg_dump"), "--no-owner", "-Fc", source_url],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [str(self.bin / "pg_restore"), "--no-owner", "-d", self.url(name)],
            input=dump.stdout,
            check=True,
            capture_output=True,
        )
        return self.url(name)

    def close(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
