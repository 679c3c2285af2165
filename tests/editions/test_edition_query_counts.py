"""The Arabic edition costs no more queries than the English one: the same pages,
built from the same amount of news, run the same number of queries (with a warm
cache, as readers mostly meet them, and with a cold one)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.caches import empty_reader_caches
from tests.comments.helpers import CommentFactory
from tests.editions.conftest import link_both_ways
from tests.factories import ArticleFactory, KeywordFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _every_request_rendered(settings):
    # These count what rendering a page costs in each edition; a whole-page cache
    # hit costs nothing in either.
    settings.PAGE_CACHE = False


@pytest.fixture
def mirrored_newsroom(db) -> dict[str, dict[str, str]]:
    """The same news in both editions, each article linked to its translation; the
    addresses of each edition's pages."""
    sections = [
        SectionFactory(name=f"Section {n}", name_ar=f"قسم {n}") for n in range(3)
    ]
    keywords = [
        KeywordFactory(
            name=f"Keyword {n}",
            slug=f"keyword-{n}",
            name_ar=f"كلمة {n}",
            slug_ar=f"كلمة-{n}",
        )
        for n in range(4)
    ]
    pairs = []
    for n in range(12):
        common = {
            "section": sections[n % len(sections)],
            "keywords": keywords[: 1 + n % len(keywords)],
            "is_breaking": n % 4 == 0,
            "published_at": timezone.now() - timedelta(minutes=n + 1),
        }
        english = ArticleFactory(title=f"English headline {n}", **common)
        arabic = ArticleFactory(language="ar", title=f"عنوان عربي {n}", **common)
        link_both_ways(english, arabic)
        pairs.append((english, arabic))
    for english, arabic in pairs[:2]:
        CommentFactory(article=english)
        CommentFactory(article=arabic)
    english, arabic = pairs[0]
    english.keywords.set(keywords)
    arabic.keywords.set(keywords)
    return {
        "en": {
            "home": "/en/",
            "article": english.get_absolute_url(),
            "section": "/en/sections/section-0/",
            "keyword": "/en/keywords/keyword-0/",
        },
        "ar": {
            "home": "/ar/",
            "article": arabic.get_absolute_url(),
            "section": "/ar/sections/section-0/",
            "keyword": "/ar/keywords/كلمة-0/",
        },
    }


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


def cold_and_warm(client, url) -> tuple[int, int]:
    empty_reader_caches()
    cold = queries_of(client, url)
    warm = queries_of(client, url)
    return cold, warm


@pytest.mark.parametrize("page", ["home", "article", "section", "keyword"])
def test_arabic_page_runs_as_many_queries_as_the_english_one(
    client, django_assert_num_queries, mirrored_newsroom, page
):
    english_cold, english_warm = cold_and_warm(client, mirrored_newsroom["en"][page])

    url = mirrored_newsroom["ar"][page]
    empty_reader_caches()
    with django_assert_num_queries(english_cold):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(english_warm):
        assert client.get(url).status_code == 200


def test_warm_arabic_front_page_and_article_run_only_their_own_queries(
    client, django_assert_num_queries, mirrored_newsroom
):
    # Warm, the front page is all cache; the article page asks for the article (with
    # its section and translation): nothing for the edition switch, ticker, names or
    # masthead, and its keywords and comment section are cached fragments.
    home, article = mirrored_newsroom["ar"]["home"], mirrored_newsroom["ar"]["article"]
    client.get(home)
    with django_assert_num_queries(0):
        client.get(home)
    client.get(article)
    with django_assert_num_queries(1):
        client.get(article)


def test_reading_both_editions_keeps_each_cache_warm(
    client, django_assert_num_queries, mirrored_newsroom
):
    for language in ["en", "ar"]:
        client.get(mirrored_newsroom[language]["home"])
    for language in ["en", "ar"]:
        with django_assert_num_queries(0):
            client.get(mirrored_newsroom[language]["home"])
