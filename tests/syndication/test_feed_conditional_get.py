"""Feed readers poll: a repeat with the ETag or the Last-Modified time is 304, and
a change that shows in the feed gives a new ETag at once."""

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_repeat_with_the_etag_is_304(client):
    ArticleFactory()
    url = reverse("syndication:edition_atom")
    first = client.get(url)

    again = client.get(url, headers={"If-None-Match": first["ETag"]})

    assert first["ETag"]
    assert again.status_code == 304
    assert again.content == b""


def test_a_repeat_with_only_the_last_modified_time_is_304(client):
    article = ArticleFactory()
    url = reverse("syndication:edition_rss")
    first = client.get(url)

    again = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})

    assert first["Last-Modified"] == http_date(article.published_at.timestamp())
    assert again.status_code == 304


def test_a_new_article_changes_the_etag_and_the_feed(
    client, django_capture_on_commit_callbacks
):
    ArticleFactory(title="Older")
    url = reverse("syndication:edition_atom")
    first = client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(title="Newer", published_at=timezone.now())
    again = client.get(url, headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert feedparser.parse(again.content).entries[0].title == "Newer"


def test_a_cached_feed_is_served_from_the_reader_cache(
    client, django_assert_num_queries
):
    ArticleFactory()
    url = reverse(
        "syndication:section_atom",
        kwargs={"slug": Article.objects.get().section.slug},
    )
    client.get(url)

    with django_assert_num_queries(0):
        again = client.get(url)

    assert again.status_code == 200
    assert feedparser.parse(again.content).bozo == 0


def test_withdrawn_draft_scheduled_and_taken_down_articles_never_appear(
    client, django_capture_on_commit_callbacks
):
    shown = ArticleFactory(title="Shown")
    ArticleFactory(title="A draft", draft=True)
    ArticleFactory(title="In review", review=True)
    ArticleFactory(title="Scheduled", scheduled=True)
    ArticleFactory(title="Taken down", status=Article.Status.REMOVED)
    url = reverse("syndication:edition_atom")
    client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(pk=shown.pk).update(status=Article.Status.DRAFT)
    feed = feedparser.parse(client.get(url).content)

    assert feed.bozo == 0
    assert feed.entries == []
