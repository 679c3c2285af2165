"""After posting a comment the reader is taken to the comment section, and the
thanks is there, on the screen, not 2,000 pixels above it at the top of the page."""

import pytest
from captcha.models import CaptchaStore
from playwright.sync_api import expect

from tests.browser.polished.conftest import (
    EDITIONS,
    VIEWPORTS,
    shoot,
    viewport_id,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=viewport_id)
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_thanks_for_a_comment_is_in_view(new_page, newsdesk, edition, viewport):
    article = newsdesk.lead[edition]
    page = new_page(viewport=viewport)
    page.goto(article.get_absolute_url())
    page.locator("input[name='name']").fill("Hala")
    page.locator("input[name='email']").fill("hala@example.org")
    page.locator("textarea[name='body']").fill("Thank you for this.")
    key = page.locator("input[name='captcha_0']").input_value()
    page.locator("input[name='captcha_1']").fill(
        CaptchaStore.objects.get(hashkey=key).response
    )
    page.locator(".comment-form > button[type='submit']").click()

    thanks = page.locator(".site-messages")
    expect(thanks).to_have_count(1)
    expect(thanks).to_be_in_viewport()
    # Shown once, by the comment section, which follows it.
    assert page.locator("#comment-status + #comments").count() == 1
    shoot(page, "comment-thanks", full_page=False)
