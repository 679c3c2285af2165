"""On the onion host every address a response gives is the onion's (or relative):
no page, feed, sitemap, JSON-LD or mirrors.json names the clearnet domain, except
as the page's canonical address. Every page linked from both front pages is
walked, with /sitemap.xml and the site's feeds when they exist, after the same
pages were read on the main domain (so a cache keyed without the host would hand
the onion reader a clearnet copy)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from mirrors.selectors import _feed_url_names
from tests.mirrors.content import make_newsroom
from tests.mirrors.hosts import MAIN, ONION, canonical_of, crawl, foreign_mentions

pytestmark = pytest.mark.django_db

EXTRA_STARTS = ["/sitemap.xml", "/robots.txt", "/.well-known/mirrors.json"]


def fetcher(client: Client, host: str):
    def fetch(path: str) -> tuple[int, str, str]:
        response = client.get(path, HTTP_HOST=host)
        if response.status_code in {301, 302}:
            return response.status_code, "", response["Location"]
        content = b"".join(response) if response.streaming else response.content
        return (
            response.status_code,
            response.get("Content-Type", ""),
            content.decode(errors="replace"),
        )

    return fetch


def starts() -> list[str]:
    paths = ["/", "/en/", "/ar/", *EXTRA_STARTS]
    for language in ("en", "ar"):
        with translation.override(language):
            for name in ("mirrors:reach", "mirrors:reach_text", "mirrors:tips"):
                paths.append(reverse(name))
            paths += [reverse(name) for name in _feed_url_names()]
    return paths


def test_no_clearnet_address_on_the_onion_host_but_the_canonical():
    make_newsroom()
    # Read first on the main domain, as a clearnet reader would.
    clearnet = crawl(fetcher(Client(), MAIN), MAIN, starts())
    assert len(clearnet) > 20

    pages = crawl(fetcher(Client(), ONION), ONION, starts())

    assert set(clearnet) <= set(pages) | {"/"}
    offending = {}
    for path, body in pages.items():
        mentions = foreign_mentions(
            body, clearnet_host=MAIN, canonical=canonical_of(body)
        )
        if mentions:
            offending[path] = mentions
    assert offending == {}
    # Absolute addresses there are, and they are the onion's: the walk did look.
    assert any(f"http://{ONION}/" in body for body in pages.values())


def test_the_clearnet_pages_keep_their_own_addresses():
    # The other way round: the main domain is not handed the onion's copies.
    make_newsroom()
    crawl(fetcher(Client(), ONION), ONION, starts())
    pages = crawl(fetcher(Client(), MAIN), MAIN, starts())
    onion_pages = (f"http://{ONION}/en/", f"http://{ONION}/ar/")
    assert [
        path for path, body in pages.items() if any(map(body.__contains__, onion_pages))
    ] == []
