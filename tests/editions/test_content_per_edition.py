"""Each edition shows only its own articles: the ticker, the front page, section and
keyword listings."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.editions.pages import soup_of, teaser_titles, ticker_titles
from tests.factories import ArticleFactory, KeywordFactory, SectionFactory

pytestmark = pytest.mark.django_db


def minutes_ago(minutes: int):
    return timezone.now() - timedelta(minutes=minutes)


@pytest.fixture
def both_editions(db):
    """A section and a keyword with articles in both editions, breaking items in
    each, the English ones newer (so a mixed list would put them first)."""
    section = SectionFactory(name="News", name_ar="أخبار")
    keyword = KeywordFactory(
        name="Water", slug="water", name_ar="المياه", slug_ar="مياه"
    )
    english = [
        ArticleFactory(
            title=f"English story {n}",
            section=section,
            keywords=[keyword],
            published_at=minutes_ago(n),
        )
        for n in range(1, 4)
    ]
    arabic = [
        ArticleFactory(
            language="ar",
            title=f"خبر عربي {n}",
            section=section,
            keywords=[keyword],
            published_at=minutes_ago(10 + n),
        )
        for n in range(1, 4)
    ]
    english_breaking = ArticleFactory(
        title="English breaking news",
        section=section,
        is_breaking=True,
        published_at=minutes_ago(30),
    )
    arabic_breaking = ArticleFactory(
        language="ar",
        title="عاجل بالعربية",
        section=section,
        is_breaking=True,
        published_at=minutes_ago(40),
    )
    return {
        "section": section,
        "keyword": keyword,
        "en": [*english, english_breaking],
        "ar": [*arabic, arabic_breaking],
        "en_breaking": english_breaking,
        "ar_breaking": arabic_breaking,
    }


def titles(articles) -> set[str]:
    return {article.title for article in articles}


def test_arabic_ticker_has_only_arabic_items(client, both_editions):
    shown = ticker_titles(client.get("/ar/"))

    assert set(shown) == titles(both_editions["ar"])
    assert shown[0] == both_editions["ar_breaking"].title  # breaking first
    assert both_editions["en_breaking"].title not in shown


def test_english_ticker_has_only_english_items(client, both_editions):
    shown = ticker_titles(client.get("/en/"))

    assert set(shown) == titles(both_editions["en"])
    assert shown[0] == both_editions["en_breaking"].title
    assert both_editions["ar_breaking"].title not in shown


def test_tickers_stay_apart_when_both_are_cached(client, both_editions):
    # Warm each edition's cache, then read each again: no edition's cached items
    # may leak into the other's page.
    for _ in range(2):
        arabic = ticker_titles(client.get("/ar/"))
        english = ticker_titles(client.get("/en/"))
        assert set(arabic) == titles(both_editions["ar"])
        assert set(english) == titles(both_editions["en"])


def test_ticker_on_an_article_page_follows_the_page_edition(client, both_editions):
    arabic_article = both_editions["ar"][0]
    english_article = both_editions["en"][0]

    assert set(ticker_titles(client.get(arabic_article.get_absolute_url()))) == (
        titles(both_editions["ar"])
    )
    assert set(ticker_titles(client.get(english_article.get_absolute_url()))) == (
        titles(both_editions["en"])
    )


def test_ticker_links_stay_in_the_edition(client, both_editions):
    for language in ["en", "ar"]:
        links = soup_of(client.get(f"/{language}/")).select(".ticker-item a[href]")
        assert links
        assert all(link["href"].startswith(f"/{language}/") for link in links)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_front_page_lists_only_its_edition(client, both_editions, language):
    other = "ar" if language == "en" else "en"

    shown = teaser_titles(client.get(f"/{language}/"))

    assert set(shown) == titles(both_editions[language])
    assert not set(shown) & titles(both_editions[other])


@pytest.mark.parametrize("language", ["en", "ar"])
def test_section_page_lists_only_its_edition(client, both_editions, language):
    other = "ar" if language == "en" else "en"

    shown = teaser_titles(client.get(f"/{language}/sections/news/"))

    assert set(shown) == titles(both_editions[language])
    assert not set(shown) & titles(both_editions[other])


@pytest.mark.parametrize(
    ("path", "language"), [("/en/keywords/water/", "en"), ("/ar/keywords/مياه/", "ar")]
)
def test_keyword_page_lists_only_its_edition(client, both_editions, path, language):
    shown = teaser_titles(client.get(path))

    expected = {a.title for a in both_editions[language] if not a.is_breaking}
    assert set(shown) == expected


def test_an_edition_without_articles_shows_an_empty_front_page(client):
    ArticleFactory(title="Only in English")

    arabic = client.get("/ar/")

    assert teaser_titles(arabic) == []
    assert ticker_titles(arabic) == []
    assert "Only in English" not in arabic.content.decode()
