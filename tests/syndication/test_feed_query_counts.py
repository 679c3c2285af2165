"""A feed costs the same number of queries however many articles, credits and
keywords it shows, and none once cached."""

import pytest
from django.urls import reverse

from tests.caches import empty_reader_caches
from tests.factories import (
    ArticleFactory,
    CreditFactory,
    KeywordFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

# Cold: the newest entry's time for Last-Modified (two columns of the articles), the
# reader cache's next scheduled change, the site settings, then the feed: the
# articles with their sections, their keywords, their credits with their people.
# The section feed reads its section twice (Last-Modified, then the feed).
COLD = {"edition": 6, "section": 8}


def newsroom(scale: int):
    section = SectionFactory(slug="news")
    keywords = [KeywordFactory() for _ in range(3)]
    for _ in range(scale):
        article = ArticleFactory(section=section, keywords=keywords)
        CreditFactory(article=article, role="reporter")
        CreditFactory(article=article, role="translator")


@pytest.mark.parametrize("scale", [3, 30])
@pytest.mark.parametrize("kind", ["edition", "section"])
def test_a_feed_costs_the_same_at_any_size(
    client, django_assert_num_queries, scale, kind
):
    newsroom(scale)
    kwargs = {"slug": "news"} if kind == "section" else {}
    url = reverse(f"syndication:{kind}_atom", kwargs=kwargs)
    empty_reader_caches()

    with django_assert_num_queries(COLD[kind]):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200
