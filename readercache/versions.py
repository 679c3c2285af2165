"""Versions: counters that a change bumps, so that what was cached before it is
never asked for again.

There is one version for the whole site (``SITE``) and one per *scope* an app names
(the page of one article, say: see ``readercache.refresh.watch``). What is cached for
readers is stored under the versions of everything it shows, as a *token*
(``v<site>`` or ``v<site>.<scope>``), so a bump retires it without hunting keys.

Where the versions live depends on the deployment, so that no process ever serves
what another has retired:

- with a shared cache (Redis), in that cache; each process trusts what it read for
  ``SHARED_RECHECK_SECONDS`` (a tenth of a second), and the process that made a
  change forgets its copy at once;
- with the embedded local-memory cache, which every process holds alone, in a small
  SQLite file (``READER_CACHE_VERSIONS_FILE``) that every process on the machine
  reads on each request: several gunicorn workers without Redis see a change on
  their very next request. Reading it costs some microseconds.

A request reads each version once and keeps it to the end: every part of one page
comes from the same generation.

While the shared cache cannot be reached there is no token (``None``): callers then
render from the database and keep the result in this process's memory for
``OUTAGE_SECONDS`` only. A bump that could not be written is retried every second
from a background thread until it is, so a change made during an outage is not
hidden behind pages cached before it.
"""

import os
import sqlite3
import threading
import time
from types import SimpleNamespace

from asgiref.local import Local
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import request_finished, request_started
from django.dispatch import receiver

from readercache import shared

SITE = "site"
SHARED_RECHECK_SECONDS = 0.1
OUTAGE_SECONDS = 1.0
KEY_PREFIX = "readers-version:"


def _new_generation() -> int:
    # A store that lost its counters (restart, eviction, a deleted file) starts from
    # the clock, so it never hands out a number another process still holds pages of.
    return int(time.time() * 1000)


class SharedCacheVersions:
    """Versions kept in the shared cache (Redis)."""

    recheck_seconds = SHARED_RECHECK_SECONDS

    def __init__(self):
        self.owed: set[str] = set()
        self.lock = threading.Lock()
        self.retrying = False

    def read(self, names: list[str]) -> dict[str, int] | None:
        if self.owed and not self._pay_owed():
            return None
        keys = [KEY_PREFIX + name for name in names]
        try:
            found = shared.call("get_many", keys)
            for key in keys:
                if key not in found:
                    shared.call("add", key, _new_generation(), None)
                    found[key] = shared.call("get", key)
        except shared.Unavailable:
            return None
        if None in found.values():
            return None
        return {name: found[KEY_PREFIX + name] for name in names}

    def bump(self, names: set[str]) -> None:
        try:
            for name in names:
                try:
                    shared.call("incr", KEY_PREFIX + name)
                except ValueError:
                    # Never read yet: a new generation is as good as a bump.
                    shared.call("add", KEY_PREFIX + name, _new_generation(), None)
        except shared.Unavailable:
            with self.lock:
                self.owed |= names
            self._retry_soon()

    def _pay_owed(self) -> bool:
        with self.lock:
            owed, self.owed = self.owed, set()
        if owed:
            self.bump(owed)
        return not self.owed

    def _retry_soon(self) -> None:
        with self.lock:
            if self.retrying:
                return
            self.retrying = True

        def retry():
            while True:
                time.sleep(shared.RETRY_AFTER_SECONDS)
                if shared.is_available() and self._pay_owed():
                    break
            with self.lock:
                self.retrying = False

        threading.Thread(target=retry, name="readercache-retry", daemon=True).start()


