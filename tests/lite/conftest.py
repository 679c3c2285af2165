from dataclasses import dataclass
from html.parser import HTMLParser

import pytest

from articles.models import Article
from tests.comments.helpers import CommentFactory
from tests.factories import ArticleFactory, CreditFactory, PersonFactory, SectionFactory
from tests.photos import plain_jpeg, upload

# The longest headline the title field allows, in each edition's script.
LONG_ENGLISH_TITLE = ("Residents of the besieged district count the days " * 5)[:200]
LONG_ARABIC_TITLE = ("يعد سكان الحي المحاصر الأيام حتى وصول قافلة المساعدات " * 5)[:200]


@dataclass
class LiteStory:
    english: Article
    arabic: Article


def link_both_ways(first: Article, second: Article) -> None:
    first.translation = second
    first.save(update_fields=["translation"])
    second.translation = first
    second.save(update_fields=["translation"])


@pytest.fixture
def lite_story(db) -> LiteStory:
    """One story in both editions, with a photo, credits and approved comments."""
    section = SectionFactory(name="Economy", name_ar="اقتصاد")
    english = ArticleFactory(
        title="Bakeries in Homs raise the price of bread",
        section=section,
        body=(
            "<h2>Queues at dawn</h2><p>Families queue before dawn.</p>"
            "<p>The price doubled since spring.</p>"
        ),
        image_alt="A queue outside a bakery",
    )
    english.image = upload(plain_jpeg(800, 450), "bakery.jpg")
    english.save()
    arabic = ArticleFactory(
        language="ar",
        title="أفران حمص ترفع سعر الخبز",
        slug="أفران-حمص-ترفع-سعر-الخبز",
        lead="رفعت الأفران في حمص سعر ربطة الخبز للمرة الثانية هذا العام.",
        body="<h2>طوابير الفجر</h2><p>تصطف العائلات قبل الفجر أمام الأفران.</p>",
        reporter_credit="",
        section=section,
    )
    link_both_ways(english, arabic)
    person = PersonFactory(name="Lina Saleh", name_ar="لينا صالح")
    CreditFactory(article=english, person=person, role="reporter")
    CreditFactory(article=arabic, person=person, role="reporter")
    CommentFactory(article=english)
    CommentFactory(article=english)
    CommentFactory(article=english, pending=True)
    return LiteStory(english=english, arabic=arabic)


class TagCounter(HTMLParser):
    """Counts what a lite page must not hold: images, scripts, stylesheets, styles."""

    def __init__(self):
        super().__init__()
        self.forbidden: list[str] = []
        self.html_attrs: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html_attrs = attributes
        if tag in {"img", "picture", "svg", "video", "audio", "iframe", "script"}:
            self.forbidden.append(tag)
        if tag == "style" or "style" in attributes:
            self.forbidden.append("style")
        if tag == "link" and "stylesheet" in (attributes.get("rel") or ""):
            self.forbidden.append("stylesheet")
        icon = tag == "link" and "icon" in (attributes.get("rel") or "")
        if icon and attributes.get("href") != "data:,":
            self.forbidden.append("icon")


def counted(html: str) -> TagCounter:
    counter = TagCounter()
    counter.feed(html)
    return counter
