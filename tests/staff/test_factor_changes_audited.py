"""Adding or removing a second factor, remaking recovery codes and a wrong code are
all in the audit trail."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from staff.models import AuditEntry
from tests.staff.helpers import staff_member, submit_code, submit_password
from tests.staff_login import give_totp, totp_code

pytestmark = pytest.mark.django_db


def signed_in_with_totp() -> Client:
    give_totp(staff_member())
    client = Client()
    submit_password(client, "lina")
    submit_code(client, totp_code())
    return client


def test_a_wrong_code_is_recorded():
    give_totp(staff_member())
    client = Client()
    submit_password(client, "lina")
    submit_code(client, "123456")

    entry = AuditEntry.objects.get(action="factor_failed")
    assert entry.username == "lina" and entry.sender_hash


def test_remaking_recovery_codes_is_recorded(django_capture_on_commit_callbacks):
    client = signed_in_with_totp()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/staff/2fa/recovery-codes/generate/")

    assert AuditEntry.objects.filter(action="recovery_codes", username="lina").exists()


def test_removing_the_authenticator_app_is_recorded(django_capture_on_commit_callbacks):
    client = signed_in_with_totp()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/staff/2fa/totp/deactivate/")

    assert not Authenticator.objects.filter(type="totp").exists()
    assert AuditEntry.objects.filter(action="factor_remove", username="lina").exists()
    # Without a factor the admin is shut again until a new one is set up.
    assert (
        client.get("/admin/", follow=True)
        .redirect_chain[-1][0]
        .startswith("/staff/2fa/totp/activate/")
    )


def test_adding_the_authenticator_app_is_recorded(django_capture_on_commit_callbacks):
    staff_member()
    client = Client()
    submit_password(client, "lina")
    page = client.get("/staff/2fa/totp/activate/").content.decode()
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page)[1]
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/staff/2fa/totp/activate/", {"code": totp_code(secret)})

    assert AuditEntry.objects.filter(action="factor_add", username="lina").exists()
