"""Reads that serve more than one page part: the ticker, the front page's blocks.

Each is one cached query over the current edition's published articles; the cache
refreshes on every visible change (see ``readercache``), and each edition has its
own entries.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import connection, connections
from django.db.models import IntegerField, Value
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import get_language

from articles.models import Article, KeywordListing, Section
from readercache.fragments import cached_for_readers

LATEST_COUNT = 24
BREAKING_COUNT = 5
TICKER_COUNT = 12
SECTION_BLOCK_SIZE = 4
FRONT_LATEST_COUNT = 10


@dataclass(frozen=True)
class SectionBlock:
    section: Section
    articles: list[Article]

    @property
    def columns(self) -> int:
        """How many of the front page's columns the block needs: one per story, so
        a section with one new story takes a quarter of a row, not the whole row."""
        return max(1, min(len(self.articles), SECTION_BLOCK_SIZE))


@dataclass(frozen=True)
class FrontPage:
    lead: Article | None
    latest: list[Article]
    section_blocks: list[SectionBlock]


def next_scheduled_query():
    # Naming every edition lets the database read each edition's range of the
    # (language, status, published_at) index instead of the whole index.
    editions = [language for language, _name in settings.LANGUAGES]
    return Article.objects.scheduled().filter(language__in=editions)


def next_change_by_time() -> datetime | None:
    """When the next scheduled article goes live or the next breaking one stops
    leading the ticker, whichever comes first: one query of two scalar subqueries,
    each the first entry of an index range (scheduled times; breaking ends), so its
    cost does not grow with the archive (an OR of the two read the whole edition's
    range on SQLite)."""
    now = timezone.now()
    first_scheduled = (
        next_scheduled_query().order_by("published_at").values("published_at")[:1]
    )
    first_breaking_end = (
        Article.objects.filter(
            language__in=[language for language, _name in settings.LANGUAGES],
            status=Article.Status.PUBLISHED,
            published_at__lte=now,
            breaking_until__gt=now,
        )
        .order_by("breaking_until")
        .values("breaking_until")[:1]
    )
    moments = _first_rows_of(first_scheduled, first_breaking_end)
    return min((m for m in moments if m is not None), default=None)


def _first_rows_of(*querysets) -> list:
    """The one value each of ``querysets`` (each sliced to one row of one column)
    selects, in one statement of scalar subqueries; None for an empty one."""
    parts, params = [], []
    for queryset in querysets:
        sql, part_params = queryset.query.sql_with_params()
        parts.append(f"({sql})")
        params.extend(part_params)
    field = Article._meta.get_field("published_at")
    connection = connections[Article.objects.db]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    converters = connection.ops.get_db_converters(field.get_col(Article._meta.db_table))
    values = []
    for value in row:
        for converter in converters:
            value = converter(value, field, connection)
        values.append(value)
    return values


def next_scheduled_publication() -> datetime | None:
    """When what readers see next changes by time alone: the next scheduled article
    goes live, or a breaking one stops leading the ticker. Every cached page and
    block expires then (registered with ``readercache.expire_at``, which asks once
    per version)."""
    return next_change_by_time()


def _cached(name, build):
    return cached_for_readers(f"{name}:{get_language()}", build)


def _edition_articles():
    return Article.objects.published().in_current_edition()


def listing_count(name: str, queryset) -> int:
    """How many items a section's or keyword's listing holds in this edition: counted
    once per site version (publishing and withdrawing bump it) and again when a
    scheduled article goes live."""
    return _cached(f"count:{name}", queryset.count)


def navigation_sections() -> list[Section]:
    return cached_for_readers(
        "sections", lambda: list(Section.objects.all()), scheduled=False
    )


@dataclass(frozen=True)
class Headlines:
    latest: list[Article]
    breaking: list[Article]


def headlines_query():
    """One query for both lists: the newest articles, and the breaking ones however
    far back they are, as a union of two index reads: the edition's newest (a LIMIT
    read of ``article_edition_pub_idx``) and every article breaking now (a range of
    ``article_breaking_until_idx``: a handful at any time, whatever the archive).
    The breaking part is left unordered: ordered by publication time, SQLite would
    walk the edition's index instead, newest first, until it found enough."""
    articles = _edition_articles()
    newest = articles.newest_first().values("pk")[:LATEST_COUNT]
    breaking = articles.breaking().order_by().values("pk")
    return Article.objects.filter(
        pk__in=_union_of_limited_reads({"newest": newest, "breaking": breaking})
    ).for_listing()


def _load_headlines() -> Headlines:
    rows = list(headlines_query())
    return Headlines(
        latest=rows[:LATEST_COUNT],
        breaking=[article for article in rows if article.is_breaking][:BREAKING_COUNT],
    )


def headlines() -> Headlines:
    """The newest and the breaking headlines: the ticker's and the front page's one
    cached source."""
    return _cached("headlines", _load_headlines)


def latest_articles() -> list[Article]:
    return headlines().latest


def breaking_articles() -> list[Article]:
    return headlines().breaking


def ticker_articles() -> list[Article]:
    """Breaking items first, then the newest headlines, each once."""
    seen: set[int] = set()
    items = []
    for article in [*breaking_articles(), *latest_articles()]:
        if article.pk not in seen:
            seen.add(article.pk)
            items.append(article)
    return items[:TICKER_COUNT]


