"""Lite pages go through the reader cache: a second request costs no query, and an
edit or a comment decision shows on the next request."""

import pytest
from django.urls import reverse

from comments.models import Comment
from tests.comments.helpers import CommentFactory
from tests.factories import ArticleFactory


@pytest.mark.django_db
def test_cached_lite_pages_cost_no_query(client, django_assert_num_queries):
    article = ArticleFactory()
    for url in (reverse("lite:front"), reverse("lite:article", args=[article.pk])):
        assert client.get(url).status_code == 200
        with django_assert_num_queries(0):
            assert client.get(url).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_an_edit_refreshes_the_lite_front_page_and_article(client):
    article = ArticleFactory(title="Old headline")
    urls = (reverse("lite:front"), reverse("lite:article", args=[article.pk]))
    for url in urls:
        assert "Old headline" in client.get(url).content.decode()
    article.title = "New headline"
    article.save()
    for url in urls:
        html = client.get(url).content.decode()
        assert "New headline" in html and "Old headline" not in html


@pytest.mark.django_db(transaction=True)
def test_a_comment_decision_refreshes_the_lite_comment_count(client):
    article = ArticleFactory()
    comment = CommentFactory(article=article, pending=True)
    url = reverse("lite:article", args=[article.pk])
    assert "0 comments" in client.get(url).content.decode()
    comment.status = Comment.Status.APPROVED
    comment.save()
    assert "1 comment" in client.get(url).content.decode()