class FileVersions:
    """Versions kept in a SQLite file that every process on this machine shares."""

    recheck_seconds = 0.0

    def __init__(self, path: str):
        self.path = path
        self.local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        # One connection per thread, opened anew after a fork (gunicorn's workers are
        # forked from a master that may have opened one).
        pid = os.getpid()
        if getattr(self.local, "pid", None) != pid:
            connection = sqlite3.connect(
                self.path, timeout=10, isolation_level=None, check_same_thread=True
            )
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS version"
                " (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"
            )
            self.local.connection, self.local.pid = connection, pid
        return self.local.connection

    def read(self, names: list[str]) -> dict[str, int]:
        connection = self._connection()
        marks = ",".join("?" * len(names))
        query = f"SELECT name, value FROM version WHERE name IN ({marks})"
        found = dict(connection.execute(query, names).fetchall())
        missing = [name for name in names if name not in found]
        if missing:
            connection.executemany(
                "INSERT OR IGNORE INTO version (name, value) VALUES (?, ?)",
                [(name, _new_generation()) for name in missing],
            )
            found = dict(connection.execute(query, names).fetchall())
        return found

    def bump(self, names: set[str]) -> None:
        self._connection().executemany(
            "INSERT INTO version (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = value + 1",
            [(name, _new_generation()) for name in sorted(names)],
        )


_stores: dict[str, object] = {}


def store() -> SharedCacheVersions | FileVersions:
    if shared.is_process_local():
        path = str(settings.READER_CACHE_VERSIONS_FILE)
        if path not in _stores:
            _stores[path] = FileVersions(path)
        return _stores[path]
    if "shared" not in _stores:
        _stores["shared"] = SharedCacheVersions()
    return _stores["shared"]


def check_deployment() -> None:
    folder = os.path.dirname(str(settings.READER_CACHE_VERSIONS_FILE))
    if shared.is_process_local() and not os.path.isdir(folder):
        raise ImproperlyConfigured(
            f"READER_CACHE_VERSIONS_FILE must be in an existing folder: {folder}"
        )


# The versions the current request has read; only kept between a request's start
# and its end, so that a long-running process outside requests always asks.
_this_request = Local()

# The versions this process read last: name -> (value, time.monotonic() when read);
# and how many changes it made itself (what it keeps during an outage is keyed by
# that, so that its own change shows on its next page).
_this_process = SimpleNamespace(read={}, changes=0)


@receiver(request_started)
def _start_request(**kwargs) -> None:
    _this_request.active = True
    _this_request.read = {}


@receiver(request_finished)
def _finish_request(**kwargs) -> None:
    _this_request.active = False
    _this_request.read = {}


def forget() -> None:
    """Forget every version this process or request read (after its own change)."""
    _this_process.read = {}
    _this_request.read = {}


def current(names: list[str]) -> dict[str, int] | None:
    """The current value of each named version, or None while they cannot be read."""
    in_request = getattr(_this_request, "read", None) if _in_request() else None
    if in_request is not None and all(name in in_request for name in names):
        return {name: in_request[name] for name in names}
    versions_store = store()
    now = time.monotonic()
    values, stale = {}, []
    for name in names:
        remembered = _this_process.read.get(name)
        if remembered and now - remembered[1] < versions_store.recheck_seconds:
            values[name] = remembered[0]
        else:
            stale.append(name)
    if stale:
        read = versions_store.read(stale)
        if read is None:
            return None
        for name, value in read.items():
            _this_process.read[name] = (value, now)
        values.update(read)
    if in_request is not None:
        in_request.update(values)
    return values


def _in_request() -> bool:
    return getattr(_this_request, "active", False)


def token(*scopes: str) -> str | None:
    """The token what shows these scopes (and the site) is cached under, or None
    while the versions cannot be read."""
    names = [SITE, *scopes]
    values = current(names)
    if values is None:
        return None
    return "v" + ".".join(str(values[name]) for name in names)


def outage_token() -> str:
    """What is kept in process memory is filed under while versions cannot be read."""
    return f"outage{_this_process.changes}"


def bump(names: set[str]) -> None:
    # What this process reads after its own change must show the change.
    forget()
    _this_process.changes += 1
    store().bump(names)
