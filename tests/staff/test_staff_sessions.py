"""Staff sessions end after 30 idle minutes and 8 hours in all; logging out and
deactivating the account end them on the server."""

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client

from staff.models import AuditEntry
from tests.staff.helpers import staff_member, submit_code, submit_password
from tests.staff_login import give_totp, totp_code

pytestmark = pytest.mark.django_db

START = 1_796_126_400.0


def signed_in(user) -> Client:
    give_totp(user)
    client = Client()
    submit_password(client, user.get_username())
    assert submit_code(client, totp_code())["Location"] == "/admin/"
    return client


def test_a_session_ends_after_30_idle_minutes():
    with time_machine.travel(START, tick=False) as clock:
        client = signed_in(staff_member())
        clock.shift(29 * 60)
        assert client.get("/admin/").status_code == 200
        clock.shift(29 * 60)
        assert client.get("/admin/").status_code == 200
        clock.shift(30 * 60 + 1)
        assert client.get("/admin/").status_code == 302


def test_a_session_ends_after_8_hours_however_busy():
    with time_machine.travel(START, tick=False) as clock:
        client = signed_in(staff_member())
        for _ in range(16):
            clock.shift(29 * 60)
            assert client.get("/admin/").status_code == 200
        clock.shift(29 * 60)
        assert client.get("/admin/").status_code == 302


def test_logging_out_ends_the_session_on_the_server():
    client = signed_in(staff_member())
    key = client.cookies["sessionid"].value

    client.post("/admin/logout/")

    assert not Session.objects.filter(session_key=key).exists()
    assert AuditEntry.objects.filter(action="logout", username="lina").exists()


def test_deactivating_an_account_ends_its_sessions_on_the_server():
    user = staff_member()
    with time_machine.travel(START, tick=False) as clock:
        phone = signed_in(user)
        clock.shift(30)  # a code of its own for the second device
        laptop = signed_in(user)
        keys = [phone.cookies["sessionid"].value, laptop.cookies["sessionid"].value]

        user.is_active = False
        user.save()

        assert not Session.objects.filter(session_key__in=keys).exists()
        assert phone.get("/admin/").status_code == 302


def test_a_login_is_in_the_audit_trail():
    signed_in(staff_member())
    assert AuditEntry.objects.filter(action="login", username="lina").count() == 1
