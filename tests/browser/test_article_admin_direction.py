"""Editing an Arabic article in the English admin, Chromium computes right-to-left
for every box the article's own text goes in, the body editor included; switching
the edition flips them before saving. The body opens at a writing height and the
headline box fits a long headline. Screenshots of the article form and a
moderator's read-only view, at phone and desktop width, in both admin languages."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from tests.browser.test_moderation_queue import DESKTOP, PHONE, signed_in_page
from tests.factories import ArticleFactory

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/desk-shots")
BOXES = {
    "title": "#id_title",
    "lead": "#id_lead",
    "caption": "#id_image_caption",
    "credit": "#id_image_credit",
    "reporting by": "#id_reporter_credit",
    "body": ".field-body [contenteditable]",
}


def direction(page, selector: str) -> str:
    return page.locator(selector).evaluate("box => getComputedStyle(box).direction")


@pytest.fixture
def editor(transactional_db):
    # The live server's database is flushed between tests, groups included.
    return get_user_model().objects.create_superuser("eda", password="pw for tests")


def make_moderator():
    group = Group.objects.create(name="Moderators")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="articles", codename="view_article"
        )
    )
    user = get_user_model().objects.create_user("mona", is_staff=True)
    user.groups.add(group)
    return user


def test_an_arabic_article_s_boxes_compute_right_to_left_in_the_english_admin(
    new_page, live_server, editor
):
    article = ArticleFactory(
        language="ar", title="الخبز يعود إلى أسواق حمص القديمة بعد شتاء طويل"
    )
    page = signed_in_page(new_page, live_server, editor, viewport=DESKTOP)

    page.goto(f"/admin/articles/article/{article.pk}/change/")
    expect(page.locator(".field-body [contenteditable]")).to_be_visible()

    assert page.evaluate("document.documentElement.dir") in {"", "ltr"}
    for name, selector in BOXES.items():
        assert direction(page, selector) == "rtl", name
    assert (
        page.locator(".field-body [contenteditable]").evaluate(
            "box => box.closest('[lang]').lang"
        )
        == "ar"
    )
    assert page.locator("#id_title").get_attribute("spellcheck") == "true"
    body = page.locator(".field-body [contenteditable]")
    assert body.get_attribute("spellcheck") == "true"
    # Room to write: the headline box and the body at a writing size.
    assert page.locator("#id_title").bounding_box()["width"] >= 600
    assert page.locator(".field-body [contenteditable]").bounding_box()["height"] >= 300


def test_switching_the_edition_flips_the_boxes_before_saving(
    new_page, live_server, editor
):
    page = signed_in_page(new_page, live_server, editor, viewport=DESKTOP)

    page.goto("/admin/articles/article/add/")
    expect(page.locator(".field-body [contenteditable]")).to_be_visible()
    assert direction(page, "#id_title") == "ltr"
    page.select_option("#id_language", "ar")
    for name, selector in BOXES.items():
        assert direction(page, selector) == "rtl", name
    page.select_option("#id_language", "en")
    assert direction(page, ".field-body [contenteditable]") == "ltr"


@pytest.mark.parametrize("locale", ["en", "ar"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda v: str(v["width"]))
def test_the_article_form_and_the_moderators_view_at_phone_and_desktop_width(
    new_page, live_server, editor, viewport, locale
):
    article = ArticleFactory(
        language="ar",
        title="الخبز يعود إلى أسواق حمص القديمة بعد شتاء طويل",
        body="<p>عاد الخبز إلى الأفران.</p><ul><li>الفرن الأول</li></ul>",
    )
    moderator = make_moderator()
    SHOTS.mkdir(parents=True, exist_ok=True)
    width = viewport["width"]

    page = signed_in_page(
        new_page, live_server, editor, viewport=viewport, locale=locale
    )
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    expect(page.locator(".field-body [contenteditable]")).to_be_visible()
    assert direction(page, ".field-body [contenteditable]") == "rtl"
    page.screenshot(path=SHOTS / f"{locale}-article-form-{width}.png", full_page=True)

    page = signed_in_page(
        new_page, live_server, moderator, viewport=viewport, locale=locale
    )
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    shown = page.locator(".article-body-as-read")
    expect(shown).to_contain_text("عاد الخبز إلى الأفران.")
    expect(shown.locator("li")).to_have_text("الفرن الأول")
    assert direction(page, ".article-body-as-read") == "rtl"
    page.screenshot(
        path=SHOTS / f"{locale}-article-as-read-{width}.png", full_page=True
    )
