"""On a site served over HTTPS only, the onion address is answered over plain HTTP
(no redirect to HTTPS, no HSTS: an onion address has no certificate, and Tor
encrypts the connection end to end), with the same other headers and CSP."""

import pytest

from tests.mirrors.hosts import MAIN, MIRROR, ONION

pytestmark = pytest.mark.django_db

HSTS = "Strict-Transport-Security"


@pytest.fixture(autouse=True)
def https_only(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 63072000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True


@pytest.mark.parametrize("host", [MAIN, MIRROR])
def test_clearnet_plain_http_is_sent_to_https(client, host):
    response = client.get("/en/", HTTP_HOST=host)
    assert response.status_code == 301
    assert response["Location"] == f"https://{host}/en/"


def test_clearnet_https_carries_hsts(client):
    response = client.get("/en/", HTTP_HOST=MAIN, secure=True)
    assert response.status_code == 200
    assert response[HSTS].startswith("max-age=63072000")


@pytest.mark.parametrize(
    "path", ["/en/", "/ar/", "/en/tips/", "/.well-known/mirrors.json"]
)
def test_the_onion_host_answers_plain_http_without_hsts(client, path):
    response = client.get(path, HTTP_HOST=ONION)
    assert response.status_code == 200
    assert HSTS not in response


def test_the_onion_host_keeps_every_other_security_header(client):
    onion = client.get("/en/", HTTP_HOST=ONION)
    main = client.get("/en/", HTTP_HOST=MAIN, secure=True)
    for header in (
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "X-Frame-Options",
        "Permissions-Policy",
    ):
        assert onion[header] == main[header], header


def test_the_root_on_the_onion_host_sends_to_an_edition_there(client):
    response = client.get("/", HTTP_HOST=ONION)
    assert response.status_code == 302
    assert response["Location"] in {"/en/", f"http://{ONION}/en/"}
