"""A comment decision retires only what shows that comment: its article's page and
comment section (with the count), not the rest of the site."""

import pytest
from django.contrib.auth import get_user_model

from comments.services import (
    comment_approve,
    comment_delete,
    comment_mark_spam,
    comment_reject,
)
from tests.comments.helpers import CommentFactory
from tests.factories import ArticleFactory, KeywordFactory

pytestmark = pytest.mark.django_db


def test_approving_a_comment_retires_its_article_page_only(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        commented, other = ArticleFactory(), ArticleFactory()
        pending = CommentFactory(article=commented, pending=True, body="Worth reading")
        moderator = get_user_model().objects.create_user("moderator")
    for url in ("/en/", commented.get_absolute_url(), other.get_absolute_url()):
        client.get(url)
    etag_of_home = client.get("/en/")["ETag"]

    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comments=[pending], moderator=moderator)

    with django_assert_num_queries(0):
        home = client.get("/en/")
        unrelated = client.get(other.get_absolute_url())
    assert home["ETag"] == etag_of_home
    assert unrelated.status_code == 200
    page = client.get(commented.get_absolute_url()).content.decode()
    assert "Worth reading" in page
    assert "Comments (1)" in page


def test_a_new_comment_awaiting_moderation_retires_nothing(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory()
    client.get(article.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        CommentFactory(article=article, pending=True, body="Not yet approved")

    with django_assert_num_queries(0):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "decide",
    [comment_reject, comment_mark_spam, comment_delete],
    ids=lambda f: f.__name__,
)
def test_taking_down_an_approved_comment_retires_only_its_article_page(
    client, decide, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        keyword = KeywordFactory()
        commented = ArticleFactory(keywords=[keyword])
        other = ArticleFactory(section=commented.section, keywords=[keyword])
        shown = CommentFactory(article=commented, body="Soon gone")
        moderator = get_user_model().objects.create_user("moderator")
    # The listings that show the commented article, but none of its comments.
    unrelated = [
        "/en/",
        commented.section.get_absolute_url(),
        keyword.get_absolute_url(),
        other.get_absolute_url(),
    ]
    for url in [*unrelated, commented.get_absolute_url()]:
        client.get(url)
    assert "Soon gone" in client.get(commented.get_absolute_url()).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        decide(comments=[shown], moderator=moderator)

    with django_assert_num_queries(0):
        for url in unrelated:
            assert client.get(url).status_code == 200, url
    page = client.get(commented.get_absolute_url()).content.decode()
    assert "Soon gone" not in page
    assert "Comments (1)" not in page
