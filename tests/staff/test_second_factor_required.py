"""No admin page opens on a password alone; the second factor is TOTP, a passkey or
a recovery code, and a used code is refused when replayed."""

import re

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from tests.factories import ArticleFactory
from tests.staff.helpers import staff_member, submit_code, submit_password
from tests.staff_login import TOTP_SECRET, give_totp, totp_code

pytestmark = pytest.mark.django_db

NOON = 1_796_126_400.0  # 2026-12-01 12:00 UTC, the start of a TOTP period


def every_admin_page() -> list[str]:
    article = ArticleFactory()
    pages = [reverse("admin:index"), reverse("admin:password_change")]
    for model in admin.site._registry:
        opts = model._meta
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        pages.append(reverse("admin:app_list", args=[opts.app_label]))
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    opts = article._meta
    pages.append(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[article.pk])
    )
    return sorted(set(pages))


def test_a_password_alone_opens_no_admin_page():
    user = staff_member()
    user.is_superuser = True
    user.save()
    give_totp(user)
    client = Client()
    submit_password(client, "lina")

    for page in every_admin_page():
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"].startswith("/admin/login/"), page
    assert client.get("/admin/login/")["Location"].startswith("/staff/login/")


def test_the_password_leads_to_the_second_factor_step():
    user = staff_member()
    give_totp(user)

    response = submit_password(Client(), "lina")

    assert response["Location"] == "/staff/2fa/authenticate/"


def test_a_staff_member_without_a_factor_is_sent_to_set_one_up_first():
    staff_member()
    client = Client()
    submit_password(client, "lina")

    for page in ["/admin/", "/admin/articles/article/"]:
        response = client.get(page, follow=True)
        assert response.redirect_chain[-1][0].startswith("/staff/2fa/totp/activate/")
        assert response.status_code == 200
        assert b"authenticator_secret" in response.content


def test_setting_up_totp_opens_the_admin_and_shows_recovery_codes(
    django_capture_on_commit_callbacks,
):
    staff_member()
    client = Client()
    submit_password(client, "lina")
    page = client.get("/staff/2fa/totp/activate/").content.decode()
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page)[1]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/staff/2fa/totp/activate/", {"code": totp_code(secret)})

    assert response["Location"] == "/staff/2fa/recovery-codes/"
    codes = client.get(response["Location"]).content.decode()
    listed = re.search(r"<textarea[^>]*>(.*?)</textarea>", codes, flags=re.S)[1]
    assert len(re.findall(r"\b\d{8}\b", listed)) == 10
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_and_keeps_the_admin_shut():
    user = staff_member()
    give_totp(user)
    client = Client()
    submit_password(client, "lina")

    response = submit_code(client, "000000")

    assert response.status_code == 200
    assert b"Incorrect code" in response.content
    assert client.get("/admin/").status_code == 302


def test_a_totp_code_passes_once_and_is_refused_when_replayed():
    user = staff_member()
    give_totp(user)
    with time_machine.travel(NOON + 5, tick=False):
        code = totp_code(TOTP_SECRET)
        first = Client()
        submit_password(first, "lina")
        assert submit_code(first, code)["Location"] == "/admin/"
        assert first.get("/admin/").status_code == 200

        replay = Client()
        submit_password(replay, "lina")
        refused = submit_code(replay, code)

    assert refused.status_code == 200
    assert b"Incorrect code" in refused.content
    assert replay.get("/admin/").status_code == 302


def test_a_code_from_another_period_is_refused():
    user = staff_member()
    give_totp(user)
    with time_machine.travel(NOON + 5, tick=False):
        old_code = totp_code(TOTP_SECRET, at=NOON - 60)
        client = Client()
        submit_password(client, "lina")
        assert submit_code(client, old_code).status_code == 200
    assert client.get("/admin/").status_code == 302


def test_a_recovery_code_works_once():
    user = staff_member()
    give_totp(user)
    code = RecoveryCodes.activate(user).get_unused_codes()[0]

    first = Client()
    submit_password(first, "lina")
    assert submit_code(first, code)["Location"] == "/admin/"
    assert first.get("/admin/").status_code == 200

    again = Client()
    submit_password(again, "lina")
    assert submit_code(again, code).status_code == 200
    assert again.get("/admin/").status_code == 302


def test_nobody_can_sign_up_or_reset_a_password_by_mail():
    client = Client()
    for page in ["/staff/signup/", "/staff/password/reset/", "/accounts/signup/"]:
        assert client.get(page).status_code == 404
    assert b"Sign up" not in client.get("/staff/login/").content
    assert b"/password/reset/" not in client.get("/staff/login/").content


def test_passkeys_can_be_added_as_a_factor():
    user = staff_member()
    give_totp(user)
    client = Client()
    submit_password(client, "lina")
    submit_code(client, totp_code())

    response = client.get("/staff/2fa/")

    assert response.status_code == 200
    assert b"/staff/2fa/webauthn/add/" in response.content
    assert Authenticator.Type.WEBAUTHN in {t for t, _ in Authenticator.Type.choices}


def test_used_codes_and_lockout_counts_are_kept_where_every_process_sees_them():
    # Several workers without Redis, or several app servers, must refuse a replay
    # and count failures together: the sign-in cache is a database table.
    from django.conf import settings
    from django.db import connection

    user = staff_member()
    give_totp(user)
    client = Client()
    submit_password(client, "lina", "a wrong guess first")
    submit_password(client, "lina")
    submit_code(client, totp_code())

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {settings.SIGN_IN_CACHE_TABLE}")
        keys = " ".join(row[0] for row in cursor.fetchall())
    assert "allauth.mfa.totp.used" in keys
    assert "login_failed" in keys
