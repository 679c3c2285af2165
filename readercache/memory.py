"""What this process cached lately, in its own memory, in front of the shared cache.

Only values stored under a version token are kept here: they never change, so a
copy is as good as the shared one, and a hit costs no round trip.

Hand-written rather than ``cachetools.TLRUCache``, which would do the same with a
``getsizeof`` and a time-to-use function: each value's life is given when it is put
(the time left to the next scheduled change), which TLRUCache can only learn by
wrapping every value with it; it is not thread-safe, so the lock stays; and it
raises for a value larger than the whole cache, where this drops it. What remains
is an OrderedDict and forty lines, with no dependency to follow.
"""

import threading
import time
from collections import OrderedDict

# Each app process keeps up to this much of what it cached lately.
PROCESS_MEMORY_MAX_BYTES = 32 * 1024 * 1024
# What a value other than text or bytes is counted as.
NOMINAL_VALUE_BYTES = 1024


class ProcessMemory:
    """Values by key: bounded in bytes (the least recently used go first), each until
    its own expiry."""

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
        size = weight(value)
        with self.lock:
            if key in self.entries:
                self._remove(key)
            if size > self.max_bytes:
                return  # kept, it would push out everything else
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


def weight(value) -> int:
    """Bytes counted for ``value``: text and bytes by their length, a tuple by its
    items, anything else nominally plus what it says it holds (``extra_bytes``)."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, tuple):
        return sum(weight(item) for item in value)
    return NOMINAL_VALUE_BYTES + getattr(value, "extra_bytes", 0)


process_memory = ProcessMemory(max_bytes=PROCESS_MEMORY_MAX_BYTES)
