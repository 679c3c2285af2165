"""A pseudonym or collective byline ("Homs correspondent") shows no photo or bio on
any page, and nothing on its page or on the article page leads to a real account."""

import pytest
from django.contrib.auth import get_user_model

from tests.articles.pages import soup_of, text_of
from tests.factories import ArticleFactory, CreditFactory, PersonFactory
from tests.photos import plain_jpeg, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def correspondent(db):
    person = PersonFactory(
        name="Homs correspondent",
        slug="homs-correspondent",
        name_ar="مراسل حمص",
        slug_ar="مراسل-حمص",
        bio="Real name: Basel Y., lives near the old souk.",
        bio_ar="الاسم الحقيقي: باسل ي.",
        is_pseudonym=True,
    )
    person.photo = upload(plain_jpeg(400, 400), "basel-face.jpg")
    person.save()
    return person


@pytest.fixture
def writer(db):
    # The staff account that actually files the pseudonymous stories.
    return get_user_model().objects.create_user(
        username="basel.y", email="basel@example.org", password="x", is_staff=True
    )


def pages_showing(client, correspondent, writer):
    english = ArticleFactory(title="Night in Homs", reporter_credit="")
    arabic = ArticleFactory(language="ar", title="ليلة في حمص", reporter_credit="")
    for article in (english, arabic):
        CreditFactory(article=article, person=correspondent)
    return [
        client.get(url)
        for url in (
            "/en/people/homs-correspondent/",
            "/ar/people/%D9%85%D8%B1%D8%A7%D8%B3%D9%84-%D8%AD%D9%85%D8%B5/",
            english.get_absolute_url(),
            arabic.get_absolute_url(),
        )
    ]


def test_a_pseudonym_shows_no_photo_or_bio_on_its_pages(client, correspondent, writer):
    for response in pages_showing(client, correspondent, writer):
        assert response.status_code == 200
        html = response.content.decode()
        page = soup_of(response)
        assert "Basel" not in html and "باسل" not in html
        assert page.select(".person-photo, .person-bio") == []
        assert correspondent.photo.name not in html
        assert "/media/people/" not in html


def test_nothing_on_the_pages_leads_to_the_account_behind_it(
    client, correspondent, writer
):
    for response in pages_showing(client, correspondent, writer):
        html = response.content.decode()
        assert writer.username not in html
        assert writer.email not in html
        assert "/admin/" not in html
        assert f"/user/{writer.pk}/" not in html


def test_the_person_page_says_it_is_a_protective_byline(client, correspondent):
    response = client.get("/en/people/homs-correspondent/")

    assert "pseudonym or collective byline" in text_of(
        soup_of(response).select_one(".person-note")
    )


def test_a_person_record_has_no_link_to_an_account():
    from people.models import Person

    related = {
        field.related_model
        for field in Person._meta.get_fields()
        if field.is_relation and field.related_model
    }
    assert get_user_model() not in related


def test_a_named_person_shows_photo_and_bio(client):
    person = PersonFactory(slug="named", bio="Covers the north.")
    person.photo = upload(plain_jpeg(400, 400), "face.jpg")
    person.save()

    page = soup_of(client.get("/en/people/named/"))

    assert text_of(page.select_one(".person-bio")) == "Covers the north."
    assert page.select_one("img.person-photo")["src"].startswith("/media/people/")
