"""Senders are known by a keyed hash of their network, never by their address."""

import hashlib
import logging
import re

import pytest
from django.apps import apps

from comments.models import Comment
from newsportal.senders import sender_hash
from tests.comments.helpers import (
    assert_redirects_to_comments,
    filled_form,
    post_comment,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"


def stored_hash_after_post(client, address=None, **headers):
    """Post one comment (from ``address``, with ``headers``); its stored hash."""
    article = ArticleFactory()
    number = Comment.objects.count()
    data = filled_form(
        client, article, email=f"r{number}@example.com", body=f"Post {number}"
    )
    extra = {"REMOTE_ADDR": address} if address else {}
    response = post_comment(client, article, data, headers=headers, **extra)
    assert_redirects_to_comments(response, article)
    return Comment.objects.order_by("-pk").first().sender_hash


def test_no_raw_address_is_stored(client, caplog):
    caplog.set_level(logging.DEBUG)

    stored = stored_hash_after_post(client, ADDRESS)

    assert re.fullmatch(r"[0-9a-f]{32}", stored)
    for row in Comment.objects.values():
        for column, value in row.items():
            assert ADDRESS not in str(value), column
    assert ADDRESS not in caplog.text


def test_no_raw_address_is_stored_in_any_table(client):
    stored_hash_after_post(client, ADDRESS)

    for model in apps.get_models():
        for row in model._default_manager.values():
            assert ADDRESS not in str(row), model._meta.label


def test_the_hash_is_keyed_not_a_plain_digest(settings):
    plain = {
        algorithm(text.encode()).hexdigest()[:32]
        for algorithm in (hashlib.md5, hashlib.sha1, hashlib.sha256)
        for text in (ADDRESS, f"{ADDRESS}/32")
    }
    hashed = sender_hash(ADDRESS)
    assert hashed not in plain

    settings.SECRET_KEY = "another-secret-key-for-tests-only"
    assert sender_hash(ADDRESS) != hashed


def test_an_ipv4_slash_24_shares_one_hash_when_configured(client, settings):
    settings.COMMENTS_IPV4_PREFIX = 24

    first = stored_hash_after_post(client, "203.0.113.9")
    same_network = stored_hash_after_post(client, "203.0.113.200")
    next_network = stored_hash_after_post(client, "203.0.114.9")

    assert first == same_network
    assert first != next_network


def test_each_ipv4_address_has_its_own_hash_by_default(client, settings):
    settings.COMMENTS_IPV4_PREFIX = 32

    first = stored_hash_after_post(client, "203.0.113.9")
    neighbour = stored_hash_after_post(client, "203.0.113.10")

    assert first != neighbour


def test_an_ipv6_slash_64_shares_one_hash(client):
    first = stored_hash_after_post(client, "2001:db8:1:2::1")
    same_network = stored_hash_after_post(client, "2001:db8:1:2:ffff:eeee:dddd:9")
    next_network = stored_hash_after_post(client, "2001:db8:1:3::1")

    assert first == same_network
    assert first != next_network
    assert re.fullmatch(r"[0-9a-f]{32}", first)


def test_an_ipv4_mapped_ipv6_address_counts_as_ipv4():
    assert sender_hash("::ffff:203.0.113.9") == sender_hash("203.0.113.9")


def test_the_configured_proxy_header_is_used(client, settings):
    settings.COMMENTS_CLIENT_IP_HEADER = "X-Real-IP"

    stored = stored_hash_after_post(client, "10.0.0.1", **{"X-Real-IP": "198.51.100.7"})

    assert stored == sender_hash("198.51.100.7")
    assert stored != sender_hash("10.0.0.1")


def test_the_proxy_header_is_ignored_when_not_configured(client, settings):
    settings.COMMENTS_CLIENT_IP_HEADER = ""

    stored = stored_hash_after_post(client, "10.0.0.1", **{"X-Real-IP": "198.51.100.7"})

    assert stored == sender_hash("10.0.0.1")
    assert stored != sender_hash("198.51.100.7")
