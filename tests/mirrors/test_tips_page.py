"""The tips page for sources: the editors' channels in each edition, sent with
Referrer-Policy: no-referrer, stored by no cache, with no cookie or form token,
and with nothing loaded from another host."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from mirrors.models import TipsPage
from tests.mirrors.hosts import MAIN, ONION

pytestmark = pytest.mark.django_db

SECUREDROP = "securedropabcdefghijklmnopqrstuvwxyz234567abcdefghij.onion"


def tips_path(language: str) -> str:
    with translation.override(language):
        return reverse("mirrors:tips")


@pytest.fixture
def tips():
    return TipsPage.objects.create(
        securedrop_onion=SECUREDROP,
        channels="Signal: +1 555 0100",
        channels_ar="سيغنال: +1 555 0100",
    )


@pytest.mark.parametrize(
    ("language", "channels"),
    [("en", "Signal: +1 555 0100"), ("ar", "سيغنال: +1 555 0100")],
)
@pytest.mark.usefixtures("tips")
def test_the_page_shows_the_editors_channels_in_each_edition(
    client, language, channels
):
    soup = BeautifulSoup(client.get(tips_path(language)).content, "html.parser")
    assert soup.html["lang"] == language
    assert SECUREDROP in soup.select_one("code[dir=ltr]").get_text()
    assert channels in soup.get_text()


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("host", [MAIN, ONION])
@pytest.mark.usefixtures("tips")
def test_the_headers_keep_the_visit_private(client, language, host):
    response = client.get(tips_path(language), HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control
    assert "public" not in cache_control
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert b"csrfmiddlewaretoken" not in response.content


@pytest.mark.usefixtures("tips")
def test_the_headers_hold_for_a_signed_in_editor_too(admin_client):
    response = admin_client.get(tips_path("en"))
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.usefixtures("tips")
def test_nothing_is_loaded_from_another_host(client):
    soup = BeautifulSoup(
        client.get(tips_path("en"), HTTP_HOST=MAIN).content, "html.parser"
    )
    assets = [tag.get("src") for tag in soup.select("[src]")]
    assets += [
        tag["href"]
        for tag in soup.select("link[href]")
        if "canonical" not in tag.get("rel", [])
    ]
    assert assets
    assert [url for url in assets if urlsplit(url).hostname not in {None, MAIN}] == []


def test_a_securedrop_address_must_be_an_onion_address():
    from django.core.exceptions import ValidationError

    page = TipsPage(securedrop_onion="https://example.com/")
    with pytest.raises(ValidationError):
        page.full_clean()
    page = TipsPage(securedrop_onion=f"http://{SECUREDROP}/")
    page.full_clean()
    assert page.securedrop_onion == SECUREDROP
