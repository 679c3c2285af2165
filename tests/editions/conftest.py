from dataclasses import dataclass

import pytest

from articles.models import Article, Keyword, Section
from tests.factories import ArticleFactory, KeywordFactory, SectionFactory


def link_both_ways(first: Article, second: Article) -> None:
    """Make two articles each other's translation, straight in the database."""
    first.translation = second
    first.save(update_fields=["translation"])
    second.translation = first
    second.save(update_fields=["translation"])


@dataclass
class Story:
    """One story told in both editions: an English original and its Arabic
    translation, published and linked both ways."""

    english: Article
    arabic: Article
    section: Section
    keyword: Keyword


@pytest.fixture
def story(db) -> Story:
    section = SectionFactory(name="Economy", name_ar="اقتصاد")
    keyword = KeywordFactory(name="Homs", slug="homs", name_ar="حمص", slug_ar="حمص")
    english = ArticleFactory(
        title="Bakeries in Homs raise the price of bread",
        section=section,
        keywords=[keyword],
    )
    arabic = ArticleFactory(
        language="ar",
        title="أفران حمص ترفع سعر الخبز",
        lead="رفعت الأفران في حمص سعر ربطة الخبز للمرة الثانية هذا العام.",
        body="<p>قال أصحاب الأفران إن سعر الطحين ارتفع.</p>",
        section=section,
        keywords=[keyword],
        reporter_credit="لينا صالح",
        translator_credit="سامر حداد",
    )
    link_both_ways(english, arabic)
    return Story(english=english, arabic=arabic, section=section, keyword=keyword)
