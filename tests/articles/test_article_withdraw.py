"""``services.article_withdraw``: articles leave the site without being deleted."""

import pytest

from articles import services
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_withdrawn_article_becomes_a_draft_and_is_kept():
    article = ArticleFactory()
    published_at = article.published_at

    count = services.article_withdraw(articles=[article])

    article.refresh_from_db()
    assert count == 1
    assert article.status == Article.Status.DRAFT
    assert article.published_at == published_at
    assert not Article.objects.published().exists()


def test_withdrawing_a_scheduled_article_cancels_it():
    article = ArticleFactory(scheduled=True)

    services.article_withdraw(articles=[article])

    assert not Article.objects.scheduled().exists()
    assert Article.objects.get().status == Article.Status.DRAFT


def test_withdraw_counts_only_the_articles_it_withdrew():
    ArticleFactory(draft=True)
    ArticleFactory()
    ArticleFactory()

    assert services.article_withdraw(articles=Article.objects.all()) == 2
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 3
