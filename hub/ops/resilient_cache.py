"""Redis as a cache the site can lose: while Redis cannot be reached, calls answer as an empty
cache would (or go to a fallback cache), so pages are served uncached instead of failing.

- **Circuit breaker.** The first failed call opens the breaker for the Redis server; while it
  is open no call waits on the network, and one call every `RETRY_AFTER` seconds tries Redis
  again. The breaker is per server and per process, shared by every thread and alias.
- **Fallback.** An alias with `OPTIONS["FALLBACK"]` (the default cache, which holds sign-in
  throttling and the worker's heartbeat) hands its calls to that cache (the database) while the
  breaker is open: throttling keeps counting, never silently unlimited. Without a fallback (the
  page cache and cached sessions), reads miss and writes are dropped: the database is the truth.
- **Nothing stale after an outage.** While Redis was away, a publish could not move the page
  cache's generation on and a sign-out could not drop the cached session. So before any call is
  answered from Redis again, the process sends `cache_recovered`, whose receivers make every
  earlier page and cached session unreachable. The same happens when Redis has restarted
  (its run id changed), because a restart may restore an old snapshot; and a write that failed
  also queues `reconcile_cache` in the database, so the worker does it even if this process
  never calls Redis again.
- **Logs.** One warning when Redis is lost, one line a minute while it stays away (with the
  number of calls answered without it), one when it is back: never one per request.
"""

import logging
import re
import threading
import time
from urllib.parse import urlsplit

import redis
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal

logger = logging.getLogger("hub.ops.cache")

# Sent (sender: the location "host:port") before a process answers from Redis again after an
# outage or a restart of Redis. Receivers must only call the cache.
cache_recovered = Signal()

UNREACHABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)
LOG_EVERY_SECONDS = 60
_RUN_ID = re.compile(rb"run_id:([0-9a-f]+)")


class Breaker:
    """The state of one Redis server as this process sees it."""

    def __init__(self, where, retry_after):
        self.where = where
        self.retry_after = retry_after
        self.lock = threading.Lock()
        self.down_since = None  # monotonic time of the first failure, while open
        self.next_try = 0.0
        self.next_log = 0.0
        self.answered_without = 0
        self.owes_recovery = False
        self.run_id = None
        self.restarted = False
        self.recovering = None  # the thread making older entries unreachable, while it does
        self.settled = threading.Event()
        self.settled.set()
        self.reconcile_queued = False
        # Moves on when Redis is lost and when a recovery ends: a reader that saw the same
        # epoch before and after two calls knows both were answered by the same Redis.
        self.epoch = 0

    def allows_call(self):
        """True while closed; while open, True for one caller every retry_after seconds."""
        if self.down_since is None:
            return True
        with self.lock:
            now = time.monotonic()
            if now >= self.next_try:
                self.next_try = now + self.retry_after
                return True
            self.answered_without += 1
            if now >= self.next_log:
                self.next_log = now + LOG_EVERY_SECONDS
                logger.warning(
                    "Cache %s still unreachable after %d s: %d calls answered without it.",
                    self.where,
                    now - self.down_since,
                    self.answered_without,
                )
            return False

    def failed(self, error):
        with self.lock:
            now = time.monotonic()
            self.owes_recovery = True
            self.next_try = now + self.retry_after
            if self.down_since is None:
                self.down_since = now
                self.epoch += 1
                self.answered_without = 0
                self.next_log = now + LOG_EVERY_SECONDS
                logger.warning(
                    "Cache %s unreachable (%s); serving without it, trying again every %s s.",
                    self.where,
                    type(error).__name__,
                    self.retry_after,
                )

    def answered(self):
        """Called after a call reached Redis. True when this thread must recover first; a
        thread arriving while another recovers waits for it (a few milliseconds)."""
        if self.down_since is None and not (
            self.restarted or self.owes_recovery or self.recovering
        ):
            return False
        if self.recovering == threading.get_ident():
            return False  # the recovery's own calls
        self.settled.wait(timeout=5)
        with self.lock:
            if self.recovering is not None:
                return False
            if self.down_since is not None:
                logger.warning(
                    "Cache %s reachable again after %d s (%d calls answered without it).",
                    self.where,
                    time.monotonic() - self.down_since,
                    self.answered_without,
                )
                self.down_since = None
            due = self.owes_recovery or self.restarted
            if due:
                self.begin_recovery()
            return due

    def begin_recovery(self):
        self.recovering = threading.get_ident()
        self.settled.clear()

    def recovered(self, ok):
        with self.lock:
            # A call that failed during the recovery leaves the breaker open and the debt owed.
            if ok and self.down_since is None:
                self.owes_recovery = False
                self.restarted = False
                self.reconcile_queued = False
            self.recovering = None
            self.epoch += 1
            self.settled.set()

    def saw_run_id(self, run_id):
        with self.lock:
            if self.run_id is not None and run_id != self.run_id:
                logger.warning("Cache %s restarted; older cached pages are dropped.", self.where)
                self.restarted = True
            self.run_id = run_id


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(where, retry_after=2.0):
    with _breakers_lock:
        if where not in _breakers:
            _breakers[where] = Breaker(where, retry_after)
        return _breakers[where]


