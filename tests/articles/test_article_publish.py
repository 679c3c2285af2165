"""``services.article_publish``: drafts go live now, or at their future time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import services
from articles.models import Article, now_to_the_second
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_draft_with_a_past_time_is_published_now():
    draft = ArticleFactory(draft=True, published_at=timezone.now() - timedelta(days=5))
    before = now_to_the_second()

    count = services.article_publish(articles=[draft])

    draft.refresh_from_db()
    assert count == 1
    assert draft.status == Article.Status.PUBLISHED
    assert before <= draft.published_at <= timezone.now()
    assert draft.published_at.microsecond == 0
    assert Article.objects.published().get() == draft


def test_draft_with_a_future_time_is_scheduled_for_that_time():
    at = now_to_the_second() + timedelta(hours=6)
    draft = ArticleFactory(draft=True, published_at=at)

    services.article_publish(articles=[draft])

    draft.refresh_from_db()
    assert draft.is_scheduled
    assert draft.published_at == at
    assert not Article.objects.published().exists()


def test_already_published_article_keeps_its_time_and_is_not_counted():
    at = now_to_the_second() - timedelta(days=1)
    article = ArticleFactory(published_at=at)

    count = services.article_publish(articles=[article])

    article.refresh_from_db()
    assert count == 0
    assert article.published_at == at


def test_publish_counts_only_the_drafts_it_published():
    articles = [
        ArticleFactory(draft=True),
        ArticleFactory(),
        ArticleFactory(draft=True),
    ]

    assert services.article_publish(articles=Article.objects.all()) == 2
    assert Article.objects.published().count() == len(articles)
