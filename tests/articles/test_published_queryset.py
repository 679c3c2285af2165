"""What readers may see: ``Article.objects.published()`` and the row's own flags."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def published_pks() -> set[int]:
    return set(Article.objects.published().values_list("pk", flat=True))


def test_published_article_whose_time_has_come_is_included():
    article = ArticleFactory(published_at=timezone.now() - timedelta(hours=2))

    assert published_pks() == {article.pk}


def test_draft_article_is_hidden_even_with_a_past_time():
    ArticleFactory(draft=True, published_at=timezone.now() - timedelta(days=3))
    visible = ArticleFactory()

    assert published_pks() == {visible.pk}


def test_scheduled_article_is_hidden_until_its_time():
    scheduled = ArticleFactory(scheduled=True)
    visible = ArticleFactory()

    assert published_pks() == {visible.pk}
    assert set(Article.objects.scheduled()) == {scheduled}


def test_scheduled_article_becomes_visible_once_its_time_passes():
    article = ArticleFactory(published_at=timezone.now() + timedelta(minutes=5))
    assert published_pks() == set()

    # Time passing, without any job: only the clock moves past published_at.
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )

    assert published_pks() == {article.pk}
    assert not Article.objects.scheduled().exists()


def test_article_whose_time_just_passed_is_visible():
    article = ArticleFactory(published_at=timezone.now() - timedelta(milliseconds=5))

    assert published_pks() == {article.pk}


def test_published_chains_with_section_and_keyword_filters(django_assert_num_queries):
    kept = ArticleFactory()
    ArticleFactory(section=kept.section, draft=True)
    ArticleFactory(section=kept.section, scheduled=True)
    ArticleFactory()  # another section

    with django_assert_num_queries(1):
        in_section = list(Article.objects.published().in_section(kept.section))

    assert in_section == [kept]


@pytest.mark.parametrize(
    ("status", "offset", "is_published", "is_scheduled"),
    [
        (Article.Status.PUBLISHED, timedelta(hours=-1), True, False),
        (Article.Status.PUBLISHED, timedelta(hours=1), False, True),
        (Article.Status.DRAFT, timedelta(hours=-1), False, False),
        (Article.Status.DRAFT, timedelta(hours=1), False, False),
    ],
    ids=["published", "scheduled", "draft-past", "draft-future"],
)
def test_is_published_and_is_scheduled_follow_status_and_time(
    status, offset, is_published, is_scheduled
):
    article = ArticleFactory.build(status=status, published_at=timezone.now() + offset)

    assert article.is_published is is_published
    assert article.is_scheduled is is_scheduled


def test_newest_first_orders_by_publication_time_then_newest_row():
    moment = timezone.now() - timedelta(hours=1)
    older = ArticleFactory(published_at=moment - timedelta(minutes=1))
    first_at_moment = ArticleFactory(published_at=moment)
    second_at_moment = ArticleFactory(published_at=moment)

    assert list(Article.objects.published().newest_first()) == [
        second_at_moment,
        first_at_moment,
        older,
    ]
