"""A person's page fits a phone and a desktop screen in both editions, photo and
bio beside the name; screenshots go to /tmp/people-shots/ for review."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect

from tests.browser.test_layout import DESKTOP, PHONE, assert_no_horizontal_overflow
from tests.factories import ArticleFactory, CreditFactory, PersonFactory, SectionFactory
from tests.photos import encoded, photo_like

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/people-shots")


@pytest.fixture
def reporter(transactional_db):
    person = PersonFactory(
        name="Lina Saleh",
        slug="lina-saleh",
        name_ar="لينا صالح",
        slug_ar="لينا-صالح",
        bio="Lina reports on water, power and the cost of living in Aleppo and Homs.",
        bio_ar="تكتب لينا عن المياه والكهرباء وغلاء المعيشة في حلب وحمص.",
    )
    person.photo.save(
        "portrait.jpg", ContentFile(encoded(photo_like(600, 600), "JPEG"))
    )
    section = SectionFactory(name="Economy", name_ar="اقتصاد")
    for number in range(1, 8):
        for language, title in [
            ("en", f"Bakeries in Homs raise the price of bread, week {number}"),
            ("ar", f"أفران حمص ترفع سعر الخبز، الأسبوع {number}"),
        ]:
            article = ArticleFactory(language=language, title=title, section=section)
            CreditFactory(article=article, person=person)
    return person


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda v: str(v["width"]))
@pytest.mark.parametrize("language", ["en", "ar"])
def test_person_page_fits_the_screen(new_page, reporter, viewport, language):
    page = new_page(viewport=viewport, locale=language)
    path = f"/{language}/people/{reporter.slug if language == 'en' else 'لينا-صالح'}/"
    response = page.goto(path)
    assert response.status == 200
    page.wait_for_load_state("load")

    assert_no_horizontal_overflow(page)
    expect(page.locator("img.person-photo")).to_be_visible()
    expect(page.locator("h1")).to_have_text(
        reporter.name if language == "en" else reporter.name_ar
    )
    expect(page.locator(".teaser-title")).to_have_count(7)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(
        path=SHOTS / f"person-{language}-{viewport['width']}.png", full_page=True
    )
