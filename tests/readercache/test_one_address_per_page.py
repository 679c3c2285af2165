"""One address per page: page numbers are written one way, and what else a visitor
adds to an address is ignored, so no variant renders anew or adds a cache entry."""

import pytest
from django.core.cache.backends.locmem import LocMemCache

from readercache import shared
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
