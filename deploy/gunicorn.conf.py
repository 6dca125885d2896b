"""gunicorn settings for the Hub. Every value can be overridden from the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Threaded workers: one process per core plus one, four threads each, chosen by the numbers
# (bench/run.py --workers-compare on 2 cores shared with test runs, PostgreSQL, page cache
# off: home, content page and signed-in My training at 8 and 64 connections, straight and
# through nginx keeping its connections to gunicorn alive; wrk -d5s; the configurations took
# turns, two rounds). Req/s against 5 sync workers, geometric mean over the 12 runs of a
# round, in two comparisons (the second after the shared fragments made pages cheaper):
#   5 processes x 2 threads: 1.37x, 1.58x; then 1.19x, 1.56x
#   3 processes x 4 threads: 1.69x, 1.76x; then 1.34x, 1.47x
# e.g. the uncached content page through nginx at 64 connections, second comparison: sync
# 479 and 415 req/s, 3x4 1021 and 617. Likely why: a sync worker closes every connection (no
# keep-alive, so nginx too opens one per request), while threads keep them open and overlap
# the waits on PostgreSQL and Redis. 3x4 rather than 5x2: as fast within the noise, with fewer
# processes' memory. Per-process state is thread-safe (hub/ops/fragments.py locks; Django's
# database connections are per thread).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A worker that takes longer than this on one request is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Idle keep-alive connections (nginx's, deploy/nginx/hub.conf: `keepalive 32` upstream) are
# kept longer than nginx keeps them (its keepalive_timeout, 60 s by default), so nginx
# always closes an idle one first and never sends a request down one gunicorn is closing.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "75"))
# Recycle workers now and then so a slow leak can never build up. Not too often: a worker
# restart reloads Django (about a second), and at cached-page rates 2,000 requests came round
# every few seconds, which showed as multi-second p99 spikes in bench/RESULTS.md.
max_requests = 50000
max_requests_jitter = 5000
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "hub-web"
