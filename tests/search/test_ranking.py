import pytest

from tests.search.helpers import article, found


@pytest.mark.django_db
def test_a_title_match_ranks_above_a_lead_match_above_a_body_match():
    article(title="خبر عادي", lead="مقدمة", body="القصف على دوما")
    article(title="خبر", lead="القصف على دوما", body="")
    article(title="دوما تحت القصف", lead="مقدمة", body="")
    assert found("دوما") == ["دوما تحت القصف", "خبر", "خبر عادي"]


@pytest.mark.django_db
def test_an_exact_word_ranks_above_a_stemmed_one():
    article(title="والمدرسة", body="")
    article(title="المدرسة", body="")
    article(title="مدرسة", body="")
    assert found("مدرسة")[0] == "مدرسة"
    assert found("والمدرسة")[0] == "والمدرسة"
    assert sorted(found("مدرسة")) == sorted(["والمدرسة", "المدرسة", "مدرسة"])


@pytest.mark.django_db
def test_english_articles_are_stemmed():
    article(language="en", title="Shelling reported", lead="Reports say.", body="")
    article(language="en", title="Unrelated", lead="Nothing here.", body="")
    assert found("reports", language="en") == ["Shelling reported"]
    assert found("REPORTING", language="en") == ["Shelling reported"]


@pytest.mark.django_db
def test_every_word_of_the_query_must_match():
    article(title="حلب", body="قصف في حلب")
    article(title="إدلب", body="قصف في إدلب")
    assert found("قصف حلب") == ["حلب"]


@pytest.mark.django_db
def test_results_are_of_the_edition_being_read():
    article(language="en", title="Aleppo", lead="Aleppo news", body="")
    article(language="ar", title="Aleppo بالعربية", lead="Aleppo", body="")
    assert found("aleppo", language="en") == ["Aleppo"]
    assert found("aleppo", language="ar") == ["Aleppo بالعربية"]
