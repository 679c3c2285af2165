"""What feeds and sitemaps read: every read starts from the published articles, so
drafts, articles in review, scheduled and withdrawn ones never appear."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import (
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    Prefetch,
    QuerySet,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from articles.models import Article, Keyword, KeywordListing
from people.models import Credit, Person
from readercache.fragments import cached_for_readers

FEED_SIZE = 20
# Articles per sitemap page are those whose id falls in one range of this many ids:
# each page reads one range of the primary key, whatever the archive's size.
SITEMAP_ID_RANGE = 2000
NEWS_WINDOW = timedelta(hours=48)
NEWS_PAGE_SIZE = 1000


def modified_at(article: Article) -> datetime:
    """When readers were last told the article changed: its newest correction or
    update, else its publication (the "Updated" time its page shows)."""
    if article.last_note_at and article.last_note_at > article.published_at:
        return article.last_note_at
    return article.published_at


def _modified_expression():
    return Greatest("published_at", Coalesce("last_note_at", "published_at"))


def editions() -> list[str]:
    return [language for language, _name in settings.LANGUAGES]


# Feeds.


def credits_prefetch() -> Prefetch:
    return Prefetch(
        "byline_credits",
        queryset=Credit.objects.select_related("person").order_by(
            "role", "position", "pk"
        ),
        to_attr="feed_credits",
    )


def for_feed(articles: QuerySet[Article]) -> list[Article]:
    """The newest ``FEED_SIZE`` of ``articles`` with all a feed entry shows: body,
    section, keywords, credits and their people (four queries)."""
    return list(
        articles.select_related("section")
        .prefetch_related("keywords", credits_prefetch())
        .newest_first()[:FEED_SIZE]
    )


def newest_change(articles: QuerySet[Article]) -> datetime | None:
    """The newest ``modified_at`` among the entries a feed of ``articles`` shows:
    one query of two columns."""
    rows = articles.newest_first().values_list("published_at", "last_note_at")
    times = [max(p, n or p) for p, n in rows[:FEED_SIZE]]
    return max(times, default=None)


def edition_articles(language: str) -> QuerySet[Article]:
    return Article.objects.published().in_edition(language)


def keyword_articles(keyword: Keyword, language: str) -> QuerySet[Article]:
    # The keyword listing's index gives the newest ids; the articles follow by id.
    ids = KeywordListing.objects.for_keyword(
        keyword=keyword, language=language
    ).values_list("article_id", flat=True)[:FEED_SIZE]
    return Article.objects.published().filter(pk__in=list(ids))


def person_articles(person: Person, language: str) -> QuerySet[Article]:
    credited = Credit.objects.filter(person=person).values("article_id")
    return edition_articles(language).filter(pk__in=credited)


# Sitemaps.


@dataclass(frozen=True)
class SitemapPage:
    language: str
    number: int
    lastmod: datetime


def _load_sitemap_pages() -> list[SitemapPage]:
    range_of_id = ExpressionWrapper(
        (F("pk") - 1) / SITEMAP_ID_RANGE, output_field=IntegerField()
    )
    rows = (
        Article.objects.published()
        .filter(language__in=editions())
        .annotate(id_range=range_of_id)
        .values("language", "id_range")
        .annotate(lastmod=Max(_modified_expression()))
        .order_by("language", "id_range")
    )
    return [
        SitemapPage(row["language"], row["id_range"] + 1, row["lastmod"])
        for row in rows
    ]


def sitemap_pages() -> list[SitemapPage]:
    """Every edition's article sitemap pages that hold an article, with the newest
    change on each: one grouped query, kept until the next change readers see."""
    return cached_for_readers("sitemap-pages", _load_sitemap_pages)


@dataclass(frozen=True)
class SitemapEntry:
    pk: int
    slug: str
    lastmod: datetime
    # The published translation's edition, id and slug, if it has one.
    translation: tuple[str, int, str] | None


SITEMAP_COLUMNS = (
    "pk",
    "slug",
    "language",
    "status",
    "published_at",
    "last_note_at",
    "translation__pk",
    "translation__slug",
    "translation__language",
    "translation__status",
    "translation__published_at",
)


def sitemap_range_query(number: int) -> QuerySet:
    """The columns a sitemap shows of every article whose id is in page
    ``number``'s range. Only the primary key is in the condition, so every database
    reads that one index range (at most ``SITEMAP_ID_RANGE`` rows), however large
    the archive: a condition on the edition or status would lead SQLite to read the
    edition's whole range of its publication index instead."""
    first = (number - 1) * SITEMAP_ID_RANGE + 1
    return (
        Article.objects.filter(pk__gte=first, pk__lt=first + SITEMAP_ID_RANGE)
        .order_by("pk")
        .values_list(*SITEMAP_COLUMNS)
    )


def _is_published(status: str, published_at: datetime | None, now: datetime) -> bool:
    # Article.is_published, on the columns read (rows, not instances, keep a page
    # of 2,000 ids cheap).
    return (
        status == Article.Status.PUBLISHED
        and published_at is not None
        and published_at <= now
    )


def sitemap_articles(*, language: str, number: int) -> list[SitemapEntry]:
    """The published articles of one edition's sitemap page, in id order."""
    now = timezone.now()
    entries = []
    for row in sitemap_range_query(number):
        pk, slug, edition, status, published_at, last_note_at, *other = row
        if edition != language or not _is_published(status, published_at, now):
            continue
        other_pk, other_slug, other_edition, other_status, other_published = other
        translation = None
        if other_pk and _is_published(other_status, other_published, now):
            translation = (other_edition, other_pk, other_slug)
        lastmod = max(published_at, last_note_at or published_at)
        entries.append(SitemapEntry(pk, slug, lastmod, translation))
    return entries


def news_cutoff() -> datetime:
    return timezone.now() - NEWS_WINDOW


def news_counts() -> dict[str, int]:
    """How many articles each edition first published in the news window."""
    rows = (
        Article.objects.published()
        .filter(language__in=editions(), published_at__gt=news_cutoff())
        .values("language")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["language"]: row["count"] for row in rows}


def news_articles(*, language: str, number: int) -> list[Article]:
    """One news sitemap page: articles first published in the last 48 hours, newest
    first, at most ``NEWS_PAGE_SIZE``."""
    start = (number - 1) * NEWS_PAGE_SIZE
    return list(
        edition_articles(language)
        .filter(published_at__gt=news_cutoff())
        .only("pk", "slug", "language", "title", "published_at")
        .newest_first()[start : start + NEWS_PAGE_SIZE]
    )
