"""Each person has a page in each edition listing their published articles in that
edition, newest first, 20 a page; each edition names the person by its own slug."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from tests.articles.pages import assert_site_not_found_page, soup_of, text_of
from tests.factories import ArticleFactory, CreditFactory, PersonFactory

pytestmark = pytest.mark.django_db


def credited(person, *, role="reporter", **fields):
    article = ArticleFactory(**fields)
    CreditFactory(article=article, person=person, role=role)
    return article


def teaser_titles(response) -> list[str]:
    return [text_of(title) for title in soup_of(response).select(".teaser-title")]


def test_the_page_lists_the_persons_articles_in_its_edition_newest_first(client):
    lina = PersonFactory(name="Lina Saleh", slug="lina-saleh", bio="Covers Homs.")
    now = timezone.now()
    older = credited(lina, title="Older story", published_at=now - timedelta(days=2))
    newer = credited(
        lina, role="translator", title="Newer story", published_at=now - timedelta(1)
    )
    credited(lina, title="A draft", draft=True)
    credited(lina, title="Scheduled", scheduled=True)
    credited(lina, title="قصة عربية", language="ar")
    credited(PersonFactory(), title="Someone else's")

    response = client.get("/en/people/lina-saleh/")

    assert response.status_code == 200
    page = soup_of(response)
    assert text_of(page.select_one("h1")) == "Lina Saleh"
    assert text_of(page.select_one(".person-bio")) == "Covers Homs."
    assert teaser_titles(response) == [newer.title, older.title]


def test_an_article_with_two_roles_for_one_person_is_listed_once(client):
    person = PersonFactory(slug="both")
    article = credited(person)
    CreditFactory(article=article, person=person, role="photographer")

    assert teaser_titles(client.get("/en/people/both/")) == [article.title]


def test_the_arabic_page_lists_arabic_articles_under_the_arabic_name(client):
    person = PersonFactory(name="Lina Saleh", name_ar="لينا صالح", slug_ar="لينا")
    person.bio_ar = "تغطي حمص."
    person.save()
    credited(person, title="English story")
    arabic = credited(person, title="قصة عربية", language="ar")

    with translation.override("ar"):
        url = person.get_absolute_url()
    response = client.get(url)

    assert url == "/ar/people/%D9%84%D9%8A%D9%86%D8%A7/"
    page = soup_of(response)
    assert text_of(page.select_one("h1")) == "لينا صالح"
    assert text_of(page.select_one(".person-bio")) == "تغطي حمص."
    assert teaser_titles(response) == [arabic.title]


def test_each_edition_redirects_to_its_own_slug(client):
    person = PersonFactory(slug="lina-saleh", slug_ar="لينا")

    arabic = client.get("/ar/people/lina-saleh/")
    english = client.get("/en/people/لينا/")

    assert arabic.status_code == 301
    assert arabic["Location"] == "/ar/people/%D9%84%D9%8A%D9%86%D8%A7/"
    assert english.status_code == 301
    assert english["Location"] == person.get_absolute_url() == "/en/people/lina-saleh/"


def test_an_unknown_person_is_the_sites_not_found_page(client):
    assert_site_not_found_page(client.get("/en/people/nobody/"))


def test_the_listing_is_paginated_twenty_a_page(client):
    person = PersonFactory(slug="prolific")
    articles = [credited(person) for _ in range(23)]  # newest first by the factory

    first = client.get("/en/people/prolific/")
    second = client.get("/en/people/prolific/?page=2")

    assert teaser_titles(first) == [a.title for a in articles[:20]]
    assert teaser_titles(second) == [a.title for a in articles[20:]]
    assert "Page 2 of 2" in text_of(soup_of(second).select_one(".pagination"))
    assert_site_not_found_page(client.get("/en/people/prolific/?page=3"))


def test_a_slug_that_is_another_persons_arabic_slug_is_refused():
    from django.core.exceptions import ValidationError

    PersonFactory(slug="first", slug_ar="shared")
    clash = PersonFactory.build(slug="shared", slug_ar=None)

    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "slug" in error.value.message_dict
