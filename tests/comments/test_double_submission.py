"""A double click, or back and post again, stores one comment; a repeat is refused."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comments import services
from comments.models import Comment
from tests.comments.helpers import (
    DUPLICATE_ERROR,
    assert_redirects_to_comments,
    filled_form,
    post_comment,
    soup_of,
    thanks_shown,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_same_form_posted_twice_stores_one_comment(client):
    article = ArticleFactory()
    data = filled_form(client, article, body="Posted with a double click")

    first = post_comment(client, article, data)
    assert_redirects_to_comments(first, article)
    assert thanks_shown(client, first)
    # The second post carries the captcha answer the first one used up.
    second = post_comment(client, article, data)

    assert_redirects_to_comments(second, article)
    assert thanks_shown(client, second)
    assert Comment.objects.count() == 1


def test_a_race_between_two_posts_of_one_form_stores_one_comment():
    # Two requests that both passed the form's check before either stored: the
    # unique submission token settles it, and the second gets the first comment.
    article = ArticleFactory()
    fields = {
        "article": article,
        "name": "Samira",
        "email": "samira@example.com",
        "body": "Clicked twice",
        "sender_hash": "0" * 32,
        "token": "one-form-token",
    }

    first = services.comment_submit(**fields)
    second = services.comment_submit(**fields)

    assert second.pk == first.pk
    assert Comment.objects.count() == 1


def test_the_same_form_posted_again_later_stores_one_comment(client):
    article = ArticleFactory()
    data = filled_form(client, article)
    post_comment(client, article, data)
    # Reading other pages in between changes nothing.
    client.get(article.get_absolute_url())

    response = post_comment(client, article, data)

    assert_redirects_to_comments(response, article)
    assert Comment.objects.count() == 1


def test_the_same_text_from_the_same_email_in_a_new_form_is_a_duplicate(client):
    article = ArticleFactory()
    first = filled_form(client, article, email="lina@example.com", body="Same words")
    assert_redirects_to_comments(post_comment(client, article, first), article)

    second = filled_form(client, article, email="LINA@example.com", body="Same words")
    response = post_comment(client, article, second)

    assert response.status_code == 400
    soup = soup_of(response)
    errors = soup.select_one("#comment-form-errors")
    assert errors["role"] == "alert"
    assert DUPLICATE_ERROR in errors.get_text()
    assert Comment.objects.count() == 1


def test_the_same_text_from_another_email_is_not_a_duplicate(client):
    article = ArticleFactory()
    first = filled_form(client, article, email="lina@example.com", body="Same words")
    post_comment(client, article, first)

    second = filled_form(client, article, email="omar@example.com", body="Same words")

    assert_redirects_to_comments(post_comment(client, article, second), article)
    assert Comment.objects.count() == 2


def test_the_same_text_after_an_hour_is_not_a_duplicate(client):
    article = ArticleFactory()
    first = filled_form(client, article, email="lina@example.com", body="Same words")
    post_comment(client, article, first)
    Comment.objects.update(created_at=timezone.now() - timedelta(minutes=61))

    second = filled_form(client, article, email="lina@example.com", body="Same words")
    response = post_comment(client, article, second)

    assert_redirects_to_comments(response, article)
    assert Comment.objects.count() == 2
