"""E-mail addresses and codes read left to right in the Arabic comment form too:
samer@ stays samer@, not @samer."""

import pytest
from playwright.sync_api import expect

from tests.browser.polished.conftest import EDITIONS, VIEWPORTS, shoot, viewport_id

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=viewport_id)
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_e_mail_and_code_fields_are_left_to_right(
    new_page, newsdesk, edition, viewport
):
    page = new_page(viewport=viewport)
    page.goto(newsdesk.lead[edition].get_absolute_url())
    email = page.locator("input[name='email']")
    email.fill("samer@example.org")
    code = page.locator("input[name='captcha_1']")
    expect(code).to_be_visible()  # loaded when the reader started writing

    for field in (email, code):
        assert field.evaluate("el => getComputedStyle(el).direction") == "ltr"
    # The page itself keeps its edition's direction.
    direction = page.evaluate("getComputedStyle(document.body).direction")
    assert direction == ("rtl" if edition == "ar" else "ltr")
    email.scroll_into_view_if_needed()
    shoot(page, "ltr-inputs", full_page=False)
