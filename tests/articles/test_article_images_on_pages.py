"""Pages show an article's image through its renditions, with the original's true
size (no layout shift), and fall back to the original when it has none; the
number of queries does not change."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.articles.pages import soup_of
from tests.articles.test_page_query_counts import EXPECTED_QUERIES, build_newsroom
from tests.caches import empty_reader_caches
from tests.factories import ArticleFactory
from tests.photos import plain_jpeg

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _every_request_rendered(settings):
    settings.PAGE_CACHE = False


def illustrated(width=1600, height=900, **fields) -> Article:
    article = ArticleFactory(**fields)
    article.image.save("scene.jpg", ContentFile(plain_jpeg(width, height)))
    return article


def srcset_of(img) -> dict[int, str]:
    candidates = {}
    for candidate in img["srcset"].split(", "):
        url, width = candidate.split(" ")
        candidates[int(width.removesuffix("w"))] = url
    return candidates


def test_article_page_shows_the_renditions_with_the_true_size(client):
    article = illustrated(1600, 900, image_alt="Pumps at the river")

    img = soup_of(client.get(article.get_absolute_url())).select_one(
        ".article-figure img"
    )

    stem = article.image.url.removesuffix(".jpg")
    assert srcset_of(img) == {
        320: f"{stem}.320w.webp",
        480: f"{stem}.480w.webp",
        800: f"{stem}.800w.webp",
        1200: f"{stem}.1200w.webp",
    }
    assert img["src"] == f"{stem}.800w.webp"
    assert (img["width"], img["height"]) == ("1600", "900")
    assert "46rem" in img["sizes"]
    assert img["alt"] == "Pumps at the river"
    assert img["fetchpriority"] == "high"
    assert not img.has_attr("loading")


def test_a_portrait_photo_keeps_its_own_proportions(client):
    article = illustrated(900, 1200)

    img = soup_of(client.get(article.get_absolute_url())).select_one(
        ".article-figure img"
    )

    assert (img["width"], img["height"]) == ("900", "1200")
    assert sorted(srcset_of(img)) == [320, 480, 800, 900]


def test_front_page_lead_and_teasers_use_the_renditions(client):
    # Times of their own: the factory's default times grow older with every article
    # made earlier in the run.
    lead = illustrated(1600, 900, is_breaking=True, published_at=timezone.now())
    older = illustrated(
        1200,
        800,
        published_at=timezone.now() - timedelta(hours=2),
        section=lead.section,
    )

    page = soup_of(client.get(reverse("articles:home")))

    lead_img = page.select_one(".lead-image img")
    assert lead_img["src"].endswith(".800w.webp")
    assert sorted(srcset_of(lead_img)) == [320, 480, 800, 1200]
    assert (lead_img["width"], lead_img["height"]) == ("1600", "900")
    assert lead_img["fetchpriority"] == "high"
    teaser_img = page.select_one(".teaser-image img")
    assert teaser_img["srcset"].startswith(older.image.url.removesuffix(".jpg"))
    assert (teaser_img["width"], teaser_img["height"]) == ("1200", "800")
    assert teaser_img["loading"] == "lazy"
    assert teaser_img["sizes"].startswith("(max-width: 575.98px) 7rem, ")


def test_section_listing_teasers_use_the_renditions(client):
    article = illustrated(1600, 900)

    img = soup_of(client.get(article.section.get_absolute_url())).select_one(
        ".teaser-image img"
    )

    assert sorted(srcset_of(img)) == [320, 480, 800, 1200]
    assert img["loading"] == "lazy"


def test_an_image_stored_before_renditions_existed_is_shown_as_it_is(client):
    # An old row: the file, but no renditions and no recorded size.
    article = illustrated(1600, 900, is_breaking=True)
    Article.objects.filter(pk=article.pk).update(
        image_renditions=[], image_width=None, image_height=None
    )

    for url, selector in [
        (article.get_absolute_url(), ".article-figure img"),
        (reverse("articles:home"), ".lead-image img"),
        (article.section.get_absolute_url(), ".teaser-image img"),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        img = soup_of(response).select_one(selector)
        assert img["src"] == article.image.url, url
        assert not img.has_attr("srcset"), url
        assert not img.has_attr("width"), url


def test_an_old_row_whose_file_is_gone_still_renders(client):
    # Loading the row must not open the file (Django would, to measure it).
    article = ArticleFactory(is_breaking=True)
    Article.objects.filter(pk=article.pk).update(image="articles/2020/01/gone.jpg")

    for url in [
        Article.objects.get(pk=article.pk).get_absolute_url(),
        reverse("articles:home"),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert "/media/articles/2020/01/gone.jpg" in response.content.decode()


@pytest.mark.parametrize("page", EXPECTED_QUERIES)
def test_images_cost_no_queries(client, django_assert_num_queries, page):
    url = build_newsroom(1)[page]
    for article in Article.objects.all():
        article.image.save("scene.jpg", ContentFile(plain_jpeg(960, 540)))
    cold, warm = EXPECTED_QUERIES[page]

    empty_reader_caches()
    with django_assert_num_queries(cold):
        response = client.get(url)
    assert response.status_code == 200
    assert ".480w.webp" in response.content.decode()
    with django_assert_num_queries(warm):
        assert client.get(url).status_code == 200
