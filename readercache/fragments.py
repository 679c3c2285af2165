"""Parts of pages (and the reads behind them) kept under the version token: in this
process's memory, then the shared cache, and built only when neither has them."""

from collections.abc import Callable

from readercache import shared, versions
from readercache.expiry import MAX_TTL_SECONDS, seconds_left
from readercache.keys import versioned_key
from readercache.memory import process_memory


def cached_for_readers[T](
    name: str,
    build: Callable[[], T],
    *,
    scope: str | None = None,
    scheduled=True,
    keep: Callable[[T], bool] | None = None,
) -> T:
    """Return ``build()``, cached until the next change of the site (or of
    ``scope``, when the value shows it).

    ``scheduled`` values may change when a scheduled article goes live, so they
    expire then too (see ``readercache.expiry``). A value ``keep`` rejects is
    returned but not cached (what a visitor's made-up address built).
    """
    token = versions.token(*([scope] if scope else []))
    key = versioned_key(name, token or versions.outage_token())
    value = process_memory.get(key)
    if value is not None:
        return value
    if token is None:
        value = build()
        if keep is None or keep(value):
            process_memory.put(key, value, versions.OUTAGE_SECONDS)
        return value
    value = shared.get(key)
    seconds = seconds_left() if scheduled else MAX_TTL_SECONDS
    if value is None:
        value = build()
        if keep is not None and not keep(value):
            return value
        shared.set(key, value, seconds)
    process_memory.put(key, value, seconds)
    return value


def cached_many_for_readers[T](builds: dict[str, Callable[[], T]]) -> dict[str, T]:
    """Like ``cached_for_readers`` for many values at once, which do not depend on
    the schedule: what this process holds, then one round trip to the shared cache
    for the rest, and one more to store those that had to be built."""
    token = versions.token()
    names_by_key = {
        versioned_key(name, token or versions.outage_token()): name for name in builds
    }
    seconds = MAX_TTL_SECONDS if token else versions.OUTAGE_SECONDS
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
    found = shared.get_many(missing) if token else {}
    built = {}
    for key in missing:
        name = names_by_key[key]
        if key in found:
            values[name] = found[key]
        else:
            values[name] = built[key] = builds[name]()
        process_memory.put(key, values[name], seconds)
    if built and token:
        shared.set_many(built, seconds)
    return values
