"""Guessing gets nowhere: five failures in 15 minutes lock a username, twenty lock a
sender, whatever comes next, until the cool-off; known and unknown usernames get the
same answer for the same work."""

import pytest
import time_machine
from django.test import Client

from staff.models import AuditEntry
from tests.staff import counting_hasher
from tests.staff.helpers import (
    PASSWORD,
    staff_member,
    submit_password,
    without_tokens,
)
from tests.staff_login import give_totp

pytestmark = pytest.mark.django_db

START = 1_796_126_400.0
LOCKED = b"Too many failed login attempts"


def fail(client: Client, username: str, times: int) -> None:
    for _ in range(times):
        response = submit_password(client, username, "not the password at all")
        assert response.status_code == 200


def test_five_failures_lock_the_username_even_against_the_right_password():
    give_totp(staff_member())
    with time_machine.travel(START, tick=False):
        fail(Client(), "lina", 5)
        response = submit_password(Client(REMOTE_ADDR="192.0.2.9"), "lina")

    assert response.status_code == 200
    assert LOCKED in response.content
    assert AuditEntry.objects.filter(action="lockout", username="lina").exists()


def test_four_failures_do_not_lock():
    give_totp(staff_member())
    with time_machine.travel(START, tick=False):
        fail(Client(), "lina", 4)
        response = submit_password(Client(), "lina")

    assert response.status_code == 302


def test_the_lock_lifts_after_the_cool_off():
    give_totp(staff_member())
    with time_machine.travel(START, tick=False):
        fail(Client(), "lina", 5)
    with time_machine.travel(START + 14 * 60, tick=False):
        assert LOCKED in submit_password(Client(), "lina").content
    with time_machine.travel(START + 15 * 60 + 1, tick=False):
        assert submit_password(Client(), "lina").status_code == 302


def test_twenty_failures_from_one_sender_lock_that_sender_only():
    give_totp(staff_member())
    guesser = Client(REMOTE_ADDR="198.51.100.7")
    with time_machine.travel(START, tick=False):
        for n in range(20):
            fail(guesser, f"guess{n}", 1)
        from_guesser = submit_password(guesser, "lina")
        from_elsewhere = submit_password(Client(REMOTE_ADDR="203.0.113.5"), "lina")

    assert LOCKED in from_guesser.content
    assert from_elsewhere.status_code == 302


def test_onion_circuits_are_senders_of_their_own(settings):
    settings.COMMENTS_CLIENT_IP_HEADER = "X-Real-IP"
    give_totp(staff_member())
    with time_machine.travel(START, tick=False):
        guesser = Client(headers={"X-Real-IP": "fc00:dead:beef:4dad::0:1a2b"})
        for n in range(20):
            fail(guesser, f"guess{n}", 1)
        from_guesser = submit_password(guesser, "lina")
        other_circuit = Client(headers={"X-Real-IP": "fc00:dead:beef:4dad::0:1a2c"})
        from_other_circuit = submit_password(other_circuit, "lina")

    assert LOCKED in from_guesser.content
    assert from_other_circuit.status_code == 302


def test_known_and_unknown_usernames_get_the_same_answer_for_the_same_work(settings):
    settings.PASSWORD_HASHERS = ["tests.staff.counting_hasher.CountingArgon2Hasher"]
    staff_member()

    counting_hasher.calls.clear()
    known = submit_password(Client(), "lina", "wrong guess for lina")
    work_known = list(counting_hasher.calls)
    counting_hasher.calls.clear()
    unknown = submit_password(Client(), "nobody", "wrong guess for lina")
    work_unknown = list(counting_hasher.calls)

    assert known.status_code == unknown.status_code == 200
    assert without_tokens(known.content).replace("lina", "nobody") == without_tokens(
        unknown.content
    )
    assert work_known == ["verify"]
    assert work_unknown == ["encode"]  # the same Argon2 work, on a throwaway user


def test_an_unknown_username_locks_like_a_known_one():
    with time_machine.travel(START, tick=False):
        fail(Client(), "nobody", 5)
        response = submit_password(Client(), "nobody", PASSWORD)
    assert LOCKED in response.content


def test_sign_in_events_are_in_the_audit_trail_without_addresses():
    give_totp(staff_member())
    client = Client(REMOTE_ADDR="192.0.2.44")
    submit_password(client, "lina", "wrong")
    submit_password(client, "lina")

    failed = AuditEntry.objects.get(action="login_failed")
    assert failed.username == "lina"
    assert failed.sender_hash and "192.0.2" not in failed.sender_hash
    assert not AuditEntry.objects.filter(summary__contains="192.0.2").exists()
