"""Argon2 runs at the lowest CPU priority, in a thread of its own, and computes the
same hashes as Django's: old hashes check, new ones check with the plain hasher."""

import os
import threading

import pytest
from django.contrib.auth.hashers import (
    Argon2PasswordHasher,
    get_hasher,
    make_password,
)

from staff.hashers import LowPriorityArgon2PasswordHasher, _at_lowest_priority

PASSWORD = "a long passphrase for tests"


def own_priority() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_the_work_runs_at_the_lowest_priority_and_the_caller_keeps_its_own():
    before = own_priority()

    assert _at_lowest_priority(own_priority) == 19
    assert own_priority() == before


def test_an_error_in_the_work_reaches_the_caller():
    with pytest.raises(ZeroDivisionError):
        _at_lowest_priority(lambda: 1 / 0)


def test_hashes_are_plain_argon2_both_ways():
    low, plain = LowPriorityArgon2PasswordHasher(), Argon2PasswordHasher()

    assert plain.verify(PASSWORD, low.encode(PASSWORD, low.salt()))
    assert low.verify(PASSWORD, plain.encode(PASSWORD, plain.salt()))
    assert not low.verify("another passphrase", plain.encode(PASSWORD, plain.salt()))


def test_new_passwords_are_hashed_with_it():
    assert isinstance(get_hasher(), LowPriorityArgon2PasswordHasher)
    assert make_password(PASSWORD).startswith("argon2$")
