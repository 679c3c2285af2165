"""A page-cache hit for a client that sends no Accept-Encoding costs no
decompression: each process decompresses a stored page at most once per version
(issue 11: it was 19 % of such a hit), and weighs what it holds, plain bodies
included."""

import gzip

import pytest
from django.utils import translation

from readercache import pages, shared
from readercache.memory import NOMINAL_VALUE_BYTES, ProcessMemory, process_memory
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def decompressions(monkeypatch):
    """Every call readercache makes to its decompressor, passed on to it."""
    calls = []
    real = pages.gunzip

    def counted(content: bytes) -> bytes:
        calls.append(len(content))
        return real(content)

    monkeypatch.setattr(pages, "gunzip", counted)
    return calls


@pytest.fixture
def article_url():
    return ArticleFactory(title="Water returns to the east").get_absolute_url()


def plain_get(client, url):
    response = client.get(url)  # the test client sends no Accept-Encoding
    assert response.status_code == 200
    assert "Content-Encoding" not in response
    return response


def test_hits_without_accept_encoding_never_decompress(
    client, article_url, decompressions, django_assert_num_queries
):
    rendered = plain_get(client, article_url)

    with django_assert_num_queries(0):
        hits = [plain_get(client, article_url) for _ in range(3)]

    assert decompressions == []
    assert all(hit.content == rendered.content for hit in hits)
    assert b"Water returns to the east" in rendered.content


def test_a_page_another_process_stored_is_decompressed_once_here(
    client, article_url, decompressions, django_assert_num_queries
):
    # Rendered for a browser that accepts gzip: only compressed forms are stored.
    gzipped = client.get(article_url, headers={"Accept-Encoding": "gzip"})
    # As in a process that did not render it: only the shared cache holds the page.
    process_memory.clear()

    with django_assert_num_queries(0):
        first, *later = [plain_get(client, article_url) for _ in range(4)]

    assert len(decompressions) == 1
    assert first.content == gzip.decompress(gzipped.content)
    assert all(hit.content == first.content for hit in later)


def test_the_shared_cache_keeps_only_the_compressed_page(client, article_url):
    plain = plain_get(client, article_url)

    with translation.override("en"):
        page = shared.get(pages.page_key(plain.wsgi_request))

    assert isinstance(page, pages.StoredPage)
    assert gzip.decompress(page.gzipped) == plain.content
    assert not hasattr(page, "identity")


def test_process_memory_leaves_out_a_value_larger_than_itself():
    memory = ProcessMemory(max_bytes=1000)
    memory.put("small", "x" * 400, seconds=60)

    memory.put("huge", "x" * 1001, seconds=60)

    assert memory.get("huge") is None
    assert memory.get("small") == "x" * 400


def test_process_memory_weighs_a_held_page_with_its_plain_body():
    memory = ProcessMemory(max_bytes=100_000)
    stored = pages.StoredPage(
        token="v1", gzipped=b"g" * 3000, brotli=b"b" * 2000, content_type="text/html"
    )

    memory.put("page", pages.HeldPage(stored, b"p" * 20_000), seconds=60)
    memory.put("section", ("<p>comments</p>" * 100, 2), seconds=60)

    assert memory.size == (NOMINAL_VALUE_BYTES + 25_000) + (1500 + NOMINAL_VALUE_BYTES)
