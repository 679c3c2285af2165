"""Times are written the way each edition reads them: the Arabic edition with the
day, Arabic month name and year; the English one as 2016-04-28 13:49:48. The
machine-readable <time datetime> is ISO 8601 in both."""

from datetime import UTC, datetime

import pytest

from tests.comments.helpers import CommentFactory
from tests.editions.pages import soup_of, text_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2024, 11, 5, 14, 7, 9, tzinfo=UTC)

# Django's Arabic month names, as the site's Arabic edition shows them.
ARABIC_MONTHS = {
    1: "يناير",
    2: "فبراير",
    3: "مارس",
    4: "إبريل",
    5: "مايو",
    6: "يونيو",
    7: "يوليو",
    8: "أغسطس",
    9: "سبتمبر",
    10: "أكتوبر",
    11: "نوفمبر",
    12: "ديسمبر",
}


@pytest.fixture(autouse=True)
def _utc(settings):
    settings.TIME_ZONE = "UTC"


def article_time(client, article):
    return soup_of(client.get(article.get_absolute_url())).select_one(
        ".article-meta time"
    )


def test_arabic_article_page_writes_the_month_in_arabic(client):
    article = ArticleFactory(language="ar", title="خبر", published_at=PUBLISHED)

    time = article_time(client, article)

    assert text_of(time) == "5 نوفمبر 2024، 14:07:09"
    assert "November" not in text_of(time)
    assert time["datetime"] == "2024-11-05T14:07:09+00:00"
    assert datetime.fromisoformat(time["datetime"]) == PUBLISHED


def test_english_article_page_writes_the_reference_format(client):
    article = ArticleFactory(published_at=PUBLISHED)

    time = article_time(client, article)

    assert text_of(time) == "2024-11-05 14:07:09"
    assert time["datetime"] == "2024-11-05T14:07:09+00:00"


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_has_its_arabic_name(client, month):
    published = PUBLISHED.replace(month=month)
    article = ArticleFactory(language="ar", title="خبر", published_at=published)

    assert ARABIC_MONTHS[month] in text_of(article_time(client, article))


def test_times_follow_the_site_time_zone(client, settings):
    settings.TIME_ZONE = "Asia/Damascus"  # UTC+3
    article = ArticleFactory(language="ar", title="خبر", published_at=PUBLISHED)

    time = article_time(client, article)

    assert text_of(time) == "5 نوفمبر 2024، 17:07:09"
    assert time["datetime"] == "2024-11-05T17:07:09+03:00"
    assert datetime.fromisoformat(time["datetime"]) == PUBLISHED


def test_arabic_listings_write_minutes_with_the_arabic_month(client):
    ArticleFactory(language="ar", title="خبر", published_at=PUBLISHED)

    page = soup_of(client.get("/ar/"))
    time = page.select_one(".lead-story time")

    assert text_of(time) == "5 نوفمبر 2024، 14:07"
    assert time["datetime"] == "2024-11-05T14:07:09+00:00"


def test_english_listings_write_minutes(client):
    ArticleFactory(published_at=PUBLISHED)

    time = soup_of(client.get("/en/")).select_one(".lead-story time")

    assert text_of(time) == "2024-11-05 14:07"


def test_comment_times_follow_the_edition(client):
    english = ArticleFactory(published_at=PUBLISHED)
    arabic = ArticleFactory(language="ar", title="خبر", published_at=PUBLISHED)
    for article in [english, arabic]:
        comment = CommentFactory(article=article)
        type(comment).objects.filter(pk=comment.pk).update(created_at=PUBLISHED)

    on_english = soup_of(client.get(english.get_absolute_url())).select_one(
        ".comment-meta time"
    )
    on_arabic = soup_of(client.get(arabic.get_absolute_url())).select_one(
        ".comment-meta time"
    )

    assert text_of(on_english) == "2024-11-05 14:07"
    assert text_of(on_arabic) == "5 نوفمبر 2024، 14:07"
    assert (
        on_english["datetime"] == on_arabic["datetime"] == "2024-11-05T14:07:09+00:00"
    )
