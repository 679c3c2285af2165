"""A keyword address names one keyword: the English slugs and the Arabic slugs share
the /keywords/ addresses of both editions, so one keyword's Arabic slug must not be
another keyword's English slug (keywords made before the editions often have an
Arabic English-slug, like حلب)."""

import pytest
from django.urls import reverse

from articles.models import Keyword
from tests.editions.pages import soup_of, text_of
from tests.factories import ArticleFactory, KeywordFactory

pytestmark = pytest.mark.django_db

CLASH_BUG = (
    "articles/views.py keyword_detail: get_object_or_404(Keyword.objects.with_slug("
    "slug)) matches two keywords when one's slug_ar is another's slug, and raises "
    "MultipleObjectsReturned (a 500) in both editions"
)
ADMIN_CLASH_BUG = (
    "articles/models.py Keyword / KeywordAdmin: slug_ar is only unique among Arabic "
    "slugs; nothing refuses an Arabic slug that is another keyword's English slug "
    "(or the reverse), so the admin saves the clash that breaks the keyword page"
)


@pytest.fixture
def clashing_keywords(db) -> tuple[Keyword, Keyword]:
    older = KeywordFactory(name="حلب", slug="حلب")
    newer = KeywordFactory(
        name="Aleppo city", slug="aleppo-city", name_ar="مدينة حلب", slug_ar="حلب"
    )
    ArticleFactory(title="Older story", keywords=[older])
    ArticleFactory(language="ar", title="خبر جديد", keywords=[newer])
    return older, newer


def test_english_page_of_a_slug_that_is_also_an_arabic_slug(client, clashing_keywords):
    older, _newer = clashing_keywords

    response = client.get("/en/keywords/حلب/")

    assert response.status_code == 200
    assert text_of(soup_of(response).select_one("h1")) == older.name


def test_arabic_page_of_a_slug_that_is_also_an_english_slug(client, clashing_keywords):
    response = client.get("/ar/keywords/حلب/")

    assert response.status_code == 200


def test_the_clashing_keyword_english_page_still_works(client, clashing_keywords):
    _older, newer = clashing_keywords

    response = client.get("/en/keywords/aleppo-city/")

    assert response.status_code == 200
    assert text_of(soup_of(response).select_one("h1")) == newer.name


def test_admin_refuses_an_arabic_slug_that_is_another_keyword_english_slug(
    admin_client,
):
    KeywordFactory(name="حلب", slug="حلب")

    response = admin_client.post(
        reverse("admin:articles_keyword_add"),
        {
            "name": "Aleppo city",
            "slug": "aleppo-city",
            "name_ar": "مدينة حلب",
            "slug_ar": "حلب",
            "_save": "Save",
        },
    )

    assert response.status_code == 200
    assert soup_of(response).select(".field-slug_ar .errorlist li")
    assert not Keyword.objects.filter(slug="aleppo-city").exists()


def test_admin_refuses_an_english_slug_that_is_another_keyword_arabic_slug(
    admin_client,
):
    KeywordFactory(name="Homs", slug="homs", name_ar="حمص", slug_ar="حمص")

    response = admin_client.post(
        reverse("admin:articles_keyword_add"),
        {"name": "حمص القديمة", "slug": "حمص", "_save": "Save"},
    )

    assert response.status_code == 200
    assert soup_of(response).select(".field-slug .errorlist li")
