"""One address per page: page numbers are written one way, and what else a visitor
adds to an address is ignored, so no variant renders anew or adds a cache entry."""

import pytest
from django.core.cache.backends.locmem import LocMemCache

from comments.selectors import COMMENTS_PER_PAGE
from readercache import shared
from tests.comments.helpers import CommentFactory
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def cache_entries() -> int:
    store = shared.store()
    if isinstance(store, LocMemCache):
        return len(store._cache)
    return store._cache.get_client().dbsize()


@pytest.fixture
def section_url():
    section = SectionFactory()
    ArticleFactory.create_batch(25, section=section)
    return section.get_absolute_url()


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [("?page=01", ""), ("?page=1", ""), ("?page=001", ""), ("?page=02", "?page=2")],
)
def test_a_page_number_written_otherwise_redirects_to_its_address(
    client, section_url, variant, canonical
):
    response = client.get(section_url + variant)

    assert response.status_code == 301
    assert response["Location"] == section_url + canonical


def test_page_number_variants_and_unknown_parameters_add_no_cache_entry(
    client, section_url, django_assert_num_queries
):
    first = client.get(section_url)
    entries = cache_entries()

    for variant in ("?page=01", "?page=1", "?utm_source=feed", "?page=1&ref=x"):
        client.get(section_url + variant)
    with django_assert_num_queries(0):
        ignored = client.get(section_url + "?utm_source=feed&fbclid=abc")

    assert ignored.status_code == 200
    assert ignored.content == first.content
    assert cache_entries() == entries


def test_an_unknown_parameter_does_not_reach_the_stored_page(client, section_url):
    page = client.get(section_url + "?utm_source=feed").content.decode()

    assert "utm_source" not in page


@pytest.fixture
def commented():
    """An article with two pages of approved comments."""
    article = ArticleFactory()
    CommentFactory.create_batch(COMMENTS_PER_PAGE + 1, article=article)
    return article


@pytest.mark.parametrize("number", ["3", "7", "9999", "123456"])
def test_a_comment_page_beyond_the_last_sends_to_the_last_and_keeps_nothing(
    client, commented, number
):
    url = commented.get_absolute_url()
    client.get(url)
    client.get(url + "?comments=2")
    entries = cache_entries()

    response = client.get(url + f"?comments={number}&utm_source=x")
    again = client.get(url + f"?comments={number}")

    assert response.status_code == again.status_code == 302
    assert response["Location"] == url + "?comments=2"
    assert cache_entries() == entries


def test_each_real_comment_page_is_one_entry(client, commented):
    url = commented.get_absolute_url()
    client.get(url)
    entries = cache_entries()

    second = client.get(url + "?comments=2")
    for variant in ("?comments=02", "?comments=2&ref=feed", "?comments=2&page=4"):
        client.get(url + variant, follow=True)

    assert second.status_code == 200
    assert "Later comments" not in second.content.decode()
    # The page, and its comment section as a fragment.
    assert cache_entries() == entries + 2
