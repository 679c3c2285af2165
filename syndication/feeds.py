"""Atom feeds (and RSS 2.0 beside them) of each edition, section, keyword and
person: the newest published articles with their full text.

Feeds are readers' pages like any other: cached by ``readercache`` and retired by
the same rule (a change of an article, a section, a keyword, a person or a credit),
answered conditionally with the page's ETag, and with ``Last-Modified`` (the newest
entry's time) for readers that only send ``If-Modified-Since``.
"""

from dataclasses import dataclass
from uuid import NAMESPACE_URL, uuid5

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import condition

from articles.models import Article, Keyword, Section, SiteSettings
from articles.richtext import sanitize_body
from people.models import Person
from readercache.fragments import cached_for_readers
from readercache.pages import cache_page_for_readers
from syndication import selectors
from syndication.feedformats import NewsAtomFeed, NewsRssFeed
from syndication.meta import (
    article_images,
    authors_of,
    describe_listing,
    translators_of,
)


@dataclass(frozen=True)
class FeedSource:
    """What one feed shows, and the request it answers (for absolute addresses)."""

    request: HttpRequest
    title: str
    description: str
    page: str  # the listing page the feed follows
    articles: QuerySet[Article]  # not yet read


@dataclass(frozen=True)
class Entry:
    article: Article
    request: HttpRequest


class ArticleFeed(Feed):
    feed_type = NewsAtomFeed

    def get_object(self, request, **kwargs) -> FeedSource:
        raise NotImplementedError

    def title(self, source):
        return source.title

    def subtitle(self, source):
        return source.description

    def description(self, source):
        return source.description

    def link(self, source):
        return source.page

    def items(self, source):
        articles = selectors.for_feed(source.articles)
        return [Entry(article, source.request) for article in articles]

    def item_title(self, entry):
        return entry.article.title

    def item_description(self, entry):
        return entry.article.lead

    def item_link(self, entry):
        return entry.article.get_absolute_url()

    def item_guid(self, entry):
        # Stable across new slugs and hosts: a reader's app shows an edited
        # headline as the same story.
        return article_uuid(entry.article)

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.article.published_at

    def item_updateddate(self, entry):
        return selectors.modified_at(entry.article)

    def item_categories(self, entry):
        article = entry.article
        return [
            article.section.local_name,
            *(k.local_name for k in article.keywords.all()),
        ]

    def item_extra_kwargs(self, entry):
        article, credits = entry.article, entry.article.feed_credits
        images = article_images(article, entry.request)
        return {
            "content": sanitize_body(article.body),
            "authors": authors_of(article, credits, entry.request),
            "translators": translators_of(article, credits, entry.request),
            "image": images[0] if images else None,
        }

    def latest_change(self, request, **kwargs):
        """When the feed's newest entry changed, for ``Last-Modified``."""

        def newest():
            source = self.get_object(request, **kwargs)
            return selectors.newest_change(source.articles)

        return cached_for_readers(f"feed-change:{request.path}", newest)


def article_uuid(article) -> str:
    """The entry's id: the same on every host the feed is read from (the site, its
    onion, a mirror), and naming none of them, so that an onion or mirror feed never
    mentions the blocked domain."""
    return uuid5(NAMESPACE_URL, f"{settings.SITE_URL}/articles/{article.pk}").urn


def _site_name() -> str:
    return cached_for_readers(
        f"feed-site-name:{get_language()}",
        lambda: SiteSettings.load().for_edition().name,
        scheduled=False,
    )


class EditionFeed(ArticleFeed):
    def get_object(self, request, **kwargs):
        name = _site_name()
        return FeedSource(
            request=request,
            title=name,
            description=describe_listing("edition", name, name),
            page=reverse("articles:home"),
            articles=selectors.edition_articles(get_language()),
        )


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug, **kwargs):
        section = get_object_or_404(Section, slug=slug)
        articles = selectors.edition_articles(get_language()).in_section(section)
        return FeedSource(
            request=request,
            title=f"{section.local_name} · {_site_name()}",
            description=describe_listing("section", section.local_name, _site_name()),
            page=section.get_absolute_url(),
            articles=articles,
        )


class KeywordFeed(ArticleFeed):
    def get_object(self, request, slug, **kwargs):
        keyword = Keyword.objects.for_address(slug)
        if keyword is None:
            raise Http404
        articles = selectors.keyword_articles(keyword, get_language())
        return FeedSource(
            request=request,
            title=f"{keyword.local_name} · {_site_name()}",
            description=describe_listing("keyword", keyword.local_name, _site_name()),
            page=keyword.get_absolute_url(),
            articles=articles,
        )


class PersonFeed(ArticleFeed):
    def get_object(self, request, slug, **kwargs):
        person = Person.objects.for_address(slug)
        if person is None:
            raise Http404
        articles = selectors.person_articles(person, get_language())
        return FeedSource(
            request=request,
            title=f"{person.local_name} · {_site_name()}",
            description=describe_listing("person", person.local_name, _site_name()),
            page=person.get_absolute_url(),
            articles=articles,
        )


def served_to_readers(feed: ArticleFeed):
    """The feed as a readers' page: cached, with ETag and Last-Modified."""
    cached = cache_page_for_readers(feed)

    def last_modified(request, **kwargs):
        return feed.latest_change(request, **kwargs)

    return condition(last_modified_func=last_modified)(cached)


def _rss(feed_class: type[ArticleFeed]) -> ArticleFeed:
    feed = feed_class()
    feed.feed_type = NewsRssFeed
    return feed


edition_atom = served_to_readers(EditionFeed())
edition_rss = served_to_readers(_rss(EditionFeed))
section_atom = served_to_readers(SectionFeed())
section_rss = served_to_readers(_rss(SectionFeed))
keyword_atom = served_to_readers(KeywordFeed())
keyword_rss = served_to_readers(_rss(KeywordFeed))
person_atom = served_to_readers(PersonFeed())
person_rss = served_to_readers(_rss(PersonFeed))
