"""Small things a reader (or a crawler) trips over: headings that skip a level on
keyword pages, the admin asking for a missing /favicon.ico, an article's address
without its slug, and the comment length limit said twice."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.polished.conftest import EDITIONS, VIEWPORTS, shoot, viewport_id
from tests.staff_login import give_totp, totp_code

pytestmark = pytest.mark.browser

EDITOR_PASSWORD = "editor-browser-test-pw"
OUTLINE = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .map(h => Number(h.tagName[1]))"""


def assert_no_skipped_level(levels: list[int]) -> None:
    assert levels and levels[0] == 1, levels
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"h{before} is followed by h{after}: {levels}"


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=viewport_id)
@pytest.mark.parametrize("edition", EDITIONS)
def test_listing_pages_do_not_skip_heading_levels(
    new_page, newsdesk, edition, viewport
):
    page = new_page(viewport=viewport)
    from django.utils import translation

    with translation.override(edition):
        keyword = newsdesk.keyword.get_absolute_url()
        section = newsdesk.sections[0].get_absolute_url()
    for path in (
        keyword,
        section,
        f"/{edition}/",
        newsdesk.lead[edition].get_absolute_url(),
    ):
        page.goto(path)
        assert_no_skipped_level(page.evaluate(OUTLINE))
    page.goto(keyword)
    shoot(page, "keyword-page")


@pytest.mark.parametrize("edition", EDITIONS)
def test_an_address_without_its_slug_leads_to_the_article(new_page, newsdesk, edition):
    article = newsdesk.lead[edition]
    page = new_page()
    response = page.goto(f"/{edition}/articles/{article.pk}/")
    assert response.ok
    assert response.request.redirected_from is not None
    assert response.request.redirected_from.redirected_to.url == page.url
    expect(page.locator("h1")).to_have_text(article.title)
    assert page.url.endswith(article.get_absolute_url().split("/")[-2] + "/") or (
        re.search(rf"/articles/{article.pk}/[^/]+/$", page.url)
    )


def test_admin_pages_name_the_site_icon(new_page, transactional_db):
    user = get_user_model().objects.create_superuser(
        "amal", password=EDITOR_PASSWORD, email="amal@example.org"
    )
    give_totp(user)
    requested = []
    page = new_page()
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/admin/")
    page.get_by_label("Username").fill("amal")
    page.get_by_label("Password").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code").fill(totp_code())
    page.get_by_role("button", name="Sign In").click()
    expect(page.locator("#site-name")).to_be_visible()

    icon = page.locator("link[rel='icon']")
    expect(icon).to_have_count(1)
    assert "favicon" in icon.get_attribute("href")
    assert not any(url.endswith("/favicon.ico") for url in requested)


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_comment_length_limit_is_said_once(new_page, newsdesk, edition):
    for javascript in (True, False):
        page = new_page(java_script_enabled=javascript)
        page.goto(newsdesk.lead[edition].get_absolute_url())
        form = page.locator(".comment-form-block")
        if javascript:
            expect(page.locator(".char-counter")).to_be_visible()
        assert form.inner_text().count("3000") == 1, form.inner_text()
