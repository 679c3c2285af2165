"""The demo accounts can be signed in with at once: the printed password and the
printed authenticator secret (or a recovery code) open the admin."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from tests.staff.helpers import submit_code
from tests.staff_login import totp_code

pytestmark = pytest.mark.django_db


def demo_output() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_the_printed_password_and_secret_open_the_admin():
    output = demo_output()
    password = re.search(r"username editor, password (\S+)", output)[1]
    secret = re.search(r"Demo editor.*?authenticator app: ([A-Z2-7]+)", output, re.S)[1]

    client = Client()
    client.post("/staff/login/", {"login": "editor", "password": password})
    assert submit_code(client, totp_code(secret))["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_printed_recovery_code_opens_the_admin_once():
    output = demo_output()
    password = re.search(r"username moderator, password (\S+)", output)[1]
    codes = re.search(r"Demo moderator.*?each good once: ([\d, ]+)", output, re.S)[1]
    code = codes.split(",")[0].strip()

    client = Client()
    client.post("/staff/login/", {"login": "moderator", "password": password})
    assert submit_code(client, code)["Location"] == "/admin/"
    assert "otpauth://totp/" in output
