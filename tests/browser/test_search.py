"""A reader searches from the masthead, with JavaScript off, in either edition, at
a phone's and a desktop's width: the results page shows the matching words marked
in the original text. Screenshots go to /tmp/search-shots/ for a person to look at.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import ArticleFactory

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/search-shots")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
EDITIONS = {
    "en": ("Pumps restart at the Homs water station", "Water", "water"),
    "ar": ("المضخات تعود إلى العمل في محطة مياه حِمص", "حمص", "حِمص"),
}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", EDITIONS)
def test_a_reader_searches_from_the_masthead_without_javascript(
    new_page, transactional_db, language, viewport
):
    title, typed, marked = EDITIONS[language]
    ArticleFactory(
        language=language,
        title=title,
        body=f"<p>{title}. {title}.</p>",
    )
    page = new_page(viewport=viewport, java_script_enabled=False, locale=language)
    page.goto(f"/{language}/")
    box = page.locator(".masthead input[type=search]")
    expect(box).to_have_attribute("lang", language)
    box.fill(typed)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    hit = page.locator(".search-hit").first
    expect(hit.locator(".search-hit-title a")).to_have_text(title)
    expect(hit.locator(".search-hit-snippet mark").first).to_have_text(
        marked, ignore_case=True
    )
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(
        path=SHOTS / f"results-{language}-{viewport['width']}.png", full_page=True
    )
