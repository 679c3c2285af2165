"""Signing in through the real pages, as a person would."""

import re

from django.test import Client

from tests.factories import make_staff_user

PASSWORD = "a long passphrase for tests"


def staff_member(username: str = "lina", group: str = "Editors"):
    return make_staff_user(username, group, password=PASSWORD)


def submit_password(client: Client, username: str, password: str = PASSWORD):
    return client.post("/staff/login/", {"login": username, "password": password})


def submit_code(client: Client, code: str):
    return client.post("/staff/2fa/authenticate/", {"code": code})


def without_tokens(html: bytes) -> str:
    """A page with its per-request CSRF tokens taken out, to compare two answers."""
    return re.sub(r'value="[A-Za-z0-9]{32,}"', 'value=""', html.decode())
