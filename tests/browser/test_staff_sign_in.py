"""Staff sign in as a person would: password, then the code from their app; a new
staff member sets up the authenticator first. In both languages, at phone and desktop
width, with no CSP violation or third-party request (the page guard fails on any)."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.staff_login import give_totp, totp_code

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/staff-shots")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
PASSWORD = "a long passphrase for the browser"


@pytest.fixture
def editor(transactional_db):
    return get_user_model().objects.create_user(
        "samira", password=PASSWORD, is_staff=True, is_superuser=True
    )


def shoot(page, name: str, viewport: dict, locale: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=SHOTS / f"{locale}-{name}-{viewport['width']}.png", full_page=True
    )


@pytest.mark.parametrize("locale", ["en", "ar"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda v: str(v["width"]))
def test_a_staff_member_signs_in_with_a_code(new_page, editor, viewport, locale):
    give_totp(editor)
    page = new_page(viewport=viewport, locale=locale)

    page.goto("/admin/")
    assert page.locator("html").get_attribute("dir") == (
        "rtl" if locale == "ar" else "ltr"
    )
    shoot(page, "sign-in", viewport, locale)
    page.locator("input[name=login]").fill("samira")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    code = page.locator("input[name=code]")
    expect(code).to_be_visible()
    # Codes read left to right in either language (staff.css, once it has loaded).
    page.wait_for_load_state("load")
    assert code.evaluate("el => getComputedStyle(el).direction") == "ltr"
    shoot(page, "second-factor", viewport, locale)
    code.fill(totp_code())
    page.locator("main form button[type=submit]").first.click()

    expect(page.locator("#site-name")).to_be_visible()
    assert page.url.endswith("/admin/")


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_a_new_staff_member_sets_up_the_authenticator_first(new_page, editor, locale):
    page = new_page(viewport=PHONE, locale=locale)
    page.goto("/admin/articles/article/")
    page.locator("input[name=login]").fill("samira")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()

    secret = page.locator("#authenticator_secret")
    expect(secret).to_be_visible()
    expect(page.locator("img[src^='data:image/svg+xml']")).to_be_visible()
    shoot(page, "set-up", PHONE, locale)
    page.locator("input[name=code]").fill(totp_code(secret.input_value()))
    page.locator("main form button[type=submit]").first.click()

    expect(page.locator("#recovery_codes")).to_be_visible()
    shoot(page, "recovery-codes", PHONE, locale)
    page.goto("/admin/articles/article/")
    assert "/admin/articles/article/" in page.url
