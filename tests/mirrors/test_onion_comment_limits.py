"""Onion readers share one address; Tor hands each circuit one of its own
(HiddenServiceExportCircuitID haproxy, passed on by nginx as X-Real-IP: see
deploy/). Two circuits are then two senders, and one circuit is still limited."""

import pytest

from comments.models import Comment
from tests.comments.helpers import (
    assert_redirects_to_comments,
    filled_form,
    post_comment,
)
from tests.factories import ArticleFactory
from tests.mirrors.hosts import MAIN, ONION

pytestmark = pytest.mark.django_db

CIRCUIT = "fc00:dead:beef:4dad::1:2a"
OTHER_CIRCUIT = "fc00:dead:beef:4dad::1:2b"


@pytest.fixture(autouse=True)
def behind_the_onion_proxy(settings):
    settings.COMMENTS_CLIENT_IP_HEADER = "X-Real-IP"
    settings.COMMENTS_RATE_LIMIT_POSTS = 2
    settings.COMMENTS_RATE_LIMIT_SECONDS = 600


def post_on_onion(client, article, circuit, number):
    data = filled_form(
        client, article, email=f"reader{number}@example.com", body=f"Comment {number}"
    )
    return post_comment(client, article, data, HTTP_HOST=ONION, HTTP_X_REAL_IP=circuit)


def test_one_circuit_is_limited(client):
    article = ArticleFactory()
    for number in (1, 2):
        assert_redirects_to_comments(
            post_on_onion(client, article, CIRCUIT, number), article
        )
    assert post_on_onion(client, article, CIRCUIT, 3).status_code == 429
    assert Comment.objects.count() == 2


def test_two_circuits_are_counted_apart(client):
    article = ArticleFactory()
    for number in (1, 2):
        post_on_onion(client, article, CIRCUIT, number)
    response = post_on_onion(client, article, OTHER_CIRCUIT, 3)
    assert_redirects_to_comments(response, article)
    assert Comment.objects.count() == 3
    hashes = set(Comment.objects.values_list("sender_hash", flat=True))
    assert len(hashes) == 2


def test_the_onion_post_never_redirects_to_the_main_domain(client):
    article = ArticleFactory()
    response = post_on_onion(client, article, CIRCUIT, 1)
    assert response.status_code == 302
    assert MAIN not in response["Location"]
