"""At most a few password checks at once on one app server.

A password check is Argon2: memory-hard on purpose, half a second of CPU on a small
host. gunicorn's workers serve readers and staff alike, so sixteen sign-ins arriving
together used to hold every worker for seconds while readers' pages queued behind
them (8 ms became 946 ms). A check now needs one of STAFF_PASSWORD_CHECKS_AT_ONCE
slots, shared by every worker process of the machine through lock files; when all
are taken the sign-in is answered at once with "busy, try again" instead of waiting,
so the other workers stay free for readers. The slots are ``flock`` locks: the
kernel releases them when a process ends, however it ends.
"""

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)


class PasswordChecksBusy(Exception):
    """Every slot is taken by a check in progress."""


def _slot_paths() -> list[Path] | None:
    folder = Path(settings.STAFF_PASSWORD_CHECK_LOCK_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    found = folder.lstat()
    if found.st_uid != os.getuid() or found.st_mode & 0o022 or folder.is_symlink():
        # Made by someone else (the folder is in a shared /tmp): whoever holds its
        # locks could refuse every sign-in. The limit protects speed, not accounts,
        # so the check goes ahead without it.
        logger.warning("Password checks unlimited: %s is not this user's own.", folder)
        return None
    return [
        folder / f"slot-{number}.lock"
        for number in range(max(1, settings.STAFF_PASSWORD_CHECKS_AT_ONCE))
    ]


@contextmanager
def password_check_slot() -> Iterator[None]:
    """Hold a free slot for the duration of the block, or raise PasswordChecksBusy
    at once."""
    paths = _slot_paths()
    if paths is None:
        yield
        return
    for path in paths:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            continue
        try:
            yield
        finally:
            # Closing the descriptor releases its lock.
            os.close(descriptor)
        return
    raise PasswordChecksBusy
