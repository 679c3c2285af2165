"""A lite article reads in a text browser: w3m -dump shows headline, time, credits,
body, the comment count and the link to the full page, in both editions."""

import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation

from articles.templatetags.edition_times import edition_time

pytestmark = pytest.mark.skipif(
    shutil.which("w3m") is None, reason="needs w3m (scripts/ensure-system-packages)"
)


def w3m_dump(html: bytes) -> str:
    return subprocess.run(
        [
            "w3m",
            "-dump",
            "-T",
            "text/html",
            "-I",
            "UTF-8",
            "-O",
            "UTF-8",
            "-cols",
            "80",
        ],
        input=html,
        capture_output=True,
        check=True,
        timeout=30,
    ).stdout.decode()


@pytest.mark.django_db
def test_english_lite_article_reads_in_w3m(client, lite_story):
    article = lite_story.english
    text = w3m_dump(client.get(reverse("lite:article", args=[article.pk])).content)
    for expected in (
        article.title,
        edition_time(article.published_at, "seconds"),
        "Reporting by Lina Saleh",
        "Queues at dawn",
        "Families queue before dawn.",
        "2 comments",
        "Read the comments and the full page",
    ):
        assert expected in text, expected


@pytest.mark.django_db
def test_arabic_lite_article_reads_in_w3m(client, lite_story):
    article = lite_story.arabic
    with translation.override("ar"):
        html = client.get(reverse("lite:article", args=[article.pk])).content
        published = edition_time(article.published_at, "seconds")
    text = w3m_dump(html)
    for expected in (
        article.title,
        published,
        "لينا صالح",
        "طوابير الفجر",
        "تصطف العائلات قبل الفجر أمام الأفران.",
        "0 تعليقات",
        "اقرأ التعليقات والصفحة الكاملة",
    ):
        assert expected in text, expected
