"""Arabic pages are Arabic, right to left, with Bootstrap's RTL build; English pages
are English, left to right, with the regular build. Every reader page, both ways."""

import pytest
from django.utils import translation

from tests.editions.pages import BOOTSTRAP_LTR, BOOTSTRAP_RTL, soup_of, stylesheets

pytestmark = pytest.mark.django_db

PAGES = ["home", "article", "section", "keyword"]


def address(story, language: str, kind: str) -> str:
    article = story.arabic if language == "ar" else story.english
    with translation.override(language):
        return {
            "home": f"/{language}/",
            "article": article.get_absolute_url(),
            "section": story.section.get_absolute_url(),
            "keyword": story.keyword.get_absolute_url(),
        }[kind]


@pytest.mark.parametrize("kind", PAGES)
def test_arabic_pages_are_right_to_left_with_the_rtl_stylesheet(client, story, kind):
    response = client.get(address(story, "ar", kind))

    assert response.status_code == 200
    html = soup_of(response).find("html")
    assert html["lang"] == "ar"
    assert html["dir"] == "rtl"
    sheets = stylesheets(response)
    assert any(sheet.endswith(BOOTSTRAP_RTL) for sheet in sheets), sheets
    assert not any(sheet.endswith(BOOTSTRAP_LTR) for sheet in sheets), sheets
    assert response["Content-Language"] == "ar"


@pytest.mark.parametrize("kind", PAGES)
def test_english_pages_are_left_to_right_with_the_regular_stylesheet(
    client, story, kind
):
    response = client.get(address(story, "en", kind))

    assert response.status_code == 200
    html = soup_of(response).find("html")
    assert html["lang"] == "en"
    assert html["dir"] == "ltr"
    sheets = stylesheets(response)
    assert any(sheet.endswith(BOOTSTRAP_LTR) for sheet in sheets), sheets
    assert not any(sheet.endswith(BOOTSTRAP_RTL) for sheet in sheets), sheets
    assert response["Content-Language"] == "en"


def test_the_browser_language_does_not_change_a_prefixed_page(client, story):
    english = client.get("/en/", headers={"Accept-Language": "ar"})
    client.cookies["django_language"] = "en"
    arabic = client.get("/ar/")

    assert soup_of(english).find("html")["dir"] == "ltr"
    assert soup_of(arabic).find("html")["dir"] == "rtl"


def test_arabic_not_found_page_is_right_to_left(client):
    response = client.get("/ar/no-such-page/")

    assert response.status_code == 404
    html = soup_of(response).find("html")
    assert (html["lang"], html["dir"]) == ("ar", "rtl")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_page_served_again_keeps_its_language_and_direction(client, story, language):
    url = address(story, language, "article")
    first, second = client.get(url), client.get(url)

    for response in [first, second]:
        html = soup_of(response).find("html")
        assert html["lang"] == language
        assert html["dir"] == ("rtl" if language == "ar" else "ltr")
        assert response["Content-Language"] == language
