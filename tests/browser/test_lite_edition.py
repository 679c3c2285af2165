"""The lite edition in a browser: a page is one request (no image, script,
stylesheet or icon is fetched), fits a phone and a desktop in both editions, and
breaks no rule of the readers' Content Security Policy."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.test_layout import DESKTOP, PHONE, assert_no_horizontal_overflow
from tests.factories import ArticleFactory, SectionFactory
from tests.lite.conftest import LONG_ARABIC_TITLE, LONG_ENGLISH_TITLE

pytestmark = pytest.mark.browser


@pytest.fixture
def stories(transactional_db):
    section = SectionFactory(name="Economy", name_ar="اقتصاد")
    english = [
        ArticleFactory(title=LONG_ENGLISH_TITLE, section=section) for _ in range(3)
    ]
    arabic = [
        ArticleFactory(
            language="ar", title=LONG_ARABIC_TITLE, slug=f"ar-{n}", section=section
        )
        for n in range(3)
    ]
    return {"en": english, "ar": arabic}


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_lite_pages_are_one_request_and_fit(new_page, stories, language, viewport):
    with translation.override(language):
        addresses = [
            reverse("lite:front"),
            reverse("lite:article", args=[stories[language][0].pk]),
        ]
    for address in addresses:
        page = new_page(viewport=viewport, locale=language)
        requested = []
        page.on("request", lambda request, seen=requested: seen.append(request.url))
        page.goto(address)
        page.wait_for_load_state("networkidle")
        assert len(requested) == 1, requested
        assert page.locator("html").get_attribute("dir") == (
            "rtl" if language == "ar" else "ltr"
        )
        assert_no_horizontal_overflow(page)
