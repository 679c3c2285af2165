"""Every public page lives under its edition's prefix; the bare root sends a reader to
the edition their browser (or their language cookie) prefers; an article has one
address, in its own edition."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.editions.pages import path_of, soup_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def front_page_of(language: str) -> str:
    with translation.override(language):
        return reverse("articles:home")


def test_front_pages_are_under_en_and_ar(client):
    assert front_page_of("en") == "/en/"
    assert front_page_of("ar") == "/ar/"
    for path in ["/en/", "/ar/"]:
        assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    ("accept_language", "edition"),
    [
        ("ar", "/ar/"),
        ("ar-SY,ar;q=0.9,en;q=0.5", "/ar/"),
        ("ar-EG", "/ar/"),
        ("en", "/en/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("fr-FR,fr;q=0.9", "/en/"),  # a language the site has no edition in
        ("tlh", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_the_edition_the_browser_prefers(
    client, accept_language, edition
):
    response = client.get("/", headers={"Accept-Language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == edition
    # A shared cache must not give one reader's redirect to another.
    assert "accept-language" in response.get("Vary", "").lower()


def test_root_redirect_without_accept_language_is_english(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("accept_language", ["en", "fr", ""])
def test_language_cookie_wins_over_the_browser(client, accept_language):
    client.cookies["django_language"] = "ar"

    response = client.get("/", headers={"Accept-Language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == "/ar/"
    assert "cookie" in response.get("Vary", "").lower()


def test_english_cookie_wins_over_an_arabic_browser(client):
    client.cookies["django_language"] = "en"

    response = client.get("/", headers={"Accept-Language": "ar"})

    assert response["Location"] == "/en/"


def test_a_section_address_without_prefix_is_sent_to_the_preferred_edition(client):
    article = ArticleFactory()
    path = article.section.get_absolute_url().removeprefix("/en")

    response = client.get(path, headers={"Accept-Language": "ar"})

    assert response.status_code == 302
    assert response["Location"] == "/ar" + path


def test_an_article_address_is_in_its_own_edition(client, story):
    english_url = story.english.get_absolute_url()
    arabic_url = story.arabic.get_absolute_url()

    assert english_url == f"/en/articles/{story.english.pk}/{story.english.slug}/"
    assert path_of(arabic_url) == f"/ar/articles/{story.arabic.pk}/{story.arabic.slug}/"
    # Whatever the edition being read when the address is made.
    with translation.override("en"):
        assert story.arabic.get_absolute_url() == arabic_url
    with translation.override("ar"):
        assert story.english.get_absolute_url() == english_url
    assert client.get(english_url).status_code == 200
    assert client.get(arabic_url).status_code == 200


def test_an_arabic_article_under_en_redirects_permanently_to_its_address(client, story):
    wrong = f"/en/articles/{story.arabic.pk}/{story.arabic.slug}/"

    response = client.get(wrong)

    assert response.status_code == 301
    assert response["Location"] == story.arabic.get_absolute_url()
    assert path_of(response["Location"]).startswith("/ar/")


def test_an_english_article_under_ar_redirects_permanently_to_its_address(
    client, story
):
    wrong = f"/ar/articles/{story.english.pk}/{story.english.slug}/"

    response = client.get(wrong)

    assert response.status_code == 301
    assert response["Location"] == story.english.get_absolute_url()


def test_wrong_edition_and_an_old_slug_redirect_in_one_step(client, story):
    response = client.get(f"/en/articles/{story.arabic.pk}/an-old-slug/")

    assert response.status_code == 301
    assert response["Location"] == story.arabic.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


def test_article_canonical_link_is_its_own_address(client, story):
    for article in [story.english, story.arabic]:
        page = soup_of(client.get(article.get_absolute_url()))
        canonical = page.select_one('head link[rel="canonical"]')["href"]
        assert path_of(canonical) == path_of(article.get_absolute_url())


def test_unprefixed_article_address_goes_to_the_article_edition(client, story):
    # An old link without the edition prefix: the middleware picks the reader's
    # edition, and the article then sends the reader to its own.
    path = story.arabic.get_absolute_url().removeprefix("/ar")

    first = client.get(path, headers={"Accept-Language": "en"})
    assert first.status_code == 302
    second = client.get(first["Location"])

    assert second.status_code == 301
    assert second["Location"] == story.arabic.get_absolute_url()
