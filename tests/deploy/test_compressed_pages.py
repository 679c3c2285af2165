"""Pages rendered per request leave compressed: Brotli for readers' pages, gzip padded
against BREACH for anything that may carry a secret, and either decompresses to exactly
what was rendered."""

import gzip

import brotli
import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory, override_settings

from readercache.compression import CompressionMiddleware
from tests.factories import ArticleFactory

PAGE = ("<p>" + "A reader's paragraph, repeated. " * 400 + "</p>").encode()
BROWSER = "gzip, deflate, br"


def compressed(
    content: bytes = PAGE, accept: str = BROWSER, cookies=None, with_token=False
) -> HttpResponse:
    request = RequestFactory().get("/", headers={"accept-encoding": accept})
    request.COOKIES.update(cookies or {})

    def view(request):
        if with_token:
            get_token(request)
        return HttpResponse(content)

    return CompressionMiddleware(view)(request)


def test_a_readers_page_goes_in_brotli_and_decompresses_to_what_was_rendered():
    response = compressed()

    assert response["Content-Encoding"] == "br"
    assert int(response["Content-Length"]) == len(response.content) < len(PAGE) / 10
    assert brotli.decompress(response.content) == PAGE
    assert "Accept-Encoding" in response["Vary"]


def test_a_browser_without_brotli_gets_gzip():
    response = compressed(accept="gzip, deflate")

    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == PAGE


@pytest.mark.parametrize(
    "request_kind",
    [{"with_token": True}, {"cookies": {"sessionid": "a-signed-in-visitor"}}],
    ids=["page-with-csrf-token", "visitor-with-session"],
)
def test_what_may_carry_a_secret_is_gzipped_with_random_padding(request_kind):
    responses = [compressed(**request_kind) for _ in range(20)]

    assert {response["Content-Encoding"] for response in responses} == {"gzip"}
    assert len({len(response.content) for response in responses}) > 1
    assert all(gzip.decompress(response.content) == PAGE for response in responses)


def test_a_reader_who_accepts_no_compression_gets_the_plain_page():
    response = compressed(accept="identity")

    assert response.content == PAGE
    assert not response.has_header("Content-Encoding")
    assert "Accept-Encoding" in response["Vary"]


def test_a_short_answer_is_left_alone():
    response = compressed(b"ok")

    assert response.content == b"ok"
    assert not response.has_header("Content-Encoding")


@pytest.mark.django_db
@override_settings(PAGE_CACHE=False)
def test_a_rendered_article_page_arrives_compressed(client):
    article = ArticleFactory(body="<p>" + "Words of the story. " * 200 + "</p>")

    response = client.get(
        article.get_absolute_url(), headers={"accept-encoding": BROWSER}
    )

    assert response["Content-Encoding"] == "br"
    assert article.title in brotli.decompress(response.content).decode()
