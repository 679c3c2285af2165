"""Readers' search: a page of results for a query in one edition, read from the
index through ``Article.objects.published()`` and kept in the reader cache under
the normalised query, so a repeated search (however it was typed) runs no SQL
until the site changes or a scheduled article goes live."""

from dataclasses import dataclass
from datetime import datetime
from hashlib import blake2b

from django.db import connection
from django.utils.safestring import SafeString

from articles.models import Article
from readercache.fragments import cached_for_readers
from search import backends
from search.models import SearchEntry
from search.normalise import Token, tokens
from search.snippets import Matcher, excerpt, highlighted

PAGE_SIZE = 10
# Deeper pages are not offered: nobody reads them, and each costs a ranking.
MAX_PAGES = 50
# Words of a query beyond these are ignored.
MAX_QUERY_TOKENS = 12


@dataclass(frozen=True)
class Hit:
    url: str
    title: SafeString
    snippet: SafeString
    section_name: str
    section_url: str
    published_at: datetime


@dataclass(frozen=True)
class ResultPage:
    hits: list[Hit]
    number: int
    total: int

    @property
    def num_pages(self) -> int:
        return min(MAX_PAGES, -(-self.total // PAGE_SIZE))

    @property
    def first_position(self) -> int:
        return (self.number - 1) * PAGE_SIZE + 1

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def query_tokens(query: str) -> list[Token]:
    unique: dict[str, Token] = {}
    for token in tokens(query):
        unique.setdefault(token.exact, token)
    return list(unique.values())[:MAX_QUERY_TOKENS]


def _ranked_page(query: list[Token], language: str, number: int):
    """(article id, body text, total matches) of one page, best first: one query."""
    matches, params = backends.ranked_matches(query)
    published = Article.objects.published().in_edition(language).order_by().values("pk")
    published_sql, published_params = published.query.sql_with_params()
    articles = Article._meta.db_table
    entries = SearchEntry._meta.db_table
    # The matches first, once (MATERIALIZED): left inline, SQLite's planner walks
    # the edition's articles and asks the full-text index for each (300 ms at 5,000
    # articles, against under 1 ms).
    sql = (
        f"WITH m AS MATERIALIZED ({matches})"
        " SELECT m.article_id, e.body_text, COUNT(*) OVER () FROM m"
        f" JOIN {entries} e ON e.article_id = m.article_id"
        f" JOIN {articles} a ON a.id = m.article_id"
        f" WHERE m.article_id IN ({published_sql})"
        " ORDER BY m.rank DESC, a.published_at DESC, a.id DESC LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [*params, *published_params, PAGE_SIZE, (number - 1) * PAGE_SIZE],
        )
        return cursor.fetchall()


def _hit(article: Article, body_text: str, matcher: Matcher) -> Hit:
    snippet = excerpt(body_text, matcher) or highlighted(article.lead, matcher)
    return Hit(
        url=article.get_absolute_url(),
        title=highlighted(article.title, matcher),
        snippet=snippet,
        section_name=article.section.local_name,
        section_url=article.section.get_absolute_url(),
        published_at=article.published_at,
    )


def _search(query: list[Token], language: str, number: int) -> ResultPage:
    rows = _ranked_page(query, language, number)
    if not rows:
        return ResultPage(hits=[], number=number, total=0)
    by_pk = Article.objects.filter(pk__in=[row[0] for row in rows]).for_listing()
    articles = {article.pk: article for article in by_pk}
    matcher = Matcher(query)
    hits = [
        _hit(articles[pk], body_text, matcher)
        for pk, body_text, _total in rows
        if pk in articles
    ]
    return ResultPage(hits=hits, number=number, total=rows[0][2])


def search_page(*, query: str, language: str, number: int) -> ResultPage:
    """Page ``number`` of the results for ``query`` in ``language``'s edition."""
    terms = query_tokens(query)
    if not terms or not 1 <= number <= MAX_PAGES:
        return ResultPage(hits=[], number=number, total=0)
    key = " ".join(term.exact for term in terms)
    digest = blake2b(key.encode(), digest_size=16).hexdigest()
    return cached_for_readers(
        f"search:{language}:{digest}:{number}",
        lambda: _search(terms, language, number),
    )
