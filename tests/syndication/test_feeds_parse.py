"""Every feed (Atom and RSS, of an edition, a section, a keyword and a person)
parses with feedparser without errors and carries the full entry."""

import feedparser
import pytest
from django.urls import reverse

from articles.images import crop_name
from tests.factories import ArticleFactory
from tests.syndication.helpers import full_article

pytestmark = pytest.mark.django_db


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return response, feed


def feed_urls(article):
    person = article.feed_person
    return {
        "edition": ("syndication:edition_atom", "syndication:edition_rss", {}),
        "section": (
            "syndication:section_atom",
            "syndication:section_rss",
            {"slug": article.section.slug},
        ),
        "keyword": (
            "syndication:keyword_atom",
            "syndication:keyword_rss",
            {"slug": "water"},
        ),
        "person": (
            "syndication:person_atom",
            "syndication:person_rss",
            {"slug": person.slug},
        ),
    }


@pytest.fixture
def article():
    article = full_article()
    article.feed_person = article.byline_credits.get(position=0).person
    return article


@pytest.mark.parametrize("kind", ["edition", "section", "keyword", "person"])
def test_the_atom_feed_carries_every_field(client, article, kind):
    atom, _rss, kwargs = feed_urls(article)[kind]

    response, feed = parsed(client, reverse(atom, kwargs=kwargs))

    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.version == "atom10"
    assert feed.feed.language == "en"
    (entry,) = feed.entries
    assert entry.title == article.title
    assert entry.link == f"http://testserver{article.get_absolute_url()}"
    assert entry.summary == article.lead
    assert "Second." in entry.content[0].value
    # Relative links in the body resolve against the article's address.
    assert 'href="http://testserver/en/sections/x/"' in entry.content[0].value
    assert [a.name for a in entry.authors] == ["Lina Saleh", "Omar Haddad"]
    assert entry.authors[0].href.endswith("/en/people/lina-saleh/")
    assert [c.name for c in entry.contributors] == ["Rami Aziz"]
    assert entry.published_parsed[:6] == article.published_at.utctimetuple()[:6]
    assert entry.updated_parsed[:6] == article.last_note_at.utctimetuple()[:6]
    (image,) = entry.media_content
    assert image["url"] == "http://testserver" + article.image.storage.url(
        crop_name(article.image.name, (16, 9))
    )
    assert (image["width"], image["height"]) == ("1200", "675")
    assert {tag.term for tag in entry.tags} == {article.section.name, "Water"}
    assert entry.id.startswith("urn:uuid:")


@pytest.mark.parametrize("kind", ["edition", "section", "keyword", "person"])
def test_the_rss_feed_carries_every_field(client, article, kind):
    _atom, rss, kwargs = feed_urls(article)[kind]

    response, feed = parsed(client, reverse(rss, kwargs=kwargs))

    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed.version == "rss20"
    assert feed.feed.language == "en"
    (entry,) = feed.entries
    assert entry.title == article.title
    assert entry.summary == article.lead
    assert "Second." in entry.content[0].value
    # One dc:creator each.
    assert response.content.count(b"<dc:creator>") == 2
    assert b"<dc:creator>Omar Haddad</dc:creator>" in response.content
    assert b"<dc:contributor>Rami Aziz</dc:contributor>" in response.content
    assert entry.published_parsed[:6] == article.published_at.utctimetuple()[:6]
    assert entry.media_content[0]["width"] == "1200"


def test_the_arabic_feed_is_in_arabic_and_holds_only_arabic_articles(client):
    english = ArticleFactory(title="An English story")
    arabic = ArticleFactory(language="ar", title="خبر عربي")

    with_arabic = client.get("/ar/feed/")
    feed = feedparser.parse(with_arabic.content)

    assert feed.bozo == 0
    assert b'xml:lang="ar"' in with_arabic.content
    assert [e.title for e in feed.entries] == [arabic.title]
    assert english.title not in with_arabic.content.decode()


def test_a_hostile_title_is_escaped_in_the_feed(client):
    ArticleFactory(title="</title><script>alert(1)</script> & more")

    response = client.get(reverse("syndication:edition_atom"))
    feed = feedparser.parse(response.content)

    assert feed.bozo == 0
    assert feed.entries[0].title == "</title><script>alert(1)</script> & more"
    assert b"<script>" not in response.content


def test_an_unknown_section_keyword_or_person_feed_is_404(client):
    for name in ("section_atom", "keyword_rss", "person_atom"):
        response = client.get(reverse(f"syndication:{name}", kwargs={"slug": "none"}))
        assert response.status_code == 404
