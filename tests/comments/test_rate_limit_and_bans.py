"""Senders who post too often, bots, and senders the moderators paused."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comments.models import Comment, SenderBan
from newsportal.senders import sender_hash
from tests.comments.helpers import (
    BANNED_ERROR,
    RATE_LIMIT_ERROR,
    assert_redirects_to_comments,
    filled_form,
    form_values,
    post_comment,
    soup_of,
    thanks_shown,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.9"
OTHER_ADDRESS = "198.51.100.20"


def post_from(client, article, address, number):
    data = filled_form(
        client,
        article,
        email=f"reader{number}@example.com",
        body=f"Comment number {number}",
    )
    return post_comment(client, article, data, REMOTE_ADDR=address)


def form_errors(response) -> str:
    errors = soup_of(response).select_one("#comment-form-errors")
    assert errors is not None, "no message above the form"
    assert errors["role"] == "alert"
    return errors.get_text(" ", strip=True)


@pytest.fixture
def two_posts_allowed(settings):
    settings.COMMENTS_RATE_LIMIT_POSTS = 2
    settings.COMMENTS_RATE_LIMIT_SECONDS = 600


@pytest.mark.usefixtures("two_posts_allowed")
def test_a_third_post_within_the_window_is_refused(client):
    article = ArticleFactory()
    for number in (1, 2):
        response = post_from(client, article, ADDRESS, number)
        assert_redirects_to_comments(response, article)

    data = filled_form(client, article, body="One too many")
    response = post_comment(client, article, data, REMOTE_ADDR=ADDRESS)

    assert response.status_code == 429
    assert RATE_LIMIT_ERROR in form_errors(response)
    assert form_values(soup_of(response))["body"] == "One too many"
    assert Comment.objects.count() == 2


@pytest.mark.usefixtures("two_posts_allowed")
def test_the_limit_counts_posts_on_every_article(client):
    first, second, third = ArticleFactory.create_batch(3)
    post_from(client, first, ADDRESS, 1)
    post_from(client, second, ADDRESS, 2)

    response = post_from(client, third, ADDRESS, 3)

    assert response.status_code == 429
    assert RATE_LIMIT_ERROR in form_errors(response)


@pytest.mark.usefixtures("two_posts_allowed")
def test_another_address_is_not_limited(client):
    article = ArticleFactory()
    post_from(client, article, ADDRESS, 1)
    post_from(client, article, ADDRESS, 2)

    response = post_from(client, article, OTHER_ADDRESS, 3)

    assert_redirects_to_comments(response, article)
    assert Comment.objects.count() == 3


@pytest.mark.usefixtures("two_posts_allowed")
def test_the_limit_ends_with_the_window(client):
    article = ArticleFactory()
    post_from(client, article, ADDRESS, 1)
    post_from(client, article, ADDRESS, 2)
    Comment.objects.update(created_at=timezone.now() - timedelta(seconds=601))

    response = post_from(client, article, ADDRESS, 3)

    assert_redirects_to_comments(response, article)
    assert Comment.objects.count() == 3


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(client):
    article = ArticleFactory()
    data = filled_form(client, article)
    data["website"] = "https://cheap-pills.example"

    response = post_comment(client, article, data)

    assert_redirects_to_comments(response, article)
    assert thanks_shown(client, response)
    assert not Comment.objects.exists()


def test_a_filled_honeypot_stores_nothing_even_without_a_captcha(client):
    article = ArticleFactory()
    data = filled_form(client, article)
    data["website"] = "spam"
    data["captcha_1"] = ""

    assert_redirects_to_comments(post_comment(client, article, data), article)
    assert not Comment.objects.exists()


def ban(address, until):
    return SenderBan.objects.create(sender_hash=sender_hash(address), until=until)


def test_a_banned_sender_is_refused_with_a_message(client):
    article = ArticleFactory()
    ban(ADDRESS, timezone.now() + timedelta(days=1))
    data = filled_form(client, article, body="Let me in")

    response = post_comment(client, article, data, REMOTE_ADDR=ADDRESS)

    assert response.status_code == 400
    assert BANNED_ERROR in form_errors(response)
    assert form_values(soup_of(response))["body"] == "Let me in"
    assert not Comment.objects.exists()


def test_a_ban_covers_only_its_sender(client):
    article = ArticleFactory()
    ban(ADDRESS, timezone.now() + timedelta(days=1))

    response = post_from(client, article, OTHER_ADDRESS, 1)

    assert_redirects_to_comments(response, article)
    assert Comment.objects.count() == 1


def test_an_expired_ban_lets_the_sender_post(client):
    article = ArticleFactory()
    ban(ADDRESS, timezone.now() - timedelta(minutes=1))

    response = post_from(client, article, ADDRESS, 1)

    assert_redirects_to_comments(response, article)
    assert Comment.objects.count() == 1
