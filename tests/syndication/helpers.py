"""What the syndication tests share: an article with every field a feed or page
metadata shows, and parsers for what the site answers."""

import io
import json
import xml.etree.ElementTree as ET
from datetime import timedelta

from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.utils import timezone

from articles.models import Article, Correction
from tests.factories import ArticleFactory, CreditFactory, KeywordFactory, PersonFactory
from tests.photos import plain_jpeg

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def full_article(**fields) -> Article:
    """A published English article with two reporters and a translator as people,
    a keyword, a 1600x900 image, a correction, and a published Arabic translation."""
    keyword = KeywordFactory(
        name="Water", slug="water", name_ar="المياه", slug_ar="مياه"
    )
    article = ArticleFactory(
        title=fields.pop("title", "Pumps run again in Homs"),
        lead="The city's pumping station is working after three weeks.",
        body='<p>First <a href="/en/sections/x/">paragraph</a>.</p><p>Second.</p>',
        image_alt="The pumping station at dawn",
        keywords=[keyword],
        **fields,
    )
    article.image.save("pumps.jpg", ContentFile(plain_jpeg(1600, 900)))
    first, second = PersonFactory(name="Lina Saleh"), PersonFactory(name="Omar Haddad")
    CreditFactory(article=article, person=first, role="reporter", position=0)
    CreditFactory(article=article, person=second, role="reporter", position=1)
    CreditFactory(
        article=article, person=PersonFactory(name="Rami Aziz"), role="translator"
    )
    Correction.objects.create(
        article=article,
        note="An earlier version gave the wrong date.",
        noted_at=article.published_at + timedelta(hours=1),
    )
    Article.objects.filter(pk=article.pk).update(
        last_note_at=article.published_at + timedelta(hours=1)
    )
    original = ArticleFactory(
        language="ar",
        title="عودة المضخات في حمص",
        section=article.section,
        published_at=article.published_at - timedelta(hours=2),
    )
    Article.objects.filter(pk=article.pk).update(translation=original)
    Article.objects.filter(pk=original.pk).update(translation=article)
    article.refresh_from_db()
    return article


def xml_of(response) -> ET.Element:
    return ET.parse(io.BytesIO(response.content)).getroot()


def head_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser").head


def json_ld_of(response) -> dict:
    scripts = head_of(response).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def minutes_ago(minutes: int):
    return timezone.now() - timedelta(minutes=minutes)
