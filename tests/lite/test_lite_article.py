"""A lite article: headline, time, credits, lead and body, the comment count and a
link to the full page; no image, script or stylesheet; Arabic right to left."""

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from lite.templatetags.lite_tags import lite_body
from tests.factories import ArticleFactory
from tests.lite.conftest import counted


def lite_url(article) -> str:
    with translation.override(article.language):
        return reverse("lite:article", args=[article.pk])


@pytest.mark.django_db
def test_lite_article_shows_the_story_without_pictures(client, lite_story):
    article = lite_story.english
    response = client.get(lite_url(article))
    html = response.content.decode()
    assert response.status_code == 200
    assert article.title in html
    assert "Families queue before dawn." in html
    assert article.lead in html
    assert "Reporting by" in html and "Lina Saleh" in html
    assert "<time datetime=" in html
    assert f'href="{article.get_absolute_url()}#comments"' in html
    # Two approved comments; the pending one is not counted.
    assert "2 comments" in html
    page = counted(html)
    assert page.forbidden == []
    assert page.html_attrs == {"lang": "en", "dir": "ltr"}
    assert "bakery" not in html.lower().replace("bakeries", "")


@pytest.mark.django_db
def test_arabic_lite_article_reads_right_to_left(client, lite_story):
    response = client.get(lite_url(lite_story.arabic))
    html = response.content.decode()
    assert counted(html).html_attrs == {"lang": "ar", "dir": "rtl"}
    assert "أفران حمص ترفع سعر الخبز" in html
    assert "لينا صالح" in html
    # Each edition's lite page links the other's.
    assert f'href="{lite_url(lite_story.english)}"' in html


def test_lite_body_keeps_text_and_links_and_drops_pictures():
    # The editor keeps no pictures in a body today; the lite page would drop them
    # if it ever did, caption and all.
    html = lite_body(
        '<p>Before <a href="https://example.org/report">the report</a>.</p>'
        '<figure><img src="/media/x.jpg"><figcaption>Caption</figcaption></figure>'
        '<p>After.</p><picture><source srcset="/media/y.webp"></picture>'
    )
    assert "Before" in html and "After." in html
    assert 'href="https://example.org/report"' in html
    for left_out in ("<img", "<figure", "Caption", "<picture", "<source", "srcset"):
        assert left_out not in html


@pytest.mark.django_db
def test_lite_article_in_the_other_edition_redirects_to_its_own(client, lite_story):
    with translation.override("ar"):
        wrong = reverse("lite:article", args=[lite_story.english.pk])
    response = client.get(wrong)
    assert response.status_code == 301
    assert response["Location"] == lite_url(lite_story.english)


@pytest.mark.django_db
def test_unpublished_lite_article_is_not_found_and_a_taken_down_one_gone(client):
    draft = ArticleFactory(draft=True)
    removed = ArticleFactory(status=Article.Status.REMOVED)
    assert client.get(lite_url(draft)).status_code == 404
    assert client.get(lite_url(removed)).status_code == 410
