"""Home, section, keyword and person pages have their own absolute canonical
address, Open Graph tags, and autodiscovery links to their own feeds."""

import feedparser
import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, KeywordFactory, set_site_settings
from tests.syndication.helpers import full_article, head_of

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def og(head, name):
    return [tag["content"] for tag in head.find_all("meta", property=name)]


def feeds_of(head):
    return {
        tag["type"]: tag["href"]
        for tag in head.find_all("link", rel="alternate")
        if tag.get("type")
    }


@pytest.fixture
def article():
    return full_article()


def pages(article):
    person = article.byline_credits.get(position=0).person
    return {
        "home": ("/en/", reverse("syndication:edition_atom")),
        "section": (
            article.section.get_absolute_url(),
            reverse("syndication:section_atom", kwargs={"slug": article.section.slug}),
        ),
        "keyword": (
            article.keywords.get().get_absolute_url(),
            reverse("syndication:keyword_atom", kwargs={"slug": "water"}),
        ),
        "person": (
            person.get_absolute_url(),
            reverse("syndication:person_atom", kwargs={"slug": person.slug}),
        ),
    }


@pytest.mark.parametrize("kind", ["home", "section", "keyword", "person"])
def test_each_listing_has_canonical_open_graph_and_its_feeds(client, article, kind):
    set_site_settings(name="The Orontes Dispatch", description="News from the valley")
    path, atom = pages(article)[kind]

    head = head_of(client.get(path))

    assert head.find("link", rel="canonical")["href"] == SITE + path
    # Only the canonical link names the main domain; og:url is on the host asked.
    assert og(head, "og:url") == ["http://testserver" + path]
    assert og(head, "og:type") == ["website"]
    assert og(head, "og:site_name") == ["The Orontes Dispatch"]
    assert og(head, "og:locale") == ["en_US"]
    assert og(head, "og:locale:alternate") == ["ar_AR"]
    assert og(head, "og:title") and og(head, "og:description")
    found = feeds_of(head)
    assert found["application/atom+xml"] == atom
    assert found["application/rss+xml"] == atom + "rss/"
    # What the page points at is a feed with this page's article.
    feed = feedparser.parse(client.get(atom).content)
    assert feed.bozo == 0
    assert feed.entries[0].title == article.title


def test_a_later_page_is_its_own_canonical(client):
    keyword = KeywordFactory()
    for _ in range(21):
        ArticleFactory(keywords=[keyword])

    head = head_of(client.get(keyword.get_absolute_url() + "?page=2"))

    canonical = head.find("link", rel="canonical")["href"]
    assert canonical == f"{SITE}{keyword.get_absolute_url()}?page=2"


def test_the_article_page_links_its_edition_and_section_feeds(client, article):
    head = head_of(client.get(article.get_absolute_url()))

    atoms = [
        tag["href"]
        for tag in head.find_all("link", rel="alternate", type="application/atom+xml")
    ]
    assert atoms == [
        reverse("syndication:edition_atom"),
        reverse("syndication:section_atom", kwargs={"slug": article.section.slug}),
    ]
