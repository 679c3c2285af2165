"""Breaking until <time>: until then the article leads the ticker marked Breaking;
afterwards it takes its normal place, with no job run, even from the cache."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles import selectors
from tests.articles.pages import soup_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def ticker(client):
    items = soup_of(client.get("/en/")).select(".ticker .ticker-item")
    return [
        (item.select_one("a").get_text(strip=True), "is-breaking" in item["class"])
        for item in items
    ]


def test_a_breaking_article_leads_the_ticker_until_its_time_then_falls_back(
    client, settings
):
    # The clock is moved in Python only; Redis would count expiry by its own clock,
    # so this runs on the local-memory cache (the moment handed to any cache is
    # checked by test_the_cache_is_told_when_breaking_ends).
    settings.CACHES = {
        **settings.CACHES,
        "readers": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        ArticleFactory(title="Newest", published_at=start - timedelta(minutes=5))
        ArticleFactory(
            title="Dam breach",
            published_at=start - timedelta(hours=6),
            breaking_until=start + timedelta(hours=1),
        )
        assert ticker(client)[:2] == [("Dam breach", True), ("Newest", False)]

    # Cached above; no change is saved in between: time alone ends it.
    with time_machine.travel(start + timedelta(hours=1, seconds=1), tick=False):
        assert ticker(client)[:2] == [("Newest", False), ("Dam breach", False)]


def test_the_cache_is_told_when_breaking_ends():
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        ends = now + timedelta(minutes=30)
        ArticleFactory(breaking_until=ends)
        ArticleFactory(published_at=now + timedelta(hours=3))  # scheduled, later
        assert selectors.next_scheduled_publication() == ends


def test_a_scheduled_breaking_article_is_not_in_the_ticker_before_it_appears(client):
    now = timezone.now()
    ArticleFactory(
        title="Not yet",
        published_at=now + timedelta(hours=1),
        breaking_until=now + timedelta(hours=5),
    )
    ArticleFactory(title="Out")
    assert [title for title, _breaking in ticker(client)] == ["Out"]
