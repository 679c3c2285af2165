"""Pages rendered per request leave gzipped, padded against BREACH, and decompress
to exactly what was rendered."""

import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from newsportal.middleware import GZipMiddleware
from tests.factories import ArticleFactory

PAGE = ("<p>" + "A reader's paragraph, repeated. " * 400 + "</p>").encode()


def compressed(content: bytes, accept: str = "gzip, deflate, br") -> HttpResponse:
    request = RequestFactory().get("/", headers={"accept-encoding": accept})
    middleware = GZipMiddleware(lambda request: HttpResponse(content))
    return middleware(request)


def test_a_page_is_gzipped_and_decompresses_to_what_was_rendered():
    response = compressed(PAGE)

    assert response["Content-Encoding"] == "gzip"
    assert int(response["Content-Length"]) == len(response.content) < len(PAGE) / 10
    assert gzip.decompress(response.content) == PAGE
    assert "Accept-Encoding" in response["Vary"]


def test_the_gzip_header_carries_random_padding_so_lengths_vary():
    lengths = {len(compressed(PAGE).content) for _ in range(20)}

    assert len(lengths) > 1


def test_a_reader_who_does_not_accept_gzip_gets_the_plain_page():
    response = compressed(PAGE, accept="identity")

    assert response.content == PAGE
    assert not response.has_header("Content-Encoding")
    assert "Accept-Encoding" in response["Vary"]


def test_a_short_answer_is_left_alone():
    response = compressed(b"ok")

    assert response.content == b"ok"
    assert not response.has_header("Content-Encoding")


@pytest.mark.django_db
@override_settings(PAGE_CACHE=False)
def test_a_rendered_article_page_arrives_gzipped(client):
    article = ArticleFactory(body="<p>" + "Words of the story. " * 200 + "</p>")

    response = client.get(
        article.get_absolute_url(), headers={"accept-encoding": "gzip"}
    )

    assert response["Content-Encoding"] == "gzip"
    assert article.title in gzip.decompress(response.content).decode()
