"""The content version: one counter that every visible change bumps.

Cached reader data is stored under keys that carry the current version, so bumping it
refreshes everything at once without hunting keys. Entries also expire no later than
the next scheduled publication, so a scheduled story appears on time with no job.

A request reads the version once and keeps it to the end: every part of one page comes
from the same generation, and a shared cache is asked once rather than once per part.
Taking it before any content is read is what keeps this safe: whatever the request
stores under that version is retired by the next bump.

A process also keeps the version it last read for a tenth of a second
(``VERSION_RECHECK_SECONDS``), and what it cached lately in its own memory in front of
the shared cache (``process_memory``): what is stored under a version never changes, so
a copy of it is as good as the shared one, and a hit costs no round trip. The process
that makes a change forgets the version at once, so its own next page shows the
change; every other app process shows it within that tenth of a second.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from types import SimpleNamespace

from asgiref.local import Local
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

VERSION_KEY = "content-version"
MAX_TTL_SECONDS = 600
VERSION_RECHECK_SECONDS = 0.1
# Each app process keeps up to this much of what it cached lately.
PROCESS_MEMORY_MAX_BYTES = 32 * 1024 * 1024
# What a value other than text or bytes is counted as.
NOMINAL_VALUE_BYTES = 1024


class ProcessMemory:
    """Values this process cached lately, by key, in its own memory: bounded in bytes
    (the least recently used go first), each until its own expiry. Only for values
    stored under a content version, which never change."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self.entries: OrderedDict[str, tuple[object, float, int]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            value, expires_at, _size = entry
            if time.time() >= expires_at:
                self._remove(key)
                return None
            self.entries.move_to_end(key)
            return value

    def put(self, key: str, value, seconds: float) -> None:
        size = (
            len(value) if isinstance(value, str | bytes) else NOMINAL_VALUE_BYTES
        ) + getattr(value, "extra_bytes", 0)
        with self.lock:
            if key in self.entries:
                self._remove(key)
            self.entries[key] = (value, time.time() + seconds, size)
            self.size += size
            while self.size > self.max_bytes and self.entries:
                self._remove(next(iter(self.entries)))

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _remove(self, key: str) -> None:
        _value, _expires_at, size = self.entries.pop(key)
        self.size -= size


process_memory = ProcessMemory(max_bytes=PROCESS_MEMORY_MAX_BYTES)


# The version the current request has read; only set between a request's start and
# its end, so that a long-running process outside requests always asks the cache.
_this_request = Local()


# The version this process read last, and when (time.monotonic()).
_this_process = SimpleNamespace(version=None, read_at=0.0)


def forget_process_version() -> None:
    _this_process.version = None
    _this_request.version = None


def forget_process_memory() -> None:
    """Drop all this process remembers (the tests do, with the cache)."""
    forget_process_version()
    process_memory.clear()


@receiver(request_started)
def _start_request(**kwargs) -> None:
    _this_request.active = True
    _this_request.version = None


@receiver(request_finished)
def _finish_request(**kwargs) -> None:
    _this_request.active = False
    _this_request.version = None


def content_version() -> int:
    version = getattr(_this_request, "version", None)
    if version is not None:
        return version
    remembered, now = _this_process.version, time.monotonic()
    if remembered is not None and now - _this_process.read_at < VERSION_RECHECK_SECONDS:
        version = remembered
    else:
        version = _read_content_version()
        _this_process.version, _this_process.read_at = version, now
    if getattr(_this_request, "active", False):
        _this_request.version = version
    return version


def _read_content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A fresh cache (restart, eviction) starts a new generation; the timestamp keeps
        # it from colliding with a generation that another process still holds.
        version = int(timezone.now().timestamp() * 1000)
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY, version)
    return version


def bump_content_version() -> None:
    # What this process reads after its own change must show the change (what it
    # holds under the old version is simply never asked for again).
    forget_process_version()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        content_version()


def bump_content_version_on_commit() -> None:
    transaction.on_commit(bump_content_version)


def seconds_until(moment: datetime | None) -> int:
    if moment is None:
        return MAX_TTL_SECONDS
    remaining = (moment - timezone.now()).total_seconds()
    return max(1, min(MAX_TTL_SECONDS, int(remaining) + 1))


def cached_for_readers[T](
    name: str, build: Callable[[], T], *, fresh_until: Callable[[], datetime | None]
) -> T:
    """Return ``build()``, cached under the content version until the next change.

    ``fresh_until`` names the moment the cached value may stop being true (the next
    scheduled publication); it is asked only when the value is built.
    """
    key = f"readers:{name}:v{content_version()}"
    value = process_memory.get(key)
    if value is not None:
        return value
    value = cache.get(key)
    seconds = seconds_until(fresh_until())
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    process_memory.put(key, value, seconds)
    return value


def cached_many_for_readers[T](builds: dict[str, Callable[[], T]]) -> dict[str, T]:
    """Like ``cached_for_readers`` for many values at once, which do not depend on
    the schedule: what this process holds, then one round trip to the shared cache
    for the rest, and one more to store those that had to be built."""
    version = content_version()
    names_by_key = {f"readers:{name}:v{version}": name for name in builds}
    values: dict[str, T] = {}
    missing = []
    for key, name in names_by_key.items():
        value = process_memory.get(key)
        if value is None:
            missing.append(key)
        else:
            values[name] = value
    if not missing:
        return values
    found = cache.get_many(missing)
    built = {}
    for key in missing:
        name = names_by_key[key]
        if key in found:
            values[name] = found[key]
        else:
            values[name] = built[key] = builds[name]()
        process_memory.put(key, values[name], MAX_TTL_SECONDS)
    if built:
        cache.set_many(built, MAX_TTL_SECONDS)
    return values
