"""Emptying every cache readers' pages come from, as after a restart of them all."""

from readercache import shared, versions
from readercache.memory import process_memory


def empty_reader_caches() -> None:
    # The process's own memory too: otherwise it would go on trusting the versions
    # it read for up to a tenth of a second, and a cold measurement would turn warm
    # (or a warm one cold) depending on how fast the test runs.
    # (The sign-in cache is a table of the test database: it goes with the data.)
    shared.store().clear()
    versions.forget()
    process_memory.clear()
    shared.forget_health()
