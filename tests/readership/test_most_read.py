from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation

from articles.models import Article
from readership.models import ReadingCount
from readership.selectors import most_read
from tests.factories import ArticleFactory


def read(article, views, *, hours_ago=0):
    hour = (timezone.now() - timedelta(hours=hours_ago)).replace(
        minute=0, second=0, microsecond=0
    )
    ReadingCount.objects.create(
        article=article, language=article.language, hour=hour, views=views
    )


@pytest.fixture
def threshold(settings):
    settings.MOST_READ_MIN_VIEWS = 10
    return 10


@pytest.mark.django_db
def test_most_read_of_the_last_day_in_order(threshold):
    first, second, old, few = ArticleFactory.create_batch(4)
    read(first, 30)
    read(second, 12, hours_ago=3)
    read(second, 8, hours_ago=5)
    read(old, 500, hours_ago=30)
    read(few, threshold - 1)
    assert most_read("en") == [first, second]


@pytest.mark.django_db
def test_only_the_edition_and_what_readers_may_see(threshold):
    english = ArticleFactory()
    arabic = ArticleFactory(language="ar")
    withdrawn = ArticleFactory()
    for article in (english, arabic, withdrawn):
        read(article, 50)
    Article.objects.filter(pk=withdrawn.pk).update(status=Article.Status.DRAFT)
    assert most_read("en") == [english]
    assert most_read("ar") == [arabic]


@pytest.mark.django_db
def test_most_read_is_two_queries_however_many_are_read(
    threshold, django_assert_num_queries
):
    # One over the day's hourly counts, one for the leading articles by key.
    for article in ArticleFactory.create_batch(8):
        read(article, 20)
    with django_assert_num_queries(2):
        assert len(most_read("en")) == 5


def test_the_block_shows_on_article_pages_and_the_front_page(client, db, threshold):
    popular = ArticleFactory(title="Read by many")
    read(popular, 40)
    other = ArticleFactory()
    for url in ("/en/", other.get_absolute_url()):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        links = page.select(".most-read a")
        assert [link.text for link in links] == ["Read by many"]


def test_the_arabic_block_is_arabic(client, db, threshold):
    popular = ArticleFactory(language="ar", title="الأكثر قراءة هنا")
    read(popular, 40)
    with translation.override("ar"):
        page = BeautifulSoup(client.get("/ar/").content, "html.parser")
    assert page.select_one(".most-read a").text == "الأكثر قراءة هنا"
