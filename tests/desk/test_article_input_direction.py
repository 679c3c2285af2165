"""The article's own fields take its edition's direction and language whatever the
admin's language: an Arabic article is written right to left in an English admin,
with spell-checking on; the edition posted decides when the form comes back."""

import pytest

from tests.desk.helpers import ADD, change_form_data, change_url, signed_in
from tests.editions.test_admin_editions import soup_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

WRITTEN_IN_THE_ARTICLE = [
    "title",
    "lead",
    "body",
    "source_label",
    "reporter_credit",
    "translator_credit",
    "image_alt",
    "image_caption",
    "image_credit",
]


def boxes(response):
    form = soup_of(response).select_one("form#article_form")
    return {name: form.select_one(f"[name={name}]") for name in WRITTEN_IN_THE_ARTICLE}


def test_an_arabic_article_is_edited_right_to_left_in_the_english_admin(client):
    signed_in(client, "eda", "Editors")
    article = ArticleFactory(language="ar", title="الخبز يعود إلى حمص")

    response = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE="en")

    assert soup_of(response).html["lang"] == "en"
    for name, box in boxes(response).items():
        shown = (box["dir"], box["lang"], box["spellcheck"])
        assert shown == ("rtl", "ar", "true"), name


def test_an_english_article_is_edited_left_to_right_in_the_arabic_admin(client):
    signed_in(client, "eda", "Editors")
    article = ArticleFactory(language="en")

    response = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE="ar")

    assert soup_of(response).html["dir"] == "rtl"
    for name, box in boxes(response).items():
        assert (box["dir"], box["lang"]) == ("ltr", "en"), name


def test_the_edition_posted_decides_the_direction_when_the_form_comes_back(client):
    signed_in(client, "eda", "Editors")
    article = ArticleFactory(language="en")
    data = change_form_data(client, article)
    data.update(language="ar", title="", body="<p>نص</p>")

    response = client.post(change_url(article), data)

    assert response.status_code == 200  # the empty title is refused
    for name, box in boxes(response).items():
        assert (box["dir"], box["lang"]) == ("rtl", "ar"), name
    assert "نص" in str(boxes(response)["body"])


def test_the_add_form_takes_the_default_edition_and_the_wide_headline_box(client):
    signed_in(client, "eda", "Editors")

    response = client.get(ADD)

    found = boxes(response)
    assert found["title"]["dir"] == "ltr"
    assert "vLargeTextField" in found["title"]["class"]