class _RunIdMixin:
    """Every new connection asks the server for its run id, so a restart is noticed even by a
    process whose pooled connections were quietly replaced."""

    def on_connect_check_health(self, *args, **kwargs):  # redis-py's hook after each connect
        super().on_connect_check_health(*args, **kwargs)
        self.send_command("INFO", "server")
        info = self.read_response()
        if isinstance(info, str):
            info = info.encode()
        found = _RUN_ID.search(info or b"")
        if found:
            breaker_for(f"{self.host}:{self.port}").saw_run_id(found.group(1))


class WatchedConnection(_RunIdMixin, redis.Connection):
    pass


class WatchedSSLConnection(_RunIdMixin, redis.SSLConnection):
    pass


def _location(url):
    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}:{parts.port or 6379}"


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS", {}))
        self._fallback_alias = options.pop("FALLBACK", None)
        retry_after = float(options.pop("RETRY_AFTER", 2.0))
        # A lost Redis costs at most this long, once per retry.
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.5)
        params["OPTIONS"] = options
        super().__init__(server, params)
        first = self._servers[0]
        if first.startswith(("redis:", "rediss:")):
            self._options.setdefault(
                "connection_class",
                WatchedSSLConnection if first.startswith("rediss:") else WatchedConnection,
            )
        self.where = _location(first)
        self.breaker = breaker_for(self.where, retry_after)

    def state(self):
        """None while Redis is unreachable or being recovered; otherwise a number that moves
        on whenever Redis is lost or recovered. A caller whose answers depend on each other
        (a page cache's generation, then its page) compares it before and after."""
        breaker = self.breaker
        if breaker.down_since is not None or breaker.recovering is not None:
            return None
        return breaker.epoch

    # One path for every call -------------------------------------------------------------

    def _call(self, name, *args, without):
        breaker = self.breaker
        if breaker.allows_call():
            try:
                result = getattr(super(), name)(*args)
            except UNREACHABLE as error:
                breaker.failed(error)
                if name in self._WRITES:
                    _queue_reconcile(self.where)
            else:
                if not breaker.answered():
                    return result
                ok = self._recover()
                # What Redis answered before the recovery may be what it just dropped.
                return self._call(name, *args, without=without) if ok else without()
        if self._fallback_alias:
            return getattr(caches[self._fallback_alias], name)(*args)
        return without()

    _WRITES = {"add", "set", "touch", "delete", "incr", "set_many", "delete_many", "clear"}

    def _recover(self):
        """Make everything cached before the outage unreachable (the breaker's recovery has
        begun in this thread). True when done; False leaves it owed."""
        try:
            cache_recovered.send(sender=self.where, cache=self)
        except UNREACHABLE as error:
            self.breaker.failed(error)
            self.breaker.recovered(False)
            return False
        self.breaker.recovered(True)
        return self.breaker.down_since is None

    def recover_now(self):
        """Recover whatever this process has seen (the reconciliation task's call): False
        while Redis is unreachable."""
        try:
            self._cache.get_client(write=True).ping()
        except UNREACHABLE as error:
            self.breaker.failed(error)
            return False
        if not self.breaker.answered():  # (which closes the breaker if it was open)
            with self.breaker.lock:
                if self.breaker.recovering is not None:
                    return False
                self.breaker.begin_recovery()
        return self._recover()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version, without=lambda: False)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version, without=lambda: default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout, version, without=lambda: None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version, without=lambda: False)

    def delete(self, key, version=None):
        return self._call("delete", key, version, without=lambda: False)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version, without=dict)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version, without=lambda: False)

    def incr(self, key, delta=1, version=None):
        def without():
            raise ValueError(f"Key '{key}' not found (the cache is unreachable).")

        return self._call("incr", key, delta, version, without=without)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version, without=lambda: list(data))

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version, without=lambda: None)

    def clear(self):
        return self._call("clear", without=lambda: False)

    # For the health check and the recovery receivers --------------------------------------

    def reachable(self):
        """Ask Redis itself, whatever the breaker says; a success closes it."""
        try:
            self._cache.get_client(write=True).ping()
        except UNREACHABLE as error:
            self.breaker.failed(error)
            return False
        if self.breaker.answered():
            return self._recover()
        return True

    def forget_matching(self, pattern):
        """Delete every key of this cache whose name matches the glob `pattern`; raises when
        Redis is unreachable, so a recovery that could not finish is tried again."""
        client = self._cache.get_client(write=True)
        full = self.make_key(pattern, version="*")
        batch = []
        for key in client.scan_iter(match=full, count=500):
            batch.append(key)
            if len(batch) >= 500:
                client.unlink(*batch)
                batch = []
        if batch:
            client.unlink(*batch)


def _queue_reconcile(where):
    """Once per outage per process: a task in the database that makes the recovery happen as
    soon as Redis answers, even if this process never calls it again."""
    breaker = breaker_for(where)
    if breaker.reconcile_queued:
        return
    breaker.reconcile_queued = True
    try:
        from django.db import transaction

        from hub.core.tasks import enqueue

        with transaction.atomic():  # a savepoint: a failure here spoils no caller's transaction
            enqueue("hub.ops.tasks.reconcile_cache")
    except Exception:  # noqa: BLE001 - the database may be down too; the breaker still owes it
        breaker.reconcile_queued = False
        logger.warning("Could not queue the cache reconciliation; this process will do it.")
