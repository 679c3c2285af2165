"""Reads that serve more than one page part: the ticker, the front page's blocks.

Each is one cached query over the current edition's published articles; the cache
refreshes on every visible change (see ``readercache``), and each edition has its
own entries.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db.models import DateTimeField, Min, Q, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language

from articles.models import Article, Section
from readercache.fragments import cached_for_readers

LATEST_COUNT = 24
BREAKING_COUNT = 5
TICKER_COUNT = 12
SECTION_BLOCK_SIZE = 4
FRONT_LATEST_COUNT = 10
DAWN = datetime(1970, 1, 1, tzinfo=UTC)


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
    leading the ticker, whichever comes first: one query, whose two conditions each
    read an index range (scheduled times; breaking ends)."""
    now = timezone.now()
    editions = [language for language, _name in settings.LANGUAGES]
    scheduled = Q(published_at__gt=now)
    breaking = Q(published_at__lte=now, breaking_until__gt=now)
    moments = Article.objects.filter(
        Q(language__in=editions, status=Article.Status.PUBLISHED)
        & (scheduled | Q(breaking_until__gt=now))
    ).aggregate(
        scheduled=Min("published_at", filter=scheduled),
        breaking=Min("breaking_until", filter=breaking),
    )
    return min((m for m in moments.values() if m is not None), default=None)


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


def _published_at_of_nth_newest(articles, n: int):
    """The publication time of the n-th newest of ``articles``, as a subquery; the
    dawn of time when there are fewer, so that then every one of them counts."""
    nth = articles.newest_first().values("published_at")[n - 1 : n]
    return Coalesce(Subquery(nth), Value(DAWN, output_field=DateTimeField()))


def headlines_query():
    """One query for both lists: the newest articles, and the newest breaking ones
    however far back they are (a few more where times tie; see ``_load_headlines``)."""
    # Bounding both by time (rather than by "pk IN" two subqueries) lets the database
    # read two index ranges instead of every article.
    articles = _edition_articles()
    breaking = articles.breaking()
    return articles.filter(
        Q(published_at__gte=_published_at_of_nth_newest(articles, LATEST_COUNT))
        | Q(
            breaking_until__gt=timezone.now(),
            published_at__gte=_published_at_of_nth_newest(breaking, BREAKING_COUNT),
        )
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


def _newest_per_section_sql(*, leaving_out: list[int]) -> RawSQL:
    """The ids of each section's newest articles, as one subquery: a union of one
    indexed LIMIT read per section (``article_section_pub_idx``), so its cost does
    not grow with the archive. Each part is wrapped in a subquery of its own, which
    is how SQLite (like PostgreSQL) allows LIMIT in a compound statement."""
    parts, params = [], []
    for section in navigation_sections():
        newest = (
            _edition_articles()
            .in_section(section)
            .exclude(pk__in=leaving_out)
            .newest_first()
            .values("pk")[:SECTION_BLOCK_SIZE]
        )
        sql, part_params = newest.query.sql_with_params()
        parts.append(f"SELECT * FROM ({sql}) AS section_{section.pk}")
        params.extend(part_params)
    return RawSQL(" UNION ALL ".join(parts), params)


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
