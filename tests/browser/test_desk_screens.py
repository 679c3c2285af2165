"""The desk's admin screens as editors meet them, at phone and desktop width in
both admin languages: the review queue, an article's versions with the word diff,
the restore confirmation, the emergency take-down form and the people list. At
desktop width none scrolls sideways; each is saved as a screenshot for review."""

from datetime import timedelta
from pathlib import Path

import pytest
import reversion
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from articles import history
from articles.models import Article
from people.models import Person
from tests.browser.test_moderation_queue import (
    DESKTOP,
    PHONE,
    scrolls_sideways,
    signed_in_page,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/desk-shots")


@pytest.fixture
def desk(transactional_db):
    editor = get_user_model().objects.create_superuser("eda", password="pw for tests")
    now = timezone.now()
    for n, title in enumerate(
        ["Water trucks reach the eastern quarter", "حواجز جديدة على طريق المطار"]
    ):
        ArticleFactory(
            title=title,
            language="ar" if n else "en",
            status=Article.Status.REVIEW,
            submitted_at=now - timedelta(hours=n + 1),
        )
    article = ArticleFactory(title="Clinics extend their hours")
    for title, body in [
        ("Clinics extend hours", "<p>Two clinics open until nine.</p>"),
        ("Clinics open at night", "<p>Three clinics open until midnight.</p>"),
    ]:
        with reversion.create_revision():
            article.title, article.body = title, body
            article.save()
            reversion.set_user(editor)
    Person.objects.create(name="Lina Saleh", name_ar="لينا صالح", slug="lina-saleh")
    return editor, article


def screens(article) -> dict[str, str]:
    oldest = list(history.versions_of(article))[-1]
    versions = f"/admin/articles/article/{article.pk}/versions/"
    return {
        "review-queue": "/admin/articles/article/?review=waiting",
        "versions": versions,
        "restore": f"{versions}{oldest.pk}/restore/",
        "people": "/admin/people/person/",
    }


@pytest.mark.parametrize("locale", ["en", "ar"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda v: str(v["width"]))
def test_the_desk_screens_at_phone_and_desktop_width(
    new_page, live_server, desk, viewport, locale
):
    editor, article = desk
    page = signed_in_page(
        new_page, live_server, editor, viewport=viewport, locale=locale
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    width = viewport["width"]

    for name, path in screens(article).items():
        page.goto(path)
        expect(page.locator("#content")).to_be_visible()
        if width == DESKTOP["width"]:
            assert not scrolls_sideways(page), name
        page.screenshot(path=SHOTS / f"{locale}-{name}-{width}.png", full_page=True)

    page.goto("/admin/articles/article/?review=waiting")
    expect(page.locator("#result_list tbody tr")).to_have_count(2)

    page.goto(f"/admin/articles/article/{article.pk}/versions/")
    expect(page.locator("ins, del").first).to_be_visible()

    page.goto("/admin/articles/article/")
    page.locator(f"input[name=_selected_action][value='{article.pk}']").check()
    page.select_option("select[name=action]", "take_down")
    page.locator("button[name=index], button[type=submit].button").first.click()
    expect(page.locator("textarea[name=reason]")).to_be_visible()
    if width == DESKTOP["width"]:
        assert not scrolls_sideways(page)
    page.screenshot(path=SHOTS / f"{locale}-take-down-{width}.png", full_page=True)
