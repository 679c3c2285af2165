"""The front page's lead and teasers show their photos in common shapes: a portrait
lead photo no longer fills the screen, a 3:2 photo no longer misaligns the Latest
grid; the editor's focal point (or the centre) stays in view."""

import pytest
from playwright.sync_api import expect

from articles.models import ImageFocus
from tests.browser.polished.conftest import (
    DESKTOP,
    EDITIONS,
    VIEWPORTS,
    shoot,
    viewport_id,
)

pytestmark = pytest.mark.browser


def boxes(page, selector):
    return page.locator(selector).evaluate_all(
        "els => els.map(el => el.getBoundingClientRect().toJSON())"
    )


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=viewport_id)
@pytest.mark.parametrize("edition", EDITIONS)
def test_lead_and_teaser_photos_share_one_shape(new_page, newsdesk, edition, viewport):
    page = new_page(viewport=viewport)
    page.goto(f"/{edition}/")
    page.wait_for_load_state("load")

    lead = page.locator(".lead-image img").bounding_box()
    # The portrait photo (3:4) is cropped to 16:9.
    assert lead["height"] == pytest.approx(lead["width"] * 9 / 16, abs=2)
    if viewport == DESKTOP:
        # The lead's headline is beside its photo, above the fold.
        expect(page.locator(".lead-title")).to_be_in_viewport()
        assert lead["height"] < viewport["height"] / 2

    teasers = boxes(page, ".latest .teaser-image img")
    assert len(teasers) >= 6
    for box in teasers:
        assert box["height"] == pytest.approx(box["width"] * 2 / 3, abs=2)
    # 3:2 and 16:9 originals alike: the teasers of a row line up.
    rows = {}
    for box in teasers:
        rows.setdefault(round(box["y"]), []).append(box["height"])
    for heights in rows.values():
        assert max(heights) - min(heights) < 1
    shoot(page, "cropped-photos")


def test_the_focal_point_stays_in_view(new_page, newsdesk):
    lead = newsdesk.lead["en"]
    lead.image_focus = ImageFocus.TOP
    lead.save()
    page = new_page(viewport=DESKTOP)
    page.goto("/en/")
    image = page.locator(".lead-image img")
    expect(image).to_have_css("object-position", "50% 0px")
    expect(image).to_have_css("object-fit", "cover")
    # An untouched photo is cropped about its centre.
    expect(page.locator(".latest .teaser-image img").first).to_have_css(
        "object-position", "50% 50%"
    )
