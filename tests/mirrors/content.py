"""A small newsroom in both editions, with something on every kind of page: a
story and its translation, keywords, a person, approved comments, a correction,
mirrors and the reach and tips pages' text."""

from articles.models import Correction
from comments.models import Comment
from mirrors.models import Mirror, ReachPage, TipsPage
from tests.factories import (
    ArticleFactory,
    CreditFactory,
    KeywordFactory,
    PersonFactory,
    SectionFactory,
)


def make_newsroom() -> dict:
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
        section=section,
        keywords=[keyword],
    )
    english.translation = arabic
    english.save(update_fields=["translation"])
    arabic.translation = english
    arabic.save(update_fields=["translation"])
    for _number in range(3):
        ArticleFactory(section=section)
    CreditFactory(article=english, person=PersonFactory(name="Lina Saleh"))
    Comment.objects.create(
        article=english,
        name="Reader",
        email="reader@example.com",
        body="Thank you, see also example.com/bread",
        status=Comment.Status.APPROVED,
        sender_hash="x" * 32,
        submission_token="token-1",
    )
    Correction.objects.create(
        article=english, note="An earlier version misspelt a name."
    )
    Mirror.objects.create(
        url="https://copy.example.com/", note="A copy, hourly", note_ar="نسخة"
    )
    ReachPage.objects.create(
        newsletter="Write to news@example.com",
        newsletter_ar="اكتبوا إلى news@example.com",
    )
    TipsPage.objects.create(
        securedrop_onion="securedropabcdefghijklmnopqrstuvwxyz234567abcdefghij.onion",
        channels="Signal: +1 555 0100",
        channels_ar="سيغنال: +1 555 0100",
    )
    return {"english": english, "arabic": arabic}
