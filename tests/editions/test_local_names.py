"""The Arabic edition names sections, keywords and the site in Arabic, and falls back
to the English name where no Arabic one is given."""

import pytest

from tests.editions.pages import soup_of, text_of
from tests.factories import (
    ArticleFactory,
    KeywordFactory,
    SectionFactory,
    set_site_settings,
)

pytestmark = pytest.mark.django_db


def nav_names(response) -> list[str]:
    items = soup_of(response).select(".section-nav-list li a")
    return [text_of(item) for item in items][1:]  # after "Home"


def footer_names(response) -> list[str]:
    return [text_of(a) for a in soup_of(response).select(".footer-sections a")]


@pytest.fixture
def sections(db):
    return [
        SectionFactory(name="News", name_ar="أخبار", position=1),
        SectionFactory(name="Economy", name_ar="اقتصاد", position=2),
        SectionFactory(name="Podcasts", name_ar="", position=3),
    ]


def test_arabic_navigation_names_sections_in_arabic(client, sections):
    response = client.get("/ar/")

    assert nav_names(response) == ["أخبار", "اقتصاد", "Podcasts"]
    assert footer_names(response) == ["أخبار", "اقتصاد", "Podcasts"]


def test_english_navigation_names_sections_in_english(client, sections):
    response = client.get("/en/")

    assert nav_names(response) == ["News", "Economy", "Podcasts"]
    assert footer_names(response) == ["News", "Economy", "Podcasts"]


def test_cached_navigation_is_named_for_each_edition(client, sections):
    client.get("/en/")
    assert nav_names(client.get("/ar/")) == ["أخبار", "اقتصاد", "Podcasts"]
    assert nav_names(client.get("/en/")) == ["News", "Economy", "Podcasts"]


def test_arabic_section_page_has_the_arabic_name(client, sections):
    arabic = soup_of(client.get("/ar/sections/economy/"))
    english = soup_of(client.get("/en/sections/economy/"))

    assert text_of(arabic.select_one("h1")) == "اقتصاد"
    assert "اقتصاد" in text_of(arabic.find("title"))
    assert text_of(english.select_one("h1")) == "Economy"


def test_section_without_arabic_name_falls_back_to_english(client, sections):
    page = soup_of(client.get("/ar/sections/podcasts/"))

    assert text_of(page.select_one("h1")) == "Podcasts"


def test_article_and_teasers_name_the_section_in_the_edition(client, story):
    arabic = soup_of(client.get(story.arabic.get_absolute_url()))
    english = soup_of(client.get(story.english.get_absolute_url()))
    front = soup_of(client.get("/ar/"))

    assert text_of(arabic.select_one(".article-section")) == "اقتصاد"
    assert text_of(english.select_one(".article-section")) == "Economy"
    assert text_of(front.select_one(".lead-story .teaser-section")) == "اقتصاد"


def test_arabic_keyword_page_and_links_name_the_keyword_in_arabic(client, story):
    keyword_page = soup_of(client.get("/ar/keywords/حمص/"))
    article = soup_of(client.get(story.arabic.get_absolute_url()))
    english_article = soup_of(client.get(story.english.get_absolute_url()))

    assert text_of(keyword_page.select_one("h1")) == "حمص"
    assert "حمص" in text_of(keyword_page.find("title"))
    keyword_links = article.select(".article-keywords a.keyword")
    assert [text_of(a) for a in keyword_links] == ["حمص"]
    assert keyword_links[0]["href"].startswith("/ar/keywords/")
    english_links = english_article.select(".article-keywords a.keyword")
    assert [(text_of(a), a["href"]) for a in english_links] == [
        ("Homs", "/en/keywords/homs/")
    ]


def test_keyword_without_arabic_name_falls_back_to_english(client):
    keyword = KeywordFactory(name="Schools", slug="schools")
    article = ArticleFactory(language="ar", title="مدارس", keywords=[keyword])

    page = soup_of(client.get("/ar/keywords/schools/"))
    on_article = soup_of(client.get(article.get_absolute_url()))

    assert text_of(page.select_one("h1")) == "Schools"
    links = on_article.select(".article-keywords a.keyword")
    assert [(text_of(a), a["href"]) for a in links] == [
        ("Schools", "/ar/keywords/schools/")
    ]


def test_arabic_masthead_has_the_arabic_name_and_standing_line(client):
    set_site_settings(
        name="Syria Direct",
        standing_line="Established 2013 - Amman",
        description="News from Syria.",
        name_ar="سوريا على طول",
        standing_line_ar="تأسست عام 2013 - عمّان",
        description_ar="أخبار من سوريا.",
    )

    arabic = soup_of(client.get("/ar/"))
    english = soup_of(client.get("/en/"))

    assert text_of(arabic.select_one(".masthead-name")) == "سوريا على طول"
    assert text_of(arabic.select_one(".masthead-line")) == "تأسست عام 2013 - عمّان"
    assert text_of(arabic.find("title")) == "سوريا على طول"
    assert arabic.select_one('meta[name="description"]')["content"] == "أخبار من سوريا."
    assert text_of(english.select_one(".masthead-name")) == "Syria Direct"
    assert text_of(english.select_one(".masthead-line")) == "Established 2013 - Amman"


def test_arabic_masthead_falls_back_to_the_english_name(client):
    set_site_settings(name="Syria Direct", standing_line="Established 2013 - Amman")

    arabic = soup_of(client.get("/ar/"))

    assert text_of(arabic.select_one(".masthead-name")) == "Syria Direct"
    assert text_of(arabic.select_one(".masthead-line")) == "Established 2013 - Amman"


def test_arabic_article_dateline_defaults_to_the_arabic_site_name(client):
    set_site_settings(name="Syria Direct", name_ar="سوريا على طول")
    article = ArticleFactory(language="ar", title="خبر", source_label="")

    page = soup_of(client.get(article.get_absolute_url()))

    assert text_of(page.select_one(".source-label")) == "(سوريا على طول)-"
