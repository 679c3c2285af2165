"""A comment refused by the rate limit: 429 with Retry-After, the reader's text kept,
nothing stored."""

from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone

from comments.models import Comment
from tests.comments.helpers import (
    RATE_LIMIT_ERROR,
    assert_redirects_to_comments,
    filled_form,
    form_error_text,
    form_values,
    post_comment,
    soup_of,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.9"


@pytest.fixture(autouse=True)
def two_posts_in_ten_minutes(settings):
    settings.COMMENTS_RATE_LIMIT_POSTS = 2
    settings.COMMENTS_RATE_LIMIT_SECONDS = 600


def post(client, article, body, **fields):
    data = filled_form(client, article, body=body, **fields)
    return post_comment(client, article, data, REMOTE_ADDR=ADDRESS)


def two_posts_made(client, article, minutes_ago: tuple[int, int]) -> None:
    for number, minutes in enumerate(minutes_ago):
        assert_redirects_to_comments(post(client, article, f"Post {number}"), article)
        Comment.objects.filter(body=f"Post {number}").update(
            created_at=timezone.now() - timedelta(minutes=minutes)
        )


def test_a_post_over_the_limit_is_answered_429_with_retry_after(client):
    article = ArticleFactory()
    # The older post leaves the ten-minute window in four minutes.
    two_posts_made(client, article, minutes_ago=(6, 1))

    response = post(client, article, "One too many")

    assert response.status_code == 429
    assert 4 * 60 - 5 <= int(response["Retry-After"]) <= 4 * 60
    assert RATE_LIMIT_ERROR in form_error_text(soup_of(response))


def test_the_refused_form_keeps_everything_the_reader_typed(client):
    article = ArticleFactory()
    two_posts_made(client, article, minutes_ago=(3, 2))

    response = post(
        client,
        article,
        "A long considered comment\nwith two lines.",
        name="Samira Haddad",
        email="samira@example.com",
    )

    assert response.status_code == 429
    shown = form_values(soup_of(response))
    assert shown["name"] == "Samira Haddad"
    assert shown["email"] == "samira@example.com"
    assert shown["body"] == "A long considered comment\nwith two lines."


def test_a_refused_post_stores_nothing(client):
    article = ArticleFactory()
    two_posts_made(client, article, minutes_ago=(3, 2))

    post(client, article, "One too many")

    assert sorted(Comment.objects.values_list("body", flat=True)) == [
        "Post 0",
        "Post 1",
    ]


def test_after_retry_after_seconds_the_post_is_accepted(client):
    article = ArticleFactory()
    two_posts_made(client, article, minutes_ago=(6, 1))
    retry_after = int(post(client, article, "Too early")["Retry-After"])

    # As much time passes as the answer said.
    Comment.objects.update(created_at=F("created_at") - timedelta(seconds=retry_after))
    response = post(client, article, "On time")

    assert_redirects_to_comments(response, article)
    assert Comment.objects.filter(body="On time").exists()


def test_other_form_errors_stay_400_without_retry_after(client):
    article = ArticleFactory()
    data = filled_form(client, article)
    data["captcha_1"] = "wrong"

    response = post_comment(client, article, data, REMOTE_ADDR=ADDRESS)

    assert response.status_code == 400
    assert not response.has_header("Retry-After")
