"""Argon2 at the lowest CPU priority, so that a password check yields the cores to
readers' requests in the other workers.

Linux keeps a nice value per thread, and a nice value, once raised, cannot be
lowered again without privilege: so the hashing runs in a short-lived thread of its
own that raises its nice value first (libargon2's own lane threads inherit it). The
stored hashes are plain Argon2 (same algorithm name and parameters): this changes
when the work runs, never what it computes.
"""

import contextlib
import os
import threading

from django.contrib.auth.hashers import Argon2PasswordHasher

LOWEST_PRIORITY = 19


def _at_lowest_priority(work, *args):
    outcome: dict = {}

    def run():
        # A platform without per-thread priorities hashes at normal priority.
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOWEST_PRIORITY)
        try:
            outcome["value"] = work(*args)
        except BaseException as error:  # Handed to the caller, whatever it is.
            outcome["error"] = error

    thread = threading.Thread(target=run, name="password-check")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


class LowPriorityArgon2PasswordHasher(Argon2PasswordHasher):
    def encode(self, password, salt):
        return _at_lowest_priority(super().encode, password, salt)

    def verify(self, password, encoded):
        return _at_lowest_priority(super().verify, password, encoded)
