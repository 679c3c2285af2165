"""Each reader page names itself in ``<title>`` and describes itself for search
engines and link previews."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.articles.pages import soup_of, text_of
from tests.factories import (
    ArticleFactory,
    KeywordFactory,
    SectionFactory,
    set_site_settings,
)

pytestmark = pytest.mark.django_db

SITE = "The Valley Courier"


@pytest.fixture(autouse=True)
def _site():
    set_site_settings(
        name=SITE, description="Independent reporting from the Orontes valley."
    )


def head_of(client, url, **params) -> tuple[str, str]:
    response = client.get(url, params)
    assert response.status_code == 200
    page = soup_of(response)
    description = page.find("meta", attrs={"name": "description"})["content"]
    return text_of(page.title), description


def test_front_page_is_titled_with_the_site_name_and_its_description(client):
    ArticleFactory()

    assert head_of(client, reverse("articles:home")) == (
        SITE,
        "Independent reporting from the Orontes valley.",
    )


def test_front_page_description_falls_back_to_the_site_name(client):
    set_site_settings(description="")

    assert head_of(client, reverse("articles:home")) == (SITE, SITE)


def test_article_page_is_titled_with_its_headline_and_described_by_its_lead(client):
    article = ArticleFactory(title="Ferry resumes", lead="The river ferry runs again.")

    assert head_of(client, article.get_absolute_url()) == (
        f"Ferry resumes · {SITE}",
        "The river ferry runs again.",
    )


def test_section_page_title_and_description(client):
    section = SectionFactory(name="Economy")

    assert head_of(client, section.get_absolute_url()) == (
        f"Economy · {SITE}",
        f"The latest Economy reporting from {SITE}.",
    )


def test_keyword_page_title_and_description(client):
    keyword = KeywordFactory(name="Bread")

    assert head_of(client, keyword.get_absolute_url()) == (
        f"Bread · {SITE}",
        f"Articles about Bread from {SITE}.",
    )


@pytest.mark.parametrize("listing", ["section", "keyword"])
def test_later_listing_pages_carry_their_page_number_in_the_title(client, listing):
    keyword = KeywordFactory(name="Bread")
    section = SectionFactory(name="Economy")
    for _ in range(21):
        ArticleFactory(section=section, keywords=[keyword])
    target = {"section": section, "keyword": keyword}[listing]

    title, _description = head_of(client, target.get_absolute_url(), page=2)

    assert title == f"{target.name} · page 2 · {SITE}"
    canonical = soup_of(client.get(target.get_absolute_url(), {"page": 2})).find(
        "link", rel="canonical"
    )
    assert canonical["href"] == (
        f"{settings.SITE_URL}{target.get_absolute_url()}?page=2"
    )


def test_article_page_names_its_canonical_address(client):
    article = ArticleFactory()

    page = soup_of(client.get(article.get_absolute_url()))

    # Absolute, on the main domain (syndication/): crawlers refuse a relative one.
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == settings.SITE_URL + article.get_absolute_url()
