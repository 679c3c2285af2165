"""The shared cache as readers' pages use it: a failure is a miss, never an error.

When the shared cache (Redis) cannot be reached, every call here answers as if the
key were absent (or the write done), the failure is logged once per
``LOG_INTERVAL_SECONDS``, and for ``RETRY_AFTER_SECONDS`` no call tries again, so a
dead server costs readers no time-out per request. Pages then come from the database,
with this process's own memory in front (see ``readercache.versions``).
"""

import contextlib
import logging
import time
from types import SimpleNamespace

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger("readercache")

RETRY_AFTER_SECONDS = 1.0
LOG_INTERVAL_SECONDS = 60.0

_health = SimpleNamespace(down_until=0.0, logged_at=-LOG_INTERVAL_SECONDS, failed=False)


class Unavailable(Exception):
    """The shared cache could not be reached (or was skipped since it recently
    could not)."""


# The cache alias readers' pages use (newsportal.settings.CACHES).
ALIAS = "readers"


def store():
    return caches[ALIAS]


def is_process_local() -> bool:
    """Whether the configured cache lives in this process alone (the embedded
    default), so that other processes cannot see what it holds."""
    return isinstance(store(), LocMemCache)


def is_available() -> bool:
    return time.monotonic() >= _health.down_until


def had_outage() -> bool:
    """True once after the shared cache came back from an outage."""
    if _health.failed and is_available():
        _health.failed = False
        return True
    return False


def forget_health() -> None:
    _health.down_until, _health.failed = 0.0, False
    _health.logged_at = -LOG_INTERVAL_SECONDS


def call(method: str, *args, **kwargs):
    """``cache.<method>(*args, **kwargs)``; raises ``Unavailable`` when the shared
    cache fails or recently failed."""
    if not is_available():
        raise Unavailable
    try:
        return getattr(store(), method)(*args, **kwargs)
    except (ConnectionError, TimeoutError, OSError) as error:
        _note_failure(error)
        raise Unavailable from error
    except Exception as error:
        # redis-py's errors do not derive from the built-in ones.
        if type(error).__module__.startswith("redis"):
            _note_failure(error)
            raise Unavailable from error
        raise


def _note_failure(error: Exception) -> None:
    now = time.monotonic()
    _health.down_until = now + RETRY_AFTER_SECONDS
    _health.failed = True
    if now - _health.logged_at >= LOG_INTERVAL_SECONDS:
        _health.logged_at = now
        logger.warning(
            "The shared cache is unreachable (%s): readers' pages come from the"
            " database until it is back (logged at most every %d s).",
            error,
            LOG_INTERVAL_SECONDS,
        )


def get(key: str, default=None):
    try:
        return call("get", key, default)
    except Unavailable:
        return default


def get_many(keys: list[str]) -> dict:
    try:
        return call("get_many", keys)
    except Unavailable:
        return {}


def set(key: str, value, seconds: float) -> None:  # noqa: A001
    with contextlib.suppress(Unavailable):
        call("set", key, value, seconds)


def set_many(values: dict, seconds: float) -> None:
    with contextlib.suppress(Unavailable):
        call("set_many", values, seconds)


def add(key: str, value, seconds: float) -> bool:
    """Store ``value`` unless ``key`` is present; False when it was, or when the
    shared cache is unreachable."""
    try:
        return bool(call("add", key, value, seconds))
    except Unavailable:
        return False


def delete(key: str) -> None:
    with contextlib.suppress(Unavailable):
        call("delete", key)
