"""One variable, DJANGO_HTTPS, makes the site HTTPS-only: redirect, Secure cookies,
and Strict-Transport-Security for two years with subdomains, ready for preloading."""

import json

import pytest

from tests.security.production import production_environment, run_python

TWO_YEARS = 2 * 365 * 24 * 3600

REQUESTS = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client

client = Client(HTTP_HOST="news.example.org")
secure = client.get("/health/live/", headers={"X-Forwarded-Proto": "https"})
plain = client.get("/en/?page=2") if settings.SECURE_SSL_REDIRECT else None
plain_health = client.get("/health/live/")
print(json.dumps({
    "hsts": secure.get("Strict-Transport-Security"),
    "redirects": settings.SECURE_SSL_REDIRECT,
    "plain_status": plain and plain.status_code,
    "plain_location": plain and plain.get("Location"),
    "plain_hsts": plain and plain.get("Strict-Transport-Security"),
    "plain_health_status": plain_health.status_code,
    "cookies_secure": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
}))
"""


def answers(tmp_path, **overrides: str) -> dict:
    environment = production_environment(
        tmp_path, DJANGO_SETTINGS_MODULE="newsportal.settings", **overrides
    )
    result = run_python(["-c", REQUESTS], environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_https_on_sends_hsts_of_two_years_with_subdomains_and_preload(tmp_path):
    seen = answers(tmp_path)

    assert seen["hsts"] == f"max-age={TWO_YEARS}; includeSubDomains; preload"
    assert TWO_YEARS >= 365 * 24 * 3600


def test_https_on_redirects_plain_http_except_the_health_check(tmp_path):
    seen = answers(tmp_path)

    assert seen["plain_status"] == 301
    assert seen["plain_location"] == "https://news.example.org/en/?page=2"
    assert seen["plain_hsts"] is None
    assert seen["plain_health_status"] == 200


def test_https_on_marks_session_and_csrf_cookies_secure(tmp_path):
    assert answers(tmp_path)["cookies_secure"] == [True, True]


def test_https_off_sends_no_hsts_and_no_redirect(tmp_path):
    seen = answers(tmp_path, DJANGO_HTTPS="0")

    assert seen["hsts"] is None
    assert seen["redirects"] is False


@pytest.mark.parametrize(
    "replaced",
    [("DJANGO_HSTS_SECONDS", "31536000"), ("DJANGO_SECURE_SSL_REDIRECT", "1")],
)
def test_a_replaced_variable_is_refused_rather_than_ignored(tmp_path, replaced):
    name, value = replaced
    environment = production_environment(
        tmp_path, DJANGO_SETTINGS_MODULE="newsportal.settings", **{name: value}
    )

    result = run_python(["-c", "import django; django.setup()"], environment)

    assert result.returncode != 0
    assert "are replaced by DJANGO_HTTPS=1" in result.stderr
