"""Rendering a lite page costs a fixed number of queries, whatever the archive's
size."""

import pytest
from django.urls import reverse

from tests.caches import empty_reader_caches
from tests.comments.helpers import CommentFactory
from tests.factories import ArticleFactory


@pytest.mark.django_db
@pytest.mark.parametrize("stories", [3, 45])
def test_lite_front_page_queries_do_not_grow(
    client, django_assert_num_queries, stories
):
    for _n in range(stories):
        ArticleFactory()
    empty_reader_caches()
    # When the next scheduled story goes live (the cache's expiry), the count,
    # the site settings, the page of headlines.
    with django_assert_num_queries(4):
        assert client.get(reverse("lite:front")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("comments", [0, 12])
def test_lite_article_queries_do_not_grow(client, django_assert_num_queries, comments):
    article = ArticleFactory()
    for _n in range(comments):
        CommentFactory(article=article)
    empty_reader_caches()
    # The cache's expiry, the article, the site settings, its credits, its
    # comment count.
    with django_assert_num_queries(5):
        url = reverse("lite:article", args=[article.pk])
        assert client.get(url).status_code == 200
