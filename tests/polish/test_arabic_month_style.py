"""The Arabic edition names the months as the site settings say: Levantine
(كانون الثاني), Egyptian (يناير) or both; the English edition is unchanged."""

from datetime import UTC, datetime

import pytest
from django.utils import translation

from articles.models import ArabicMonths
from articles.templatetags.edition_times import edition_time
from tests.factories import set_site_settings

pytestmark = pytest.mark.django_db

MOMENT = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _utc(settings):
    settings.TIME_ZONE = "UTC"


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (ArabicMonths.LEVANTINE, "15 كانون الثاني 2026، 09:30"),
        (ArabicMonths.EGYPTIAN, "15 يناير 2026، 09:30"),
        (ArabicMonths.BOTH, "15 كانون الثاني/يناير 2026، 09:30"),
    ],
)
def test_arabic_dates_follow_the_month_style(style, expected):
    set_site_settings(arabic_months=style)
    with translation.override("ar"):
        assert edition_time(MOMENT) == expected


def test_english_dates_are_unchanged_by_the_setting():
    set_site_settings(arabic_months=ArabicMonths.LEVANTINE)
    with translation.override("en"):
        assert edition_time(MOMENT, "seconds") == "2026-01-15 09:30:00"


def test_the_default_keeps_the_egyptian_names():
    with translation.override("ar"):
        assert "يناير" in edition_time(MOMENT)


def test_the_demo_newsroom_writes_levantine_months():
    import tomllib
    from pathlib import Path

    import articles.demo

    newsroom = Path(articles.demo.__file__).parent / "newsroom.toml"
    site = tomllib.loads(newsroom.read_text())["site"]
    assert site["arabic_months"] == ArabicMonths.LEVANTINE
