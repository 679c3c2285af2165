"""Without JavaScript the first post (which has no code yet) already marks what is
wrong in the reader's fields, beside the code to type, so the code is typed once."""

import pytest

from comments.models import Comment
from tests.comments.helpers import post_comment
from tests.editions.pages import soup_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def first_post(client, article, **fields):
    data = {"name": "Rami", "email": "rami@example.org", "body": "Hello", **fields}
    return post_comment(client, article, data)


def test_a_bad_address_is_marked_on_the_code_step(client):
    article = ArticleFactory()
    response = first_post(client, article, email="rami-at-example.org")
    soup = soup_of(response)
    assert soup.find(attrs={"name": "captcha_1"}) is not None
    email = soup.find(attrs={"name": "email"})
    assert "is-invalid" in email["class"]
    assert email["value"] == "rami-at-example.org"
    assert "is-invalid" not in soup.find(attrs={"name": "name"}).get("class", [])
    assert "correct what is marked" in soup.select_one("[role=alert]").get_text()
    assert not Comment.objects.exists()


def test_good_fields_get_only_the_code_step(client):
    soup = soup_of(first_post(client, ArticleFactory()))
    assert soup.select(".is-invalid") == []
    assert "One more step" in soup.select_one("[role=status]").get_text()


def test_a_missing_comment_is_marked_and_the_rest_kept(client):
    soup = soup_of(first_post(client, ArticleFactory(), body=""))
    assert "is-invalid" in soup.find(attrs={"name": "body"})["class"]
    assert soup.find(attrs={"name": "name"})["value"] == "Rami"
