"""When cached reader data stops being true by itself: the next scheduled
publication. Apps register a hook that says when their next such moment is
(``readercache.expire_at``); everything cached lives no longer than until the
earliest of them, so a scheduled story appears on time with no job."""

from collections.abc import Callable
from datetime import datetime

from django.utils import timezone

from readercache import shared, versions
from readercache.keys import versioned_key
from readercache.memory import process_memory

MAX_TTL_SECONDS = 600

_hooks: list[Callable[[], datetime | None]] = []


def expire_at(hook: Callable[[], datetime | None]) -> Callable[[], datetime | None]:
    """Register ``hook``, which returns the next moment cached pages may stop being
    true (or None). It is asked once per site version."""
    if hook not in _hooks:
        _hooks.append(hook)
    return hook


def seconds_until(moment: datetime | None) -> int:
    if moment is None:
        return MAX_TTL_SECONDS
    remaining = (moment - timezone.now()).total_seconds()
    return max(1, min(MAX_TTL_SECONDS, int(remaining) + 1))


def _ask_hooks() -> datetime | None:
    moments = [moment for moment in (hook() for hook in _hooks) if moment is not None]
    return min(moments, default=None)


def next_change() -> datetime | None:
    """The earliest moment any registered hook names, cached under the site version
    (and asked again once it has passed)."""
    token = versions.token()
    if token is None:
        return _ask_hooks()
    key = versioned_key("next-change", token)
    cached = process_memory.get(key)
    if cached is None:
        cached = shared.get(key)
    if cached is None:
        moment = _ask_hooks()
        cached = (moment,)  # a tuple, so that "nothing scheduled" is cached too
        shared.set(key, cached, seconds_until(moment))
    process_memory.put(key, cached, seconds_until(cached[0]))
    return cached[0]


def seconds_left() -> int:
    """How long what is cached now may be kept."""
    return seconds_until(next_change())
