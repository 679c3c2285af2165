"""How often one sender may search: a count per sender (its keyed hash, never its
address) and per window, in the readers' cache. Search is the one reader page
that a new query makes the database work for, so it is where a flood aims.

With Redis every process shares the count; with process memory each worker counts
its own (the limit is then per worker). While the cache is unreachable nobody is
limited: readers are not turned away because Redis is down.
"""

import time

from django.conf import settings
from django.http import HttpRequest

from newsportal.senders import sender_hash_for
from readercache import shared


def seconds_to_wait(request: HttpRequest) -> int:
    """0 when this request may search; else how many seconds until it may."""
    window = settings.SEARCH_RATE_LIMIT_SECONDS
    now = time.time()
    slot = int(now // window)
    key = f"search-rate:{sender_hash_for(request)}:{slot}"
    try:
        shared.add(key, 0, window + 1)
        count = shared.call("incr", key)
    except (shared.Unavailable, ValueError):
        return 0
    if count <= settings.SEARCH_RATE_LIMIT:
        return 0
    return max(1, int((slot + 1) * window - now) + 1)
