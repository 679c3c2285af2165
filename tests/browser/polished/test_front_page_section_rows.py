"""The front page lays its section blocks out for the stories it has: when the
stories above leave each section one new story (the Arabic front page), the blocks
share rows instead of each taking a row that stays three quarters empty."""

import pytest

from tests.browser.polished.conftest import (
    DESKTOP,
    EDITIONS,
    VIEWPORTS,
    shoot,
    viewport_id,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=viewport_id)
@pytest.mark.parametrize("edition", EDITIONS)
def test_section_rows_are_filled(new_page, newsdesk, edition, viewport):
    page = new_page(viewport=viewport)
    page.goto(f"/{edition}/")
    blocks = page.locator(".section-block").evaluate_all(
        """els => els.map(el => ({
            box: el.getBoundingClientRect().toJSON(),
            stories: el.querySelectorAll('.teaser').length,
        }))"""
    )
    assert blocks, "the front page shows section blocks"
    content = page.locator(".section-blocks").bounding_box()
    rows = {}
    for block in blocks:
        rows.setdefault(round(block["box"]["y"]), []).append(block)
    if viewport == DESKTOP:
        for row in list(rows.values())[:-1]:
            # Every row but the last is filled: its blocks span the content's width.
            used = sum(block["box"]["width"] for block in row)
            assert used >= content["width"] * 0.7, (used, content["width"], row)
        for block in blocks:
            # A block is as wide as its stories need, a quarter of the row each.
            share = block["box"]["width"] / content["width"]
            assert share <= block["stories"] / 4 + 0.05, block
    shoot(page, "section-rows")
