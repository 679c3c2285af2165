"""Related articles: the editors' pins first, then the articles sharing the most
keywords, of the same edition, never the article itself; a constant number of
queries, cached with the page's other fragments."""

import pytest
from bs4 import BeautifulSoup

from articles.models import Article
from articles.selectors import related_articles
from tests.factories import ArticleFactory, KeywordFactory


@pytest.fixture
def keywords(db):
    return KeywordFactory.create_batch(3)


def test_articles_sharing_more_keywords_come_first(keywords):
    a, b, c = keywords
    story = ArticleFactory(keywords=[a, b, c])
    one = ArticleFactory(keywords=[a])
    three = ArticleFactory(keywords=[a, b, c])
    two = ArticleFactory(keywords=[b, c])
    ArticleFactory()  # no keyword in common
    assert related_articles(story) == [three, two, one]


def test_same_edition_published_and_not_itself(keywords):
    a = keywords[0]
    story = ArticleFactory(keywords=[a])
    ArticleFactory(keywords=[a], language="ar")
    ArticleFactory(keywords=[a], draft=True)
    ArticleFactory(keywords=[a], scheduled=True)
    visible = ArticleFactory(keywords=[a])
    assert related_articles(story) == [visible]


def test_pins_come_first_when_readers_may_see_them(keywords):
    a = keywords[0]
    story = ArticleFactory(keywords=[a])
    by_keyword = ArticleFactory(keywords=[a])
    pinned = ArticleFactory()
    pinned_draft = ArticleFactory(draft=True)
    pinned_other_edition = ArticleFactory(language="ar")
    story.related_pins.add(pinned, pinned_draft, pinned_other_edition, story)
    assert related_articles(story) == [pinned, by_keyword]


def test_related_queries_stay_flat(keywords, django_assert_num_queries):
    a, b, c = keywords
    story = ArticleFactory(keywords=[a, b, c])
    story.related_pins.add(*ArticleFactory.create_batch(2))
    ArticleFactory.create_batch(3, keywords=[a, b])
    with django_assert_num_queries(3) as few:
        related_articles(story)
    ArticleFactory.create_batch(20, keywords=[a, b, c])
    story.related_pins.add(*ArticleFactory.create_batch(2))
    with django_assert_num_queries(len(few)):
        assert len(related_articles(story)) == 4


def test_the_article_page_shows_them(client, keywords):
    a = keywords[0]
    story = ArticleFactory(keywords=[a])
    other = ArticleFactory(keywords=[a], title="Also about it")
    page = BeautifulSoup(client.get(story.get_absolute_url()).content, "html.parser")
    links = page.select(".related-articles a")
    assert [(link.text, link["href"]) for link in links] == [
        ("Also about it", other.get_absolute_url())
    ]


def test_an_article_without_related_has_no_block(client, db):
    story = ArticleFactory()
    page = BeautifulSoup(client.get(story.get_absolute_url()).content, "html.parser")
    assert page.select_one(".related-articles") is None
    assert Article.objects.count() == 1
