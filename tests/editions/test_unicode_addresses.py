"""Arabic slugs in addresses: as raw letters (what a reader types or pastes) and
percent-encoded (what a browser sends), for keywords and articles; a keyword's
English slug in the Arabic edition is sent on to its Arabic one."""

from urllib.parse import quote

import pytest
from django.utils import translation

from articles.models import Article
from tests.editions.pages import path_of, soup_of, text_of
from tests.factories import ArticleFactory, KeywordFactory

pytestmark = pytest.mark.django_db

HOMS_ENCODED = "%D8%AD%D9%85%D8%B5"


def test_encoding_of_the_keyword_slug_is_what_browsers_send():
    assert quote("حمص") == HOMS_ENCODED


@pytest.mark.parametrize(
    "path",
    ["/ar/keywords/حمص/", f"/ar/keywords/{HOMS_ENCODED}/"],
    ids=["raw", "encoded"],
)
def test_arabic_keyword_address_works(client, story, path):
    response = client.get(path)

    assert response.status_code == 200
    page = soup_of(response)
    assert text_of(page.select_one("h1")) == "حمص"
    assert story.arabic.title in [text_of(t) for t in page.select(".teaser-title")]


def test_keyword_reverses_to_its_arabic_slug_in_the_arabic_edition(story):
    with translation.override("ar"):
        url = story.keyword.get_absolute_url()
    assert path_of(url) == "/ar/keywords/حمص/"
    assert url == f"/ar/keywords/{HOMS_ENCODED}/"


def test_english_slug_of_a_keyword_under_ar_redirects_to_the_arabic_slug(client, story):
    response = client.get("/ar/keywords/homs/")

    assert response.status_code == 301
    assert path_of(response["Location"]) == "/ar/keywords/حمص/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/en/keywords/حمص/", f"/en/keywords/{HOMS_ENCODED}/"],
    ids=["raw", "encoded"],
)
def test_arabic_slug_of_a_keyword_under_en_redirects_to_the_english_slug(
    client, story, path
):
    response = client.get(path)

    assert response.status_code == 301
    assert response["Location"] == "/en/keywords/homs/"


def test_keyword_with_only_an_arabic_name_as_its_slug_works_in_both_editions(client):
    KeywordFactory(name="حلب", slug="حلب")
    ArticleFactory(language="ar", title="حلب اليوم", keywords=[])

    assert client.get("/ar/keywords/حلب/").status_code == 200
    assert client.get("/en/keywords/حلب/").status_code == 200
    assert client.get(f"/en/keywords/{quote('حلب')}/").status_code == 200


@pytest.fixture
def arabic_article(db) -> Article:
    return ArticleFactory(
        language="ar", title="افتتاح مدرسة جديدة في حلب", slug="افتتاح-مدرسة-جديدة"
    )


def test_arabic_article_slug_is_percent_encoded_in_its_address(arabic_article):
    url = arabic_article.get_absolute_url()

    assert url == (f"/ar/articles/{arabic_article.pk}/{quote('افتتاح-مدرسة-جديدة')}/")
    assert url.isascii()


@pytest.mark.parametrize("encoded", [False, True], ids=["raw", "encoded"])
def test_arabic_article_slug_works(client, arabic_article, encoded):
    slug = quote(arabic_article.slug) if encoded else arabic_article.slug

    response = client.get(f"/ar/articles/{arabic_article.pk}/{slug}/")

    assert response.status_code == 200
    assert text_of(soup_of(response).select_one("h1")) == arabic_article.title


@pytest.mark.parametrize("encoded", [False, True], ids=["raw", "encoded"])
def test_arabic_article_under_en_with_an_arabic_slug_redirects(
    client, arabic_article, encoded
):
    slug = quote(arabic_article.slug) if encoded else arabic_article.slug

    response = client.get(f"/en/articles/{arabic_article.pk}/{slug}/")

    assert response.status_code == 301
    assert response["Location"] == arabic_article.get_absolute_url()


def test_arabic_article_with_a_wrong_slug_redirects_to_the_arabic_one(
    client, arabic_article
):
    response = client.get(f"/ar/articles/{arabic_article.pk}/قديم/")

    assert response.status_code == 301
    assert path_of(response["Location"]) == (
        f"/ar/articles/{arabic_article.pk}/افتتاح-مدرسة-جديدة/"
    )


def test_arabic_article_links_in_listings_are_encoded_and_work(client, arabic_article):
    page = soup_of(client.get("/ar/"))
    hrefs = {a["href"] for a in page.select(".lead-title a")}

    assert hrefs == {arabic_article.get_absolute_url()}
    assert client.get(hrefs.pop()).status_code == 200
