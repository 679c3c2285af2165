"""Arabic has no italic: its captions, credits and quotes are set upright (weight
and colour mark them); its dates name the months as the site chose, Levantine for
a Syrian outlet (كانون الأول, not ديسمبر)."""

import pytest
from playwright.sync_api import expect

from articles.models import ArabicMonths
from articles.templatetags.edition_times import EGYPTIAN_MONTHS, LEVANTINE_MONTHS
from tests.browser.polished.conftest import VIEWPORTS, shoot, viewport_id
from tests.factories import set_site_settings

pytestmark = pytest.mark.browser

LEANING = [".image-credit", ".article-credits", ".article-body blockquote", "em"]


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=viewport_id)
def test_arabic_captions_credits_and_quotes_are_upright(new_page, newsdesk, viewport):
    page = new_page(viewport=viewport)
    page.goto(newsdesk.lead["ar"].get_absolute_url())
    for selector in LEANING:
        expect(page.locator(selector).first).to_have_css("font-style", "normal")
    shoot(page, "arabic-upright")

    # English keeps its italics.
    page.goto(newsdesk.lead["en"].get_absolute_url())
    for selector in LEANING:
        expect(page.locator(selector).first).to_have_css("font-style", "italic")
    shoot(page, "arabic-upright")


def month_of(newsdesk) -> int:
    from django.utils import timezone

    return timezone.localtime(newsdesk.lead["ar"].published_at).month


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=viewport_id)
def test_arabic_dates_use_the_levantine_month_names(new_page, newsdesk, viewport):
    month = month_of(newsdesk)
    page = new_page(viewport=viewport)
    page.goto("/ar/")
    expect(page.locator(".lead-story time")).to_contain_text(
        LEVANTINE_MONTHS[month - 1]
    )
    assert (
        EGYPTIAN_MONTHS[month - 1] not in page.locator(".lead-story time").inner_text()
    )
    shoot(page, "arabic-months", full_page=False)


def test_the_month_names_are_a_site_setting(new_page, newsdesk):
    set_site_settings(arabic_months=ArabicMonths.EGYPTIAN)
    month = month_of(newsdesk)
    page = new_page()
    page.goto("/ar/")
    expect(page.locator(".lead-story time")).to_contain_text(EGYPTIAN_MONTHS[month - 1])
