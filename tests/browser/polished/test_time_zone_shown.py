"""Times carry their zone: every page says once which zone its times are in, and
the article gives it beside its time ("Damascus time (UTC+3)")."""

import pytest
from playwright.sync_api import expect

from tests.browser.polished.conftest import EDITIONS, VIEWPORTS, shoot, viewport_id

pytestmark = pytest.mark.browser

ZONE = {"en": "Damascus time (UTC+3)", "ar": "توقيت دمشق (UTC+3)"}


@pytest.fixture
def in_damascus(settings):
    settings.TIME_ZONE = "Asia/Damascus"


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=viewport_id)
@pytest.mark.parametrize("edition", EDITIONS)
def test_pages_name_the_zone_of_their_times(
    new_page, in_damascus, newsdesk, edition, viewport
):
    page = new_page(viewport=viewport)
    page.goto(f"/{edition}/")
    expect(page.locator(".footer-times")).to_have_count(1)
    expect(page.locator(".footer-times")).to_contain_text(ZONE[edition])
    # The times themselves are Damascus times.
    assert page.locator(".lead-story time").get_attribute("datetime").endswith("+03:00")
    page.locator(".site-footer").scroll_into_view_if_needed()
    shoot(page, "time-zone", full_page=False)

    page.goto(newsdesk.lead[edition].get_absolute_url())
    expect(page.locator(".article-meta .time-zone")).to_have_text(ZONE[edition])


def test_a_zone_without_a_name_is_shown_by_its_offset(new_page, settings, newsdesk):
    settings.TIME_ZONE = "Asia/Kolkata"
    page = new_page()
    page.goto("/en/")
    expect(page.locator(".footer-times")).to_have_text("All times are UTC+5:30.")
