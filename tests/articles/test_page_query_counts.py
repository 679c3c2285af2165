"""Every reader page runs a fixed number of queries, however much news there is.

Counts are for an anonymous reader, first with an empty cache (cold) and then for the
same request again (warm: site settings, navigation, ticker and front-page blocks
come from the cache).
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.caches import empty_reader_caches
from tests.factories import ArticleFactory, KeywordFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _every_request_rendered(settings):
    # These count what rendering a page costs; a page-cache hit costs nothing (see
    # tests/articles/test_page_cache.py).
    settings.PAGE_CACHE = False


# (cold, warm) per page.
EXPECTED_QUERIES = {
    # Cold: site settings, sections, the next scheduled time (which bounds every
    # cached block's life), the headlines (latest and breaking in one query) and the
    # section blocks, and "Most read" (readership/, one query). Warm: all cached.
    "home": (6, 0),
    # The article (with its section and translation); cold, also its keywords, the
    # approved-comment count (no comments here, so no page of them is fetched; the
    # captcha is per visitor and comes from its own address) and the chrome: site
    # settings, sections, next scheduled time and the headlines for the ticker,
    # and its credits with their people (people/); "Related" (its keywords and pins
    # in one query, the articles sharing them in one, then those articles) and
    # "Most read" (one); and for its metadata (syndication/): its credits again and
    # the publisher's logo from the site settings (its keywords are read once for
    # both). Warm, the keywords, the credits, the metadata, the comment section,
    # "Related" and "Most read" are cached fragments.
    "article": (14, 1),
    # The section and the page's rows; cold, also the listing's count (kept until the
    # next visible change) and the chrome.
    "section": (7, 2),
    # The keyword, the page's ids from the keyword listing's index, then those
    # articles; cold, also the count and the chrome.
    "keyword": (8, 3),
}


def build_newsroom(scale: int) -> dict[str, str]:
    """5 * ``scale`` published articles across sections, with keywords, breaking
    items, drafts and scheduled ones; return each page's address."""
    sections = [SectionFactory() for _ in range(2 * scale)]
    keywords = [KeywordFactory() for _ in range(3 * scale)]
    articles = [
        ArticleFactory(
            section=sections[n % len(sections)],
            keywords=keywords[: 2 + n % len(keywords)],
            is_breaking=n % 4 == 0,
            published_at=timezone.now() - timedelta(minutes=n + 1),
        )
        for n in range(5 * scale)
    ]
    for n in range(scale):
        ArticleFactory(section=sections[n], keywords=keywords, draft=True)
        ArticleFactory(section=sections[n], keywords=keywords, scheduled=True)
    # The newest article carries every keyword, so its page lists 3 * scale of them.
    articles[0].keywords.set(keywords)
    return {
        "home": reverse("articles:home"),
        "article": articles[0].get_absolute_url(),
        "section": sections[0].get_absolute_url(),
        "keyword": keywords[0].get_absolute_url(),
    }


def count_queries(client, url) -> tuple[int, int]:
    empty_reader_caches()
    with CaptureQueriesContext(connection) as cold:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert client.get(url).status_code == 200
    return len(cold), len(warm)


@pytest.mark.parametrize("scale", [1, 10], ids=["5-articles", "50-articles"])
@pytest.mark.parametrize("page", EXPECTED_QUERIES)
def test_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, page, scale
):
    url = build_newsroom(scale)[page]
    cold, warm = EXPECTED_QUERIES[page]

    empty_reader_caches()
    with django_assert_num_queries(cold):
        response = client.get(url)
    assert response.status_code == 200
    with django_assert_num_queries(warm):
        response = client.get(url)
    assert response.status_code == 200


def test_query_counts_do_not_grow_when_the_news_grows_tenfold(client):
    small = {
        page: count_queries(client, url) for page, url in build_newsroom(1).items()
    }
    large = {
        page: count_queries(client, url) for page, url in build_newsroom(10).items()
    }

    assert small == large == EXPECTED_QUERIES


def test_listing_page_two_runs_as_many_queries_as_page_one(
    client, django_assert_num_queries
):
    section = SectionFactory()
    for n in range(45):
        ArticleFactory(
            section=section, published_at=timezone.now() - timedelta(days=n + 1)
        )
    cold, warm = EXPECTED_QUERIES["section"]

    with django_assert_num_queries(cold):
        client.get(section.get_absolute_url(), {"page": 2})
    with django_assert_num_queries(warm):
        client.get(section.get_absolute_url(), {"page": 3})
