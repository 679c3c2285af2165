"""The main image credits its photographer by name, linked to their page, or reads
"Photographer withheld" when the newsroom chose to keep the name back; an image
without photographer records keeps its free-text credit."""

import pytest
from django.db import IntegrityError

from tests.articles.pages import soup_of, text_of
from tests.factories import ArticleFactory, CreditFactory, PersonFactory
from tests.photos import plain_jpeg, upload

pytestmark = pytest.mark.django_db


def article_with_photo(**fields):
    article = ArticleFactory(image_credit="Archive", **fields)
    article.image = upload(plain_jpeg(800, 450), "scene.jpg")
    article.save()
    return article


def image_credit(client, article):
    return soup_of(client.get(article.get_absolute_url())).select_one(
        ".article-figure .image-credit"
    )


def test_the_photographer_is_credited_on_the_image_with_a_link(client):
    article = article_with_photo()
    CreditFactory(
        article=article,
        role="photographer",
        person=PersonFactory(name="Rasha Asi", slug="rasha-asi"),
    )

    credit = image_credit(client, article)

    assert text_of(credit) == "Photo: Rasha Asi"
    assert credit.select_one("a")["href"] == "/en/people/rasha-asi/"
    # Only on the image: the credits line names reporters and translators.
    line = soup_of(client.get(article.get_absolute_url())).select_one(
        ".article-credits"
    )
    assert "Rasha Asi" not in text_of(line)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Photographer withheld"), ("ar", "اسم المصوّر محجوب")],
)
def test_a_withheld_photographer_reads_as_that_in_each_edition(
    client, language, expected
):
    article = article_with_photo(language=language)
    CreditFactory(
        article=article, role="photographer", person=None, is_name_withheld=True
    )

    credit = image_credit(client, article)

    assert text_of(credit) == expected
    assert credit.select("a") == []


def test_an_image_without_photographer_records_keeps_its_free_text_credit(client):
    article = article_with_photo()

    assert text_of(image_credit(client, article)) == "Archive"


def test_only_a_photographer_may_be_withheld_and_a_withheld_one_has_no_name():
    article = ArticleFactory()
    with pytest.raises(IntegrityError):
        CreditFactory(
            article=article, role="reporter", person=None, is_name_withheld=True
        )


def test_a_named_credit_cannot_also_be_withheld():
    with pytest.raises(IntegrityError):
        CreditFactory(role="photographer", is_name_withheld=True)
