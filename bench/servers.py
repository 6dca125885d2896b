"""What the benchmark starts and must stop again: PostgreSQL databases, gunicorn, nginx.

Every start registers its own undo on an `ExitStack`, so leaving the stack (normally, on an
error or on Ctrl+C) stops each server and drops each database, newest first. Servers run in
their own process group so a stop reaches every worker they forked, and so Ctrl+C in the
terminal reaches only the benchmark, which then stops them in order.
"""

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
NGINX = "/usr/sbin/nginx"


def clean_environment():
    """Only what a process needs from the caller's environment; every setting of the site
    under test is then given explicitly, so nothing in the caller's shell changes a figure."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TERM")
    return {name: os.environ[name] for name in keep if name in os.environ}


def database_url(name):
    return f"postgres://{POSTGRES['user']}@{POSTGRES['host']}:{POSTGRES['port']}/{name}"


def _postgres_admin(sql):
    with psycopg.connect(dbname="postgres", autocommit=True, **POSTGRES) as connection:
        connection.execute(sql)


def drop_database(name):
    _postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def create_database(stack, name, template=None):
    """A fresh, empty database (or a copy of `template`), dropped when the stack unwinds."""
    drop_database(name)
    _postgres_admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    stack.callback(drop_database, name)
    return database_url(name)


def postgres_version():
    with psycopg.connect(dbname="postgres", **POSTGRES) as connection:
        return connection.execute("SHOW server_version").fetchone()[0]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _stop_group(process, name, grace=25):
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        print(f"  {name} did not stop in {grace} s; killing it")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def start_server(stack, name, command, *, env, cwd, log_path, ready_url, timeout=90):
    """Start `command` in its own process group; return once `ready_url` answers.

    The server is stopped (the whole group: master and workers) when the stack unwinds."""
    log = open(log_path, "ab")  # noqa: SIM115 - closed by the stack, after the process stops
    stack.callback(log.close)
    process = subprocess.Popen(
        command,
        env=env,
        cwd=cwd,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    stack.callback(_stop_group, process, name)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}; see {log_path}")
        try:
            with urllib.request.urlopen(ready_url, timeout=5) as response:  # noqa: S310
                response.read()
            return process
        except urllib.error.HTTPError:
            return process  # it answers; the caller checks the pages it will load
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{name} did not answer {ready_url} within {timeout} s; see {log_path}")


def gunicorn_command(app):
    return [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "--config",
        str(ROOT / "deploy" / "gunicorn.conf.py"),
        app,
    ]


def gunicorn_env(base, port, workers=None, worker_class=None, threads=None):
    """The environment deploy/gunicorn.conf.py reads: its own choice of workers, worker class
    and threads unless one is given here."""
    env = {**base, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_ACCESS_LOG": "/dev/null"}
    for name, value in (
        ("WEB_CONCURRENCY", workers),
        ("GUNICORN_WORKER_CLASS", worker_class),
        ("GUNICORN_THREADS", threads),
    ):
        if value is not None:
            env[name] = str(value)
    return env


NGINX_CONF = """\
worker_processes {workers};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    default_type text/html;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    client_body_temp_path {prefix}/temp;
    proxy_temp_path {prefix}/temp;
    fastcgi_temp_path {prefix}/temp;
    uwsgi_temp_path {prefix}/temp;
    scgi_temp_path {prefix}/temp;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
    }}
}}
"""


def start_nginx(stack, prefix, root, port, workers):
    """nginx in the foreground serving `root` (a folder of index.html files), no access log."""
    (prefix / "temp").mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(NGINX_CONF.format(workers=workers, prefix=prefix, root=root, port=port))
    return start_server(
        stack,
        "nginx",
        [NGINX, "-c", str(conf), "-p", str(prefix), "-e", str(prefix / "error.log")]
        + ["-g", "daemon off;"],
        env=os.environ.copy(),
        cwd=prefix,
        log_path=prefix / "nginx.out",
        ready_url=f"http://127.0.0.1:{port}/",
    )


NGINX_PROXY_CONF = """\
worker_processes {workers};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    keepalive_timeout 65;
    client_body_temp_path {prefix}/temp;
    proxy_temp_path {prefix}/temp;
    fastcgi_temp_path {prefix}/temp;
    uwsgi_temp_path {prefix}/temp;
    scgi_temp_path {prefix}/temp;
{cache_path}
    upstream hub_web {{ server 127.0.0.1:{upstream}; keepalive 32; }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://hub_web;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
{cache}
        }}
    }}
}}
"""
# The micro-cache of deploy/nginx/hub.conf, without TLS.
MICRO_CACHE_PATH = """\
    proxy_cache_path {prefix}/cache levels=1:2 keys_zone=hub_micro:10m max_size=64m
                     inactive=60s use_temp_path=off;"""
MICRO_CACHE = """\
            proxy_cache hub_micro;
            proxy_cache_key "$scheme$host$request_uri";
            proxy_cache_valid 200 5s;
            proxy_cache_lock on;
            proxy_cache_use_stale updating error timeout;
            proxy_cache_bypass $cookie_sessionid $http_authorization;
            proxy_no_cache $cookie_sessionid $http_authorization;"""


def start_nginx_proxy(stack, prefix, upstream_port, port, workers, micro_cache=True):
    """nginx in front of gunicorn as deploy/nginx/hub.conf has it: HTTP/1.1 with keep-alive
    connections to the app and, unless `micro_cache` is False, the micro-cache."""
    (prefix / "temp").mkdir(parents=True, exist_ok=True)
    (prefix / "cache").mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(
        NGINX_PROXY_CONF.format(
            workers=workers,
            prefix=prefix,
            upstream=upstream_port,
            port=port,
            cache_path=MICRO_CACHE_PATH.format(prefix=prefix) if micro_cache else "",
            cache=MICRO_CACHE if micro_cache else "",
        )
    )
    return start_server(
        stack,
        "nginx-proxy",
        [NGINX, "-c", str(conf), "-p", str(prefix), "-e", str(prefix / "error.log")]
        + ["-g", "daemon off;"],
        env=os.environ.copy(),
        cwd=prefix,
        log_path=prefix / "nginx.out",
        ready_url=f"http://127.0.0.1:{port}/",
    )
