"""On a 390-pixel phone the ticker keeps its "Latest news" label readable, the
section menu never leaves one section alone on a line, and the ticker's pause
button is at least a 24 by 24 pixel touch target."""

import pytest
from playwright.sync_api import expect

from tests.browser.polished.conftest import (
    EDITIONS,
    PHONE,
    VIEWPORTS,
    shoot,
    viewport_id,
)

pytestmark = pytest.mark.browser

LABEL = {"en": "Latest news", "ar": "آخر الأخبار"}


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=viewport_id)
@pytest.mark.parametrize("edition", EDITIONS)
def test_ticker_label_menu_and_pause_button_fit_a_phone(
    new_page, newsdesk, edition, viewport
):
    page = new_page(viewport=viewport)
    page.goto(f"/{edition}/")

    label = page.locator(".ticker-label")
    expect(label).to_have_text(LABEL[edition])
    font_size = float(label.evaluate("el => getComputedStyle(el).fontSize")[:-2])
    assert font_size >= 11
    box = label.bounding_box()
    # The words fit on one line of the label, none cut off.
    assert box["height"] < 2.2 * font_size
    assert label.evaluate("el => el.scrollWidth <= el.clientWidth")

    toggle = page.locator(".ticker-toggle")
    expect(toggle).to_be_visible()
    size = toggle.bounding_box()
    assert size["width"] >= 24 and size["height"] >= 24

    tops = page.locator(".section-nav-list a").evaluate_all(
        "els => els.map(el => Math.round(el.getBoundingClientRect().top))"
    )
    lines = {}
    for top in tops:
        lines[top] = lines.get(top, 0) + 1
    if viewport == PHONE:
        assert len(lines) <= 2
    assert min(lines.values()) >= 2 or len(lines) == 1, lines
    shoot(page, "phone-chrome", full_page=False)
