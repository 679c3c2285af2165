"""The article page's credits line reads as it always has, "(Reporting by X and Y;
Translation by Z)" in each edition's wording and punctuation, with each credited
person's name a link to their page in that edition; articles without credit records
keep their free-text credits."""

import pytest
from django.utils import translation

from people.models import Credit
from tests.articles.pages import soup_of, text_of
from tests.factories import ArticleFactory, CreditFactory, PersonFactory

pytestmark = pytest.mark.django_db


def credits_of_page(client, article):
    return soup_of(client.get(article.get_absolute_url())).select_one(
        ".article-credits"
    )


def test_two_reporters_and_a_translator_read_as_one_line(client):
    article = ArticleFactory(reporter_credit="", translator_credit="")
    lina = PersonFactory(name="Lina Saleh", slug="lina-saleh")
    omar = PersonFactory(name="Omar Khalil", slug="omar-khalil")
    samer = PersonFactory(name="Samer Haddad", slug="samer-haddad")
    CreditFactory(article=article, person=omar, role="reporter", position=2)
    CreditFactory(article=article, person=lina, role="reporter", position=1)
    CreditFactory(article=article, person=samer, role="translator", position=1)

    line = credits_of_page(client, article)

    assert text_of(line) == (
        "(Reporting by Lina Saleh and Omar Khalil; Translation by Samer Haddad)"
    )
    assert [(a.get_text(), a["href"]) for a in line.select("a")] == [
        ("Lina Saleh", "/en/people/lina-saleh/"),
        ("Omar Khalil", "/en/people/omar-khalil/"),
        ("Samer Haddad", "/en/people/samer-haddad/"),
    ]


def test_three_reporters_are_listed_with_commas_then_and(client):
    article = ArticleFactory(reporter_credit="")
    for position, name in enumerate(["Ann One", "Ben Two", "Cy Three"]):
        CreditFactory(
            article=article, person=PersonFactory(name=name), position=position
        )

    assert text_of(credits_of_page(client, article)) == (
        "(Reporting by Ann One, Ben Two and Cy Three)"
    )


def test_arabic_credits_use_arabic_names_wording_and_links(client):
    article = ArticleFactory(language="ar", title="تقرير", reporter_credit="")
    lina = PersonFactory(name="Lina Saleh", name_ar="لينا صالح", slug_ar="لينا-صالح")
    omar = PersonFactory(name="Omar Khalil", name_ar="عمر خليل", slug_ar="عمر-خليل")
    samer = PersonFactory(name="Samer Haddad", name_ar="سامر حداد", slug_ar="سامر")
    CreditFactory(article=article, person=lina, position=1)
    CreditFactory(article=article, person=omar, position=2)
    CreditFactory(article=article, person=samer, role="translator")

    line = credits_of_page(client, article)

    assert text_of(line) == "(إعداد لينا صالح وعمر خليل؛ ترجمة سامر حداد)"
    assert [a["href"] for a in line.select("a")] == [
        "/ar/people/%D9%84%D9%8A%D9%86%D8%A7-%D8%B5%D8%A7%D9%84%D8%AD/",
        "/ar/people/%D8%B9%D9%85%D8%B1-%D8%AE%D9%84%D9%8A%D9%84/",
        "/ar/people/%D8%B3%D8%A7%D9%85%D8%B1/",
    ]


def test_an_article_without_credit_records_keeps_its_free_text_credits(client):
    article = ArticleFactory(reporter_credit="Lina Saleh", translator_credit="Omar")

    line = credits_of_page(client, article)

    assert text_of(line) == "(Reporting by Lina Saleh; Translation by Omar)"
    assert line.select("a") == []


def test_a_credited_role_replaces_its_free_text_and_the_other_role_keeps_its_own(
    client,
):
    article = ArticleFactory(reporter_credit="Old Desk", translator_credit="Omar")
    CreditFactory(article=article, person=PersonFactory(name="Lina Saleh"))

    assert text_of(credits_of_page(client, article)) == (
        "(Reporting by Lina Saleh; Translation by Omar)"
    )


def test_names_are_escaped_not_run(client):
    article = ArticleFactory(reporter_credit="")
    CreditFactory(
        article=article, person=PersonFactory(name="<script>alert(1)</script>")
    )

    line = credits_of_page(client, article)

    assert line.select("script") == []
    assert "<script>alert(1)</script>" in text_of(line)


def test_credit_roles_are_the_three_the_newsroom_uses():
    assert set(Credit.Role.values) == {"reporter", "translator", "photographer"}
    with translation.override("ar"):
        assert str(Credit.Role.PHOTOGRAPHER.label) == "مصوّر"
