"""The keyword listing (which articles carry a keyword, with their edition, status
and time copied) follows every change, so keyword pages read it in order."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import services
from articles.models import Article, KeywordListing
from tests.factories import ArticleFactory, KeywordFactory

pytestmark = pytest.mark.django_db


def listed(keyword, language="en") -> list[int]:
    return list(
        KeywordListing.objects.for_keyword(
            keyword=keyword, language=language
        ).values_list("article_id", flat=True)
    )


def test_adding_and_removing_keywords_updates_the_listing():
    keyword, other = KeywordFactory(), KeywordFactory()
    article = ArticleFactory(keywords=[keyword])
    assert listed(keyword) == [article.pk]

    article.keywords.set([other])

    assert listed(keyword) == []
    assert listed(other) == [article.pk]
    article.keywords.clear()
    assert listed(other) == []


def test_keywords_added_from_the_keyword_side_are_listed():
    keyword = KeywordFactory()
    first, second = ArticleFactory(), ArticleFactory()

    keyword.articles.add(first, second)

    assert set(listed(keyword)) == {first.pk, second.pk}
    keyword.articles.clear()
    assert listed(keyword) == []


def test_the_listing_is_newest_first_and_only_what_readers_may_see():
    keyword = KeywordFactory()
    now = timezone.now()
    older = ArticleFactory(keywords=[keyword], published_at=now - timedelta(days=2))
    newer = ArticleFactory(keywords=[keyword], published_at=now - timedelta(days=1))
    ArticleFactory(keywords=[keyword], draft=True)
    ArticleFactory(keywords=[keyword], scheduled=True)
    ArticleFactory(keywords=[keyword], language="ar")

    assert listed(keyword) == [newer.pk, older.pk]


def test_publishing_withdrawing_and_rescheduling_follow_at_once():
    keyword = KeywordFactory()
    draft = ArticleFactory(keywords=[keyword], draft=True)
    assert listed(keyword) == []

    services.article_publish(articles=[draft])
    assert listed(keyword) == [draft.pk]

    services.article_withdraw(articles=[Article.objects.get(pk=draft.pk)])
    assert listed(keyword) == []

    article = Article.objects.get(pk=draft.pk)
    article.status = Article.Status.PUBLISHED
    article.published_at = timezone.now() + timedelta(hours=1)
    article.save()
    assert listed(keyword) == []


def test_a_deleted_article_leaves_the_listing():
    keyword = KeywordFactory()
    article = ArticleFactory(keywords=[keyword])

    article.delete()

    assert listed(keyword) == []
    assert not KeywordListing.objects.exists()


def test_keyword_page_500_reads_as_few_queries_as_page_1(
    client, settings, django_assert_num_queries
):
    settings.PAGE_CACHE = False
    keyword = KeywordFactory()
    ArticleFactory.create_batch(45, keywords=[keyword])
    url = keyword.get_absolute_url()
    client.get(url)

    # The keyword, the page's ids, their articles (the count is kept).
    with django_assert_num_queries(3):
        first = client.get(url)
    with django_assert_num_queries(3):
        third = client.get(url + "?page=3")

    assert first.status_code == third.status_code == 200
    assert third.content.decode().count('<article class="teaser') == 5
