"""One normaliser for the index and the query: each written form finds the others,
on SQLite (FTS5) and PostgreSQL (tsvector) alike."""

import unicodedata

import pytest

from search.normalise import tokens
from tests.search.helpers import article, found

# (what the article says, what a reader types): each pair must find the article.
ORTHOGRAPHY = [
    pytest.param("كَتَبَ الصحفي", "كتب", id="harakat"),
    pytest.param("كتب الصحفي", "كَتَبَ", id="harakat-in-query"),
    pytest.param(unicodedata.normalize("NFD", "أَحمد"), "احمد", id="decomposed-hamza"),
    pytest.param("شدّة القصف", "شدة", id="shadda"),
    pytest.param("مـديـنـة حلب", "مدينة", id="tatweel"),
    pytest.param("أحمد", "احمد", id="alef-hamza-above"),
    pytest.param("إسلام", "اسلام", id="alef-hamza-below"),
    pytest.param("آمال", "امال", id="alef-madda"),
    pytest.param("ٱلقدس", "القدس", id="alef-wasla"),
    pytest.param("مستشفى الرازي", "مستشفي", id="alef-maqsura"),
    pytest.param("مدرسة البنات", "مدرسه", id="ta-marbuta"),
    pytest.param("مؤتمر صحفي", "موتمر", id="hamza-on-waw"),
    pytest.param("رئيس البلدية", "رييس", id="hamza-on-yeh"),
    pytest.param("ایران", "ايران", id="persian-yeh"),
    pytest.param("کتاب", "كتاب", id="keheh"),
    pytest.param("عام ٢٠٢٦", "2026", id="arabic-indic-digits"),
    pytest.param("عام ۲۰۲۶", "2026", id="persian-digits"),
    pytest.param("مد\u200cرسة", "مدرسة", id="zero-width-non-joiner"),
    pytest.param("مد\u200dرسة", "مدرسة", id="zero-width-joiner"),
    pytest.param("\ufea3\ufee0\ufe90", "حلب", id="presentation-forms"),
    pytest.param("\ufef7\ufee3\ufeae", "لامر", id="lam-alef-ligature"),
    pytest.param("والمدرسة", "مدرسة", id="wa-al-prefix"),
    pytest.param("بالمدرسة", "مدرسة", id="bi-al-prefix"),
    pytest.param("للمدرسة", "مدرسة", id="li-al-prefix"),
    pytest.param("كالمدرسة", "مدرسة", id="ka-al-prefix"),
    pytest.param("فالمدرسة", "مدرسة", id="fa-al-prefix"),
    pytest.param("مدرسة", "والمدرسة", id="prefix-in-query"),
    pytest.param("ولبنان", "لبنان", id="wa-prefix"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "query"), ORTHOGRAPHY)
def test_each_written_form_finds_the_others(text, query):
    article(title="خبر", body=text)
    article(title="خبر آخر", body="نص لا علاقة له")
    assert found(query) == ["خبر"]


def test_a_name_keeps_its_first_letter():
    # A lone ب ل ك ف is never taken for a prefix: لبنان is not بنان.
    assert [token.stem for token in tokens("لبنان بيروت فلسطين كركوك")] == [
        "لبنان",
        "بيروت",
        "فلسطين",
        "كركوك",
    ]


@pytest.mark.django_db
def test_lebanon_does_not_find_fingertips():
    article(title="بنان", body="أطراف البنان")
    article(title="لبنان", body="بيروت عاصمة لبنان")
    assert found("لبنان") == ["لبنان"]
    assert found("بنان") == ["بنان"]


@pytest.mark.django_db
def test_homs_does_not_find_hama():
    article(title="حماة", body="أخبار مدينة حماة")
    article(title="حمص", body="أخبار مدينة حمص")
    assert found("حمص") == ["حمص"]
    assert found("حماة") == ["حماة"]
