"""The news sitemap follows the publishers' rules: only articles first published in
the last 48 hours, at most 1,000 news entries a file (split beyond), with the
publication's name and language, the first publication time and the title."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory
from tests.syndication.helpers import NS, xml_of

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def news_entries(client, number=1, language="en"):
    response = client.get(f"/{language}/sitemaps/news-{number}.xml")
    assert response.status_code == 200
    return xml_of(response).findall("sm:url", NS)


def many(count, *, newest: datetime, language="en"):
    section = SectionFactory()
    Article.objects.bulk_create(
        Article(
            title=f"Story {n}",
            slug=f"story-{n}",
            lead="Lead.",
            section=section,
            language=language,
            status=Article.Status.PUBLISHED,
            published_at=newest - timedelta(seconds=n),
        )
        for n in range(count)
    )


@time_machine.travel(NOW, tick=False)
def test_only_articles_first_published_in_the_last_48_hours(client):
    inside = ArticleFactory(
        title="Inside", published_at=NOW - timedelta(hours=47, minutes=59)
    )
    ArticleFactory(title="Outside", published_at=NOW - timedelta(hours=48, minutes=1))
    ArticleFactory(title="Exactly 48 hours", published_at=NOW - timedelta(hours=48))
    ArticleFactory(title="Draft", draft=True, published_at=NOW - timedelta(hours=1))
    ArticleFactory(title="Scheduled", published_at=NOW + timedelta(minutes=5))
    ArticleFactory(title="Arabic", language="ar", published_at=NOW - timedelta(hours=1))

    (entry,) = news_entries(client)

    assert (
        entry.find("sm:loc", NS).text == f"http://testserver{inside.get_absolute_url()}"
    )
    assert entry.find("news:news/news:title", NS).text == "Inside"


@time_machine.travel(NOW, tick=False)
def test_the_window_moves_with_the_clock_without_any_change(client):
    ArticleFactory(title="Ageing", published_at=NOW - timedelta(hours=47))
    assert len(news_entries(client)) == 1

    with time_machine.travel(NOW + timedelta(hours=1, seconds=1), tick=False):
        assert news_entries(client) == []


@time_machine.travel(NOW, tick=False)
def test_each_entry_carries_name_language_first_publication_and_title(client):
    from tests.factories import set_site_settings

    set_site_settings(name="The Orontes Dispatch", name_ar="صحيفة العاصي")
    published = NOW - timedelta(hours=3)
    article = ArticleFactory(title="Pumps & power", published_at=published)
    # A later correction is an update: it never moves the publication date.
    Article.objects.filter(pk=article.pk).update(last_note_at=NOW - timedelta(hours=1))
    ArticleFactory(language="ar", title="خبر", published_at=published)

    (entry,) = news_entries(client)
    (arabic,) = news_entries(client, language="ar")

    news = entry.find("news:news", NS)
    assert news.find("news:publication/news:name", NS).text == "The Orontes Dispatch"
    assert news.find("news:publication/news:language", NS).text == "en"
    assert (
        datetime.fromisoformat(news.find("news:publication_date", NS).text) == published
    )
    assert news.find("news:title", NS).text == "Pumps & power"
    assert (
        arabic.find("news:news/news:publication/news:name", NS).text == "صحيفة العاصي"
    )
    assert arabic.find("news:news/news:publication/news:language", NS).text == "ar"


@time_machine.travel(NOW, tick=False)
def test_beyond_1000_entries_the_news_sitemap_splits(client):
    many(1001, newest=NOW - timedelta(minutes=1))

    first, second = news_entries(client, 1), news_entries(client, 2)
    listed = [
        loc.text
        for loc in xml_of(client.get("/sitemap.xml")).findall("sm:sitemap/sm:loc", NS)
    ]

    assert len(first) == 1000
    assert len(second) == 1
    assert second[0].find("news:news/news:title", NS).text == "Story 1000"
    assert "http://testserver/en/sitemaps/news-2.xml" in listed
    assert "http://testserver/en/sitemaps/news-3.xml" not in listed
    assert client.get("/en/sitemaps/news-3.xml").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_an_empty_news_window_still_answers_and_is_listed_once(client):
    ArticleFactory(published_at=NOW - timedelta(days=5))

    assert news_entries(client) == []
    listed = [
        loc.text
        for loc in xml_of(client.get("/sitemap.xml")).findall("sm:sitemap/sm:loc", NS)
    ]
    assert [loc for loc in listed if "/en/sitemaps/news-" in loc] == [
        "http://testserver/en/sitemaps/news-1.xml"
    ]


def test_a_repeat_of_the_news_sitemap_is_304(client):
    ArticleFactory(published_at=timezone.now() - timedelta(hours=1))
    url = reverse("syndication:sitemap_news", kwargs={"number": 1})
    first = client.get(url)

    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
