"""Sign-ins cannot take every worker: beyond STAFF_PASSWORD_CHECKS_AT_ONCE password
checks in progress on the machine, the next is answered "busy" at once, counts as no
failure and keeps what was typed; once a slot is free, it goes through."""

import subprocess
import sys
import time
from contextlib import ExitStack

import pytest
from django.test import Client
from django.urls import reverse

from staff.models import AuditEntry
from staff.password_checks import password_check_slot
from tests.staff.helpers import PASSWORD, staff_member
from tests.staff_login import give_totp

pytestmark = pytest.mark.django_db

BUSY = b"Many sign-ins are being checked right now"


def sign_in(password: str = PASSWORD):
    return Client().post(
        reverse("account_login"), {"login": "lina", "password": password}
    )


def hold_slots(count: int) -> ExitStack:
    stack = ExitStack()
    for _ in range(count):
        stack.enter_context(password_check_slot())
    return stack


@pytest.fixture
def lina(fast_password_hashing):
    give_totp(staff_member())


def test_with_every_slot_taken_the_next_sign_in_is_answered_busy(lina, settings):
    settings.STAFF_PASSWORD_CHECKS_AT_ONCE = 2
    with hold_slots(2):
        response = sign_in()

    assert response.status_code == 200
    assert BUSY in response.content
    # What was typed stays in the form.
    assert b'value="lina"' in response.content
    assert "_auth_user_id" not in response.wsgi_request.session


def test_a_busy_answer_is_no_failure_towards_the_lock(lina, settings):
    settings.STAFF_PASSWORD_CHECKS_AT_ONCE = 1
    with hold_slots(1):
        for _ in range(settings.STAFF_LOGIN_FAILURES + 1):
            assert BUSY in sign_in("a wrong password, never checked").content

    assert not AuditEntry.objects.filter(username="lina").exists()
    assert sign_in().status_code == 302


def test_with_one_slot_free_the_sign_in_goes_through(lina, settings):
    settings.STAFF_PASSWORD_CHECKS_AT_ONCE = 2
    with hold_slots(1):
        response = sign_in()

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")


def test_a_slot_held_by_another_process_counts_and_is_freed_when_it_ends(
    lina, settings
):
    settings.STAFF_PASSWORD_CHECKS_AT_ONCE = 1
    folder = settings.STAFF_PASSWORD_CHECK_LOCK_DIR
    folder.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time\n"
            f"f = open({str(folder / 'slot-0.lock')!r}, 'a')\n"
            "fcntl.flock(f, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert BUSY in sign_in().content
    finally:
        holder.kill()
        holder.wait()

    deadline = time.monotonic() + 5
    while BUSY in (response := sign_in()).content and time.monotonic() < deadline:
        time.sleep(0.1)
    assert response.status_code == 302


def test_a_lock_folder_others_can_write_is_not_trusted(lina, settings):
    # Someone else's folder in a shared /tmp could hold every slot for ever: the
    # check goes ahead without the limit.
    folder = settings.STAFF_PASSWORD_CHECK_LOCK_DIR
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    settings.STAFF_PASSWORD_CHECKS_AT_ONCE = 1
    with password_check_slot():
        response = sign_in()

    assert response.status_code == 302
