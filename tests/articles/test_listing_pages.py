"""The front page and the section and keyword listings: content, order, pages."""

from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.articles.pages import (
    assert_site_not_found_page,
    soup_of,
    teaser_titles,
    text_of,
)
from tests.factories import ArticleFactory, KeywordFactory, SectionFactory

pytestmark = pytest.mark.django_db


def published_hours_ago(hours: float, **fields):
    return ArticleFactory(
        published_at=timezone.now() - timedelta(hours=hours), **fields
    )


def front_page_parts(response) -> tuple[str, list[str], dict[str, list[str]]]:
    """The lead headline, the latest teasers, and each section block's teasers."""
    page = soup_of(response)
    lead = text_of(page.select_one(".lead-story .lead-title"))
    latest = [text_of(title) for title in page.select(".latest .teaser-title")]
    blocks = {
        text_of(block.select_one(".block-title")): [
            text_of(title) for title in block.select(".teaser-title")
        ]
        for block in page.select(".section-block")
    }
    return lead, latest, blocks


def test_front_page_leads_with_the_newest_story_then_latest_then_sections(client):
    news = SectionFactory(name="News")
    culture = SectionFactory(name="Culture")
    for hours in range(1, 13):
        published_hours_ago(hours, title=f"News {hours:02d}", section=news)
    published_hours_ago(20, title="Culture A", section=culture)
    published_hours_ago(21, title="Culture B", section=culture)

    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    lead, latest, blocks = front_page_parts(response)
    assert lead == "News 01"
    assert latest == [f"News {hours:02d}" for hours in range(2, 12)]
    # Section blocks follow the sections' order and repeat nothing shown above.
    assert list(blocks.items()) == [
        ("News", ["News 12"]),
        ("Culture", ["Culture A", "Culture B"]),
    ]


def test_front_page_never_shows_drafts_or_scheduled_articles(client):
    ArticleFactory(title="Visible story")
    ArticleFactory(title="Unfinished draft", draft=True)
    ArticleFactory(title="Story for tomorrow", scheduled=True)

    html = client.get(reverse("articles:home")).content.decode()

    assert "Visible story" in html
    assert "Unfinished draft" not in html
    assert "Story for tomorrow" not in html


def test_front_page_without_articles_says_so(client):
    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    assert "No articles have been published yet." in response.content.decode()


def test_section_page_lists_its_published_articles_newest_first(client):
    section = SectionFactory(name="Economy")
    published_hours_ago(5, title="Oldest", section=section)
    published_hours_ago(1, title="Newest", section=section)
    published_hours_ago(3, title="Middle", section=section)
    ArticleFactory(title="Draft", section=section, draft=True)
    ArticleFactory(title="Tomorrow", section=section, scheduled=True)
    ArticleFactory(title="Elsewhere")

    response = client.get(section.get_absolute_url())

    assert response.status_code == 200
    assert text_of(soup_of(response).find("h1")) == "Economy"
    assert teaser_titles(response) == ["Newest", "Middle", "Oldest"]


def test_keyword_page_lists_tagged_published_articles_newest_first(client):
    keyword = KeywordFactory(name="Water")
    published_hours_ago(4, title="Older on water", keywords=[keyword])
    published_hours_ago(2, title="Newer on water", keywords=[keyword])
    ArticleFactory(title="Draft on water", keywords=[keyword], draft=True)
    ArticleFactory(title="Scheduled on water", keywords=[keyword], scheduled=True)
    ArticleFactory(title="Untagged")

    response = client.get(keyword.get_absolute_url())

    assert response.status_code == 200
    assert text_of(soup_of(response).find("h1")) == "Water"
    assert teaser_titles(response) == ["Newer on water", "Older on water"]


def test_empty_section_page_says_so(client):
    section = SectionFactory()

    response = client.get(section.get_absolute_url())

    assert response.status_code == 200
    assert "No articles here yet." in response.content.decode()


@pytest.mark.parametrize("route", ["articles:section", "articles:keyword"])
def test_unknown_slug_is_not_found_with_the_site_page(client, route):
    ArticleFactory()

    response = client.get(reverse(route, kwargs={"slug": "no-such-slug"}))

    assert_site_not_found_page(response)


def test_twenty_first_article_moves_to_page_two(client):
    section = SectionFactory()
    for hours in range(1, 22):
        published_hours_ago(hours, title=f"Story {hours:02d}", section=section)

    first = client.get(section.get_absolute_url())
    second = client.get(section.get_absolute_url(), {"page": 2})

    assert first.status_code == second.status_code == 200
    assert teaser_titles(first) == [f"Story {hours:02d}" for hours in range(1, 21)]
    assert teaser_titles(second) == ["Story 21"]
    assert soup_of(first).select_one("a[rel=next]")["href"] == "?page=2"
    assert soup_of(second).select_one("a[rel=prev]")["href"] == "?page=1"


def test_keyword_listing_pages_by_twenty_as_well(client):
    keyword = KeywordFactory()
    for hours in range(1, 23):
        published_hours_ago(hours, keywords=[keyword])

    second = client.get(keyword.get_absolute_url(), {"page": 2})

    assert second.status_code == 200
    assert len(teaser_titles(second)) == 2


def test_empty_page_parameter_means_the_first_page(client):
    section = ArticleFactory(title="Only story").section

    response = client.get(section.get_absolute_url(), {"page": ""})

    assert response.status_code == 200
    assert teaser_titles(response) == ["Only story"]


@pytest.mark.parametrize(
    "number",
    ["abc", "0", "-1", "99999", "1.5", "2.0", "1e3", "9" * 40, "9" * 5000, " "],
    ids=lambda number: number if len(number) < 10 else f"{len(number)}-digits",
)
@pytest.mark.parametrize("route", ["articles:section", "articles:keyword"])
def test_bad_or_missing_page_number_is_not_found(client, route, number):
    keyword = KeywordFactory()
    article = ArticleFactory(keywords=[keyword])
    listing = {"articles:section": article.section, "articles:keyword": keyword}

    response = client.get(listing[route].get_absolute_url(), {"page": number})

    assert_site_not_found_page(response)


def test_arabic_keyword_slug_resolves_raw_and_percent_encoded(client):
    keyword = KeywordFactory(name="سوريا")
    ArticleFactory(title="Story tagged in Arabic", keywords=[keyword])
    encoded = keyword.get_absolute_url()

    assert "%" in encoded
    for address in [encoded, unquote(encoded)]:
        response = client.get(address)
        assert response.status_code == 200
        assert teaser_titles(response) == ["Story tagged in Arabic"]


def test_arabic_section_slug_resolves_raw_and_percent_encoded(client):
    section = SectionFactory(name="اقتصاد")
    ArticleFactory(title="Story in an Arabic section", section=section)
    encoded = section.get_absolute_url()

    for address in [encoded, unquote(encoded)]:
        response = client.get(address)
        assert response.status_code == 200
        assert teaser_titles(response) == ["Story in an Arabic section"]


def test_listing_teasers_link_to_their_articles(client):
    article = ArticleFactory()

    response = client.get(article.section.get_absolute_url())

    links = [a["href"] for a in soup_of(response).select(".teaser-title a")]
    assert links == [article.get_absolute_url()]
