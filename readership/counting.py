"""Counting readings without writing to the database per page view.

Each reading of an article page increments a counter for (article, hour) in the
readers' cache: Redis's atomic INCR, or this process's memory. A per-hour list of
slots remembers which articles were read in that hour (the cache cannot list its
keys). Every ``READERSHIP_FLUSH_SECONDS`` one request (one per site with Redis, one
per process without) writes what was counted to ``ReadingCount`` in one batch and
takes exactly that much off the counters, so views that arrive meanwhile are kept
for the next flush, and a flush run twice counts nothing twice.

``manage.py flush_readership`` does the same from a timer or before a restart.
Without Redis each process's counts live in its own memory, so only its own
requests can flush them; a process that stops loses at most its last interval.
"""

import time
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection, transaction

from articles.models import Article
from readercache import shared
from readership.models import ReadingCount

HOUR = 3600
# Counters outlive their hour by long enough for a late flush to find them.
HOURS_KEPT = 26
FLUSH_LOCK_SECONDS = 30
# Hourly rows are kept this long, then pruned by the flush.
DAYS_KEPT = 8
BATCH_SIZE = 500

# A process starting is not a reason to flush: the first one waits an interval.
_last_flush = {"at": time.monotonic()}


def current_hour() -> int:
    return int(time.time() // HOUR)


def _count_key(hour: int, article_id: int) -> str:
    return f"readership:{hour}:count:{article_id}"


def _slots_key(hour: int) -> str:
    return f"readership:{hour}:slots"


def _slot_key(hour: int, number: int) -> str:
    return f"readership:{hour}:slot:{number}"


def count_reading(*, article_id: int, language: str) -> None:
    """One reading of an article's page: cache operations only."""
    hour = current_hour()
    key = _count_key(hour, article_id)
    seconds = HOURS_KEPT * HOUR
    try:
        try:
            shared.call("incr", key)
            return
        except ValueError:
            pass
        if not shared.call("add", key, 1, seconds):
            shared.call("incr", key)
            return
        # The first reading this hour: note the article in the hour's slots.
        shared.call("add", _slots_key(hour), 0, seconds)
        number = shared.call("incr", _slots_key(hour))
        shared.call("set", _slot_key(hour, number), (article_id, language), seconds)
    except (shared.Unavailable, ValueError):
        # Redis down, or a counter expired between two calls: a reading is lost,
        # the page is not.
        return


def flush_if_due() -> None:
    """Flush now if this process has not for an interval and no other process
    (sharing Redis) took the turn."""
    now = time.monotonic()
    if now - _last_flush["at"] < settings.READERSHIP_FLUSH_SECONDS:
        return
    _last_flush["at"] = now
    if shared.add("readership:flush-due", 1, settings.READERSHIP_FLUSH_SECONDS):
        flush_readings()


def _counted(hour: int) -> list[tuple[int, str, int, str]]:
    slots = shared.get(_slots_key(hour)) or 0
    if not slots:
        return []
    noted = shared.get_many([_slot_key(hour, n) for n in range(1, slots + 1)])
    articles = dict(noted.values())
    counts = shared.get_many([_count_key(hour, pk) for pk in articles])
    return [
        (pk, language, counts[_count_key(hour, pk)], _count_key(hour, pk))
        for pk, language in articles.items()
        if counts.get(_count_key(hour, pk), 0) > 0
    ]


def flush_readings() -> int:
    """Write what the cache counted to the database; returns the readings written."""
    if not shared.add("readership:flushing", 1, FLUSH_LOCK_SECONDS):
        return 0
    try:
        now = current_hour()
        counted = [
            (hour, *row)
            for hour in range(now - HOURS_KEPT + 1, now + 1)
            for row in _counted(hour)
        ]
        written = _write(counted)
        for _hour, _pk, _language, views, key in written:
            try:
                shared.call("decr", key, views)
            except (shared.Unavailable, ValueError):
                continue
        return sum(row[3] for row in written)
    finally:
        shared.delete("readership:flushing")


def _write(counted: list) -> list:
    existing = set(
        Article.objects.filter(pk__in={row[1] for row in counted}).values_list(
            "pk", flat=True
        )
    )
    rows = [row for row in counted if row[1] in existing]
    table = ReadingCount._meta.db_table
    with transaction.atomic():
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            values = ", ".join(["(%s, %s, %s, %s)"] * len(batch))
            params = []
            for hour, pk, language, views, _key in batch:
                params += [
                    pk,
                    language,
                    datetime.fromtimestamp(hour * HOUR, UTC),
                    views,
                ]
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {table} (article_id, language, hour, views)"
                    f" VALUES {values} ON CONFLICT (article_id, hour)"
                    f" DO UPDATE SET views = {table}.views + excluded.views",
                    params,
                )
        oldest = datetime.fromtimestamp((current_hour() - DAYS_KEPT * 24) * HOUR, UTC)
        ReadingCount.objects.filter(hour__lt=oldest).delete()
    return rows
