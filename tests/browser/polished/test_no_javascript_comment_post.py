"""Without JavaScript the first post already checks the reader's fields, so the code
is typed once; the honeypot is hidden from every browser, text browsers too."""

import re
import shutil
import subprocess

import pytest
from captcha.models import CaptchaStore
from playwright.sync_api import expect

from comments.models import Comment
from tests.browser.polished.conftest import EDITIONS, VIEWPORTS, shoot, viewport_id

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=viewport_id)
@pytest.mark.parametrize("edition", EDITIONS)
def test_field_errors_come_with_the_code_step(new_page, newsdesk, edition, viewport):
    article = newsdesk.lead[edition]
    page = new_page(viewport=viewport, java_script_enabled=False)
    page.goto(article.get_absolute_url())
    page.locator("input[name='name']").fill("Rami")
    page.locator("input[name='email']").fill("rami-at-example.org")
    page.locator("textarea[name='body']").fill("Written without scripts")
    page.locator(".comment-form > button[type='submit']").click()

    # The code step marks the bad address at once, and keeps what was typed.
    expect(page.locator("input[name='captcha_1']")).to_be_visible()
    expect(page.locator("input[name='email']")).to_have_class(
        re.compile(r"\bis-invalid\b")
    )
    expect(page.locator("input[name='email']")).to_have_value("rami-at-example.org")
    expect(page.locator("textarea[name='body']")).to_have_value(
        "Written without scripts"
    )
    expect(page.locator("input[name='name']")).not_to_have_class(
        re.compile(r"\bis-invalid\b")
    )
    expect(page.locator("[role='alert']").first).to_be_visible()
    shoot(page, "no-js-errors")

    # Corrected, with the code typed once, it is posted.
    page.locator("input[name='email']").fill("rami@example.org")
    key = page.locator("input[name='captcha_0']").input_value()
    page.locator("input[name='captcha_1']").fill(
        CaptchaStore.objects.get(hashkey=key).response
    )
    page.locator(".comment-form > button[type='submit']").click()
    expect(page.locator(".site-messages")).to_be_visible()
    assert Comment.objects.filter(article=article, email="rami@example.org").exists()


@pytest.mark.parametrize("edition", EDITIONS)
def test_text_browsers_do_not_show_the_honeypot(live_server, newsdesk, edition):
    w3m = shutil.which("w3m")
    if w3m is None:
        pytest.fail("w3m is missing: run `bash scripts/ensure-system-packages`.")
    url = live_server.url + newsdesk.lead[edition].get_absolute_url()
    shown = subprocess.run(
        [w3m, "-dump", "-cols", "100", url],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    assert "Leave this field empty" not in shown
    assert "website" not in shown.lower()
    # The form itself is there.
    assert "[" in shown and ("E-mail" in shown or "البريد" in shown)
