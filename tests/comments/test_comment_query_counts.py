"""The article page costs the same few queries however many comments it has.

Measured for an anonymous reader with every page rendered (no page cache). A warm
page (the fragment caches filled, as on a busy site) takes 1 query: the article, with
its section and translation; its keywords, credits and comment section are cached
fragments until the next visible change. A cold page also reads the keywords, the
credits with their people, counts and fetches
the approved comments, and fills the cached site settings, section navigation, the
next scheduled time and the ticker's headlines; and for the page's metadata
(syndication/) the credits again and the site settings for the publisher's logo:
11. (The captcha is per visitor and comes from its own uncached address.)
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from comments.models import Comment
from tests.caches import empty_reader_caches
from tests.comments.helpers import CommentFactory, shown_comments, soup_of
from tests.factories import ArticleFactory, KeywordFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _every_request_rendered(settings):
    # These count what rendering a page costs; a page-cache hit costs nothing (see
    # tests/articles/test_page_cache.py).
    settings.PAGE_CACHE = False


WARM_QUERIES = 1
# 9, and "Related" (keywords and pins, then articles sharing them: none here)
# and "Most read" (readership/), and the metadata (syndication/).
COLD_QUERIES = 14


def article_with_comments(approved, hidden=0):
    article = ArticleFactory(keywords=[KeywordFactory(), KeywordFactory()])
    start = timezone.now() - timedelta(days=2)
    Comment.objects.bulk_create(
        CommentFactory.build(
            article=article,
            status=Comment.Status.APPROVED,
            created_at=start + timedelta(seconds=number),
        )
        for number in range(approved)
    )
    Comment.objects.bulk_create(
        CommentFactory.build(
            article=article,
            status=Comment.Status.PENDING if number % 2 else Comment.Status.REJECTED,
        )
        for number in range(hidden)
    )
    # Comments elsewhere must not count either.
    CommentFactory.create_batch(3, status=Comment.Status.APPROVED)
    return article


def measure(client, django_assert_num_queries, article, expected, *, warm, query=""):
    url = article.get_absolute_url() + query
    if warm:
        client.get(url)
    else:
        empty_reader_caches()
    with django_assert_num_queries(expected) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


@pytest.mark.parametrize(
    ("approved", "hidden", "shown"),
    [(5, 0, 5), (50, 500, 50)],
    ids=["5-approved", "50-approved-500-hidden"],
)
@pytest.mark.parametrize(
    ("warm", "expected"),
    [(True, WARM_QUERIES), (False, COLD_QUERIES)],
    ids=["warm", "cold"],
)
def test_the_article_page_query_count(
    client, django_assert_num_queries, approved, hidden, shown, warm, expected
):
    article = article_with_comments(approved, hidden)

    _count, response = measure(
        client, django_assert_num_queries, article, expected, warm=warm
    )

    assert len(shown_comments(soup_of(response))) == shown


@pytest.mark.parametrize("warm", [True, False], ids=["warm", "cold"])
def test_many_comments_cost_no_more_than_a_few(client, django_assert_num_queries, warm):
    expected = WARM_QUERIES if warm else COLD_QUERIES
    few = article_with_comments(5)
    many = article_with_comments(50, hidden=500)
    more_pages = article_with_comments(120)

    counts = [
        measure(client, django_assert_num_queries, few, expected, warm=warm)[0],
        measure(client, django_assert_num_queries, many, expected, warm=warm)[0],
        measure(
            client,
            django_assert_num_queries,
            more_pages,
            expected,
            warm=warm,
            query="?comments=3",
        )[0],
    ]

    assert counts[0] == counts[1] == counts[2]
