"""The translator is credited on the translated piece only, never on the original
it was translated from."""

import pytest

from tests.editions.conftest import link_both_ways
from tests.editions.pages import soup_of, text_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def credits_line(client, article) -> str:
    credits = soup_of(client.get(article.get_absolute_url())).select_one(
        ".article-credits"
    )
    return text_of(credits) if credits else ""


def test_translator_credit_is_on_the_translation_only(client, story):
    assert story.english.translator_credit == ""
    assert story.arabic.translator_credit == "سامر حداد"

    english = credits_line(client, story.english)
    arabic = credits_line(client, story.arabic)

    assert "Translation by" not in english
    assert "سامر حداد" not in english
    assert "Reporting by Lina Saleh" in english
    assert "سامر حداد" in arabic
    assert "لينا صالح" in arabic


def test_english_translation_of_an_arabic_original_credits_its_translator(client):
    original = ArticleFactory(language="ar", title="تقرير أصلي", reporter_credit="")
    translated = ArticleFactory(
        title="The original report", translator_credit="Omar Khalil"
    )
    link_both_ways(original, translated)

    assert "Translation by Omar Khalil" in credits_line(client, translated)
    assert "Omar Khalil" not in credits_line(client, original)
    assert "Translation by" not in credits_line(client, original)


ARABIC_SEMICOLON_BUG = (
    "templates/articles/detail.html joins the credits with a Latin '; ' in both "
    "editions; the Arabic credits line reads (إعداد لينا صالح; ترجمة سامر حداد) "
    "where Arabic punctuation is the Arabic semicolon ؛"
)


def test_arabic_credits_are_separated_by_the_arabic_semicolon(client, story):
    line = credits_line(client, story.arabic)

    assert "؛" in line
    assert ";" not in line


def test_english_credits_are_separated_by_a_semicolon(client):
    article = ArticleFactory(translator_credit="Omar Khalil")

    assert credits_line(client, article) == (
        "(Reporting by Lina Saleh; Translation by Omar Khalil)"
    )
