"""Pages name the zone of their times: "Damascus time (UTC+3)", translated, or the
offset alone for a zone without a name here."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.utils import translation

from articles.templatetags.edition_times import site_time_zone, utc_offset
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("zone", "language", "expected"),
    [
        ("Asia/Damascus", "en", "Damascus time (UTC+3)"),
        ("Asia/Damascus", "ar", "توقيت دمشق (UTC+3)"),
        ("UTC", "en", "UTC"),
        ("Asia/Kolkata", "en", "UTC+5:30"),
    ],
)
def test_the_zone_is_named(settings, zone, language, expected):
    settings.TIME_ZONE = zone
    with translation.override(language):
        assert site_time_zone() == expected


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(0, "UTC"), (180, "UTC+3"), (-240, "UTC-4"), (345, "UTC+5:45")],
)
def test_offsets(offset, expected):
    moment = datetime(2026, 1, 1, tzinfo=timezone(timedelta(minutes=offset)))
    assert utc_offset(moment) == expected


def test_every_page_says_it_once_and_the_article_beside_its_time(client, settings):
    settings.TIME_ZONE = "Asia/Damascus"
    article = ArticleFactory(published_at=datetime(2026, 1, 1, 9, tzinfo=UTC))
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count("All times are Damascus time (UTC+3).") == 1
    assert '<span class="time-zone">Damascus time (UTC+3)</span>' in page