def _union_of_limited_reads(reads: dict) -> RawSQL:
    """The ids ``reads`` select (each of one column, most ordered and sliced), as
    one subquery: a union of bounded index reads. Each part is wrapped in a subquery
    of its own, which is how SQLite (like PostgreSQL) allows LIMIT in a compound
    statement."""
    parts, params = [], []
    for name, read in reads.items():
        sql, part_params = read.query.sql_with_params()
        parts.append(f"SELECT * FROM ({sql}) AS {name}")
        params.extend(part_params)
    return RawSQL(" UNION ALL ".join(parts), params)


def _newest_per_section_sql(*, leaving_out: list[int]) -> RawSQL:
    """The ids of each section's newest articles, as one subquery: a union of one
    indexed LIMIT read per section (``article_section_pub_idx``), so its cost does
    not grow with the archive."""
    return _union_of_limited_reads(
        {
            f"section_{section.pk}": _edition_articles()
            .in_section(section)
            .exclude(pk__in=leaving_out)
            .newest_first()
            .values("pk")[:SECTION_BLOCK_SIZE]
            for section in navigation_sections()
        }
    )


def _section_blocks(*, leaving_out: list[int]) -> list[SectionBlock]:
    # One query for every section's newest articles; the count of queries does not
    # grow with the number of sections, nor its cost with the number of articles.
    if not navigation_sections():
        return []
    newest = (
        Article.objects.filter(pk__in=_newest_per_section_sql(leaving_out=leaving_out))
        .for_listing()
        .order_by("section__position", "section__name", "-published_at", "-pk")
    )
    blocks: list[SectionBlock] = []
    for article in newest:
        if not blocks or blocks[-1].section.pk != article.section_id:
            blocks.append(SectionBlock(section=article.section, articles=[]))
        blocks[-1].articles.append(article)
    return blocks


def front_page() -> FrontPage:
    """The lead story, the latest, and a block per section of what is not above."""
    latest = latest_articles()
    shown = latest[: FRONT_LATEST_COUNT + 1]
    return FrontPage(
        lead=shown[0] if shown else None,
        latest=shown[1:],
        section_blocks=_cached(
            "section-blocks",
            lambda: _section_blocks(leaving_out=[article.pk for article in shown]),
        ),
    )


# Related articles (issue 13): pins first, then by shared keywords.
RELATED_COUNT = 4
# Of each keyword, only its newest articles are weighed: the read stays a few
# indexed LIMIT ranges however many articles carry a common keyword.
RELATED_CANDIDATES_PER_KEYWORD = 40


def _sharing_keywords(article: Article, keyword_ids: list[int], limit: int) -> list:
    """Ids of the edition's published articles sharing the most of
    ``keyword_ids`` with ``article`` (newest first among equals): one query."""
    parts, params = [], []
    for keyword_id in keyword_ids:
        newest = (
            KeywordListing.objects.for_keyword(
                keyword=keyword_id, language=article.language
            )
            .exclude(article_id=article.pk)
            .values("article_id", "published_at")[:RELATED_CANDIDATES_PER_KEYWORD]
        )
        sql, part_params = newest.query.sql_with_params()
        parts.append(f"SELECT * FROM ({sql}) AS keyword_{keyword_id}")
        params.extend(part_params)
    sql = (
        "SELECT article_id FROM (" + " UNION ALL ".join(parts) + ") AS candidates"
        " GROUP BY article_id"
        " ORDER BY COUNT(*) DESC, MAX(published_at) DESC, article_id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return [row[0] for row in cursor.fetchall()]


def _keywords_and_pins(article: Article) -> tuple[list[int], list[int]]:
    """The article's keyword ids and its pinned articles' ids: one query."""
    keywords = Article.keywords.through.objects.filter(
        article_id=article.pk
    ).values_list("keyword_id", Value(0, output_field=IntegerField()))
    pins = Article.related_pins.through.objects.filter(
        from_article_id=article.pk
    ).values_list(Value(0, output_field=IntegerField()), "to_article_id")
    rows = list(keywords.union(pins, all=True))
    return (
        [keyword for keyword, _pin in rows if keyword],
        sorted((pin for _keyword, pin in rows if pin), reverse=True),
    )


def related_articles(article: Article) -> list[Article]:
    """Up to ``RELATED_COUNT`` articles for "Related" under ``article``: its
    editors' pins that readers may see in its edition, then those sharing the most
    keywords with it. At most three queries, whatever the archive."""
    keyword_ids, pin_ids = _keywords_and_pins(article)
    pin_ids = [pk for pk in pin_ids if pk != article.pk]
    shared = (
        _sharing_keywords(article, keyword_ids, RELATED_COUNT + len(pin_ids))
        if keyword_ids
        else []
    )
    ids = list(dict.fromkeys([*pin_ids, *shared]))
    by_pk = readable_by_key(ids, article.language)
    return [by_pk[pk] for pk in ids if pk in by_pk][:RELATED_COUNT]


def readable_by_key(ids: list[int], language: str) -> dict[int, Article]:
    """Those of the articles ``ids`` names that readers of ``language`` may see, by
    key, for a listing. Read by primary key alone and checked here: given the
    published filter too, the planner may walk the whole edition's index instead of
    looking up a handful of keys."""
    if not ids:
        return {}
    found = Article.objects.filter(pk__in=ids).for_listing().in_bulk()
    return {
        pk: article
        for pk, article in found.items()
        if article.language == language and article.is_published
    }
