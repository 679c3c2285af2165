"""sitemap.xml is an index of both editions' sitemaps; each article sitemap page
holds the published articles of one id range, with their translations as hreflang
pairs and their last change."""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from syndication.selectors import SITEMAP_ID_RANGE
from tests.factories import ArticleFactory
from tests.syndication.helpers import NS, full_article, xml_of

pytestmark = pytest.mark.django_db


def locs(root, path="sm:url/sm:loc"):
    return [loc.text for loc in root.findall(path, NS)]


def page_of(article) -> int:
    """The article sitemap that holds ``article`` (ids need not start at 1: on
    PostgreSQL the sequence runs on across tests)."""
    return (article.pk - 1) // SITEMAP_ID_RANGE + 1


def in_edition(language, name, **kwargs):
    with translation.override(language):
        return "http://testserver" + reverse(name, kwargs=kwargs or None)


def test_the_index_lists_both_editions_sitemaps(client):
    articles = {"en": ArticleFactory(), "ar": ArticleFactory(language="ar")}

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = xml_of(response)
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    listed = locs(root, "sm:sitemap/sm:loc")
    for language in ("en", "ar"):
        assert in_edition(language, "syndication:sitemap_pages") in listed
        number = page_of(articles[language])
        assert in_edition(language, "syndication:sitemap_articles", number=number) in (
            listed
        )
        assert in_edition(language, "syndication:sitemap_news", number=1) in listed
    assert len(listed) == 6


def test_an_article_page_holds_the_editions_articles_with_hreflang_pairs(client):
    article = full_article()
    lone = ArticleFactory()
    ArticleFactory(draft=True)
    ArticleFactory(scheduled=True)
    ArticleFactory(status=Article.Status.REMOVED)

    number = page_of(article)
    root = xml_of(
        client.get(reverse("syndication:sitemap_articles", kwargs={"number": number}))
    )

    urls = {url.find("sm:loc", NS).text: url for url in root.findall("sm:url", NS)}
    expected = {
        f"http://testserver{a.get_absolute_url()}"
        for a in (article, lone)
        if page_of(a) == number
    }
    assert set(urls) == expected
    paired = urls[f"http://testserver{article.get_absolute_url()}"]
    links = {
        link.get("hreflang"): link.get("href")
        for link in paired.findall("xhtml:link", NS)
    }
    assert links == {
        "en": f"http://testserver{article.get_absolute_url()}",
        "ar": f"http://testserver{article.translation.get_absolute_url()}",
    }
    assert all(
        link.get("rel") == "alternate" for link in paired.findall("xhtml:link", NS)
    )
    lastmod = datetime.fromisoformat(paired.find("sm:lastmod", NS).text)
    assert lastmod == article.last_note_at
    if page_of(lone) == number:
        lone_url = urls[f"http://testserver{lone.get_absolute_url()}"]
        assert lone_url.findall("xhtml:link", NS) == []


def test_an_unpublished_translation_is_no_hreflang_pair(client):
    article = full_article()
    Article.objects.filter(pk=article.translation_id).update(
        status=Article.Status.DRAFT
    )

    root = xml_of(
        client.get(
            reverse("syndication:sitemap_articles", kwargs={"number": page_of(article)})
        )
    )

    assert root.findall("sm:url/xhtml:link", NS) == []


def test_pages_split_by_id_range_and_an_empty_range_is_not_listed(client):
    first = ArticleFactory()
    far = ArticleFactory(id=first.pk + 2 * SITEMAP_ID_RANGE)
    number = (first.pk - 1) // SITEMAP_ID_RANGE + 1

    listed = locs(xml_of(client.get("/sitemap.xml")), "sm:sitemap/sm:loc")

    assert [loc for loc in listed if "/en/sitemaps/articles-" in loc] == [
        in_edition("en", "syndication:sitemap_articles", number=number),
        in_edition("en", "syndication:sitemap_articles", number=number + 2),
    ]
    gap = reverse("syndication:sitemap_articles", kwargs={"number": number + 1})
    assert client.get(gap).status_code == 404
    third = reverse("syndication:sitemap_articles", kwargs={"number": number + 2})
    assert locs(xml_of(client.get(third))) == [
        f"http://testserver{far.get_absolute_url()}"
    ]


def test_the_pages_sitemap_lists_home_sections_and_corrections(client):
    article = ArticleFactory()

    root = xml_of(client.get(reverse("syndication:sitemap_pages")))

    assert locs(root) == [
        "http://testserver/en/",
        f"http://testserver{article.section.get_absolute_url()}",
        "http://testserver/en/corrections/",
    ]


def test_addresses_follow_the_host_asked(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "example.onion"]
    ArticleFactory()

    root = xml_of(client.get("/sitemap.xml", HTTP_HOST="example.onion"))

    assert all(
        loc.startswith("http://example.onion/")
        for loc in locs(root, "sm:sitemap/sm:loc")
    )
