"""Editors can close an article's comments: no form, and posts are refused."""

import pytest

from comments.models import Comment
from tests.comments.helpers import (
    CommentFactory,
    comment_form,
    comments_heading,
    filled_form,
    post_comment,
    shown_comments,
    soup_of,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_closed_article_shows_a_notice_instead_of_the_form(client):
    article = ArticleFactory(comments_open=False)
    CommentFactory(article=article, body="Said before closing")

    soup = soup_of(client.get(article.get_absolute_url()))

    assert comment_form(soup) is None
    assert soup.find(attrs={"name": "captcha_1"}) is None
    notice = soup.select_one("#comments .comments-closed")
    assert "Comments are closed" in notice.get_text()
    # What was approved before stays readable.
    assert comments_heading(soup) == "Comments (1)"
    assert shown_comments(soup) == ["Said before closing"]


def test_an_open_article_has_the_form_and_no_notice(client):
    article = ArticleFactory()

    soup = soup_of(client.get(article.get_absolute_url()))

    assert comment_form(soup) is not None
    assert soup.select_one("#comments .comments-closed") is None


def test_a_post_to_a_closed_article_is_refused(client):
    article = ArticleFactory()
    data = filled_form(client, article)
    article.comments_open = False
    article.save()

    response = post_comment(client, article, data)

    assert response.status_code == 403
    assert "Comments are closed" in soup_of(response).get_text()
    assert not Comment.objects.exists()


def test_a_bot_posting_to_a_closed_article_stores_nothing(client):
    article = ArticleFactory()
    data = filled_form(client, article)
    data["website"] = "spam"
    article.comments_open = False
    article.save()

    assert post_comment(client, article, data).status_code == 403
    assert not Comment.objects.exists()


def test_reopening_lets_readers_post_again(client):
    article = ArticleFactory(comments_open=False)
    article.comments_open = True
    article.save()

    data = filled_form(client, article)

    assert post_comment(client, article, data).status_code == 302
    assert Comment.objects.count() == 1
