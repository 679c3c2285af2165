"""A reader page rendered with nothing cached (as after any visible change) costs
the same with a ten times larger archive: the same queries, and each reads about
as much of the archive (issue 11: the front page's section blocks once ranked every
article of the edition; at 100,000 articles that took 0.6 s).

What each query reads is measured, not guessed from the plan's text: on SQLite the
virtual machine's steps while the query runs and its rows are fetched (a progress
handler), on PostgreSQL the rows every scan of an archive table produced or
filtered out (EXPLAIN ANALYZE, with sequential scans, sorts and bitmap scans
disabled so that the planner takes the index path a large table gets; a query with
no index to use scans and sorts anyway, and reads more). The one exception is a
listing's count (``SELECT COUNT(*)``), which must grow with what it counts: it is
kept until the next visible change, and must be answered from an index alone.
"""

import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.caches import empty_reader_caches
from tests.comments.helpers import CommentFactory
from tests.factories import ArticleFactory, KeywordFactory, SectionFactory

pytestmark = pytest.mark.django_db

SMALL, LARGE = 100, 1000
# Growth allowed to a query's work when the archive grows tenfold: it may differ a
# little (a few more index levels, ties), never by the archive's factor.
ALLOWED_GROWTH = 1.5
SLACK = 3
ARCHIVE_TABLES = (
    "articles_article",
    "articles_keywordlisting",
    "articles_article_keywords",
    "comments_comment",
)
# What PostgreSQL's planner prefers for a test's few hundred rows (read them all,
# then sort) and would not for the archive: turned off, so that it takes the index
# path; where a query has none, it reads and sorts everything anyway, and is caught.
TINY_TABLE_SHORTCUTS = ("seqscan", "sort", "bitmapscan")
COUNT = re.compile(r"^\s*SELECT\s+COUNT\(\*\)", re.IGNORECASE)


def add_articles(newsroom: dict, count: int) -> None:
    """``count`` more published articles, older than every one before, spread over
    the newsroom's sections and keywords."""
    sections, keywords = newsroom["sections"], newsroom["keywords"]
    oldest = newsroom.get("oldest", timezone.now())
    for n in range(count):
        ArticleFactory(
            section=sections[n % len(sections)],
            keywords=[keywords[n % len(keywords)], keywords[(n + 1) % len(keywords)]],
            published_at=oldest - timedelta(minutes=n + 1),
        )
    newsroom["oldest"] = oldest - timedelta(minutes=count)


@pytest.fixture
def newsroom():
    """A newsroom whose front matter stays as the archive grows: the newest stories
    (three breaking), two scheduled ones, one commented article; sections and
    keywords fixed."""
    sections = [SectionFactory() for _ in range(2)]
    keywords = [KeywordFactory() for _ in range(3)]
    now = timezone.now()
    lead = ArticleFactory(section=sections[0], keywords=keywords[:3], published_at=now)
    CommentFactory.create_batch(60, article=lead)
    for n in range(3):
        ArticleFactory(section=sections[n % 2], is_breaking=True)
    for n in range(2):
        ArticleFactory(section=sections[n], scheduled=True)
    newsroom = {"sections": sections, "keywords": keywords, "oldest": now}
    add_articles(newsroom, SMALL - 4)
    newsroom["pages"] = {
        "home": reverse("articles:home"),
        "article": lead.get_absolute_url(),
        "article comments 2": lead.get_absolute_url() + "?comments=2",
        "section": sections[0].get_absolute_url(),
        "section page 2": sections[0].get_absolute_url() + "?page=2",
        "keyword": keywords[0].get_absolute_url(),
        "keyword page 2": keywords[0].get_absolute_url() + "?page=2",
    }
    return newsroom


class ArchiveReads:
    """What each query of one request read of the archive, in order."""

    def __init__(self):
        self.queries: list[dict] = []
        self.steps = 0

    def __call__(self, execute, sql, params, many, context):
        self.queries.append({"sql": sql, "params": params, "steps_before": self.steps})
        return execute(sql, params, many, context)

    def tick(self) -> int:
        self.steps += 1
        return 0  # go on

    def measure(self, client, url: str) -> list[dict]:
        connection.ensure_connection()
        sqlite = connection.vendor == "sqlite"
        if sqlite:
            connection.connection.set_progress_handler(self.tick, 20)
        try:
            with connection.execute_wrapper(self):
                response = client.get(url)
        finally:
            if sqlite:
                connection.connection.set_progress_handler(None, 0)
        assert response.status_code == 200, url
        # On SQLite a query's work runs from its start to the next one's: its rows
        # are fetched after it returns, and rendering runs no SQL.
        ends = [query["steps_before"] for query in self.queries[1:]] + [self.steps]
        for query, end in zip(self.queries, ends, strict=True):
            query["plan"], rows_read = explained(query["sql"], query["params"])
            query["work"] = end - query["steps_before"] if sqlite else rows_read
        return self.queries


def explained(sql: str, params) -> tuple[str, int | None]:
    """The query's plan, and on PostgreSQL the rows its scans of archive tables
    produced or filtered out, over every loop (EXPLAIN ANALYZE)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return "\n".join(row[-1] for row in cursor.fetchall()), None
        for method in TINY_TABLE_SHORTCUTS:
            cursor.execute(f"SET LOCAL enable_{method} = off")
        try:
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        finally:
            for method in TINY_TABLE_SHORTCUTS:
                cursor.execute(f"SET LOCAL enable_{method} = on")
    if isinstance(plan, str):
        plan = json.loads(plan)
    rows, text, nodes = 0, [], [plan[0]["Plan"]]
    while nodes:
        node = nodes.pop()
        nodes.extend(node.get("Plans", []))
        text.append(f"{node['Node Type']} {node.get('Relation Name', '')}".strip())
        if node.get("Relation Name") in ARCHIVE_TABLES:
            produced = node.get("Actual Rows", 0)
            produced += node.get("Rows Removed by Filter", 0)
            rows += produced * node.get("Actual Loops", 1)
    return "\n".join(text), rows


def full_scans(plan: str) -> list[str]:
    """Steps of a plan that read a whole archive table (or a whole index of it)."""
    scans = [
        step
        for step in plan.splitlines()
        for table in ARCHIVE_TABLES
        if re.match(rf"^(SCAN|Seq Scan) {table}\b", step.strip())
    ]
    return scans


def cold_reads(client, url: str) -> list[dict]:
    empty_reader_caches()
    return ArchiveReads().measure(client, url)


@pytest.fixture(autouse=True)
def _every_request_rendered(settings):
    # What rendering costs; a page-cache hit reads nothing.
    settings.PAGE_CACHE = False


def test_cold_pages_read_no_more_of_a_tenfold_archive(client, newsroom):
    small = {page: cold_reads(client, url) for page, url in newsroom["pages"].items()}
    add_articles(newsroom, LARGE - SMALL)
    large = {page: cold_reads(client, url) for page, url in newsroom["pages"].items()}

    for page in newsroom["pages"]:
        assert [q["sql"] for q in large[page]] == [q["sql"] for q in small[page]], page
        for before, after in zip(small[page], large[page], strict=True):
            where = f"{page}: {after['sql'][:120]}...\n{after['plan']}"
            assert not full_scans(after["plan"]), where
            if COUNT.match(after["sql"]):
                # A count reads what it counts, from an index alone.
                assert "COVERING INDEX" in after["plan"] or (
                    connection.vendor != "sqlite" and "Seq Scan" not in after["plan"]
                ), where
                continue
            assert after["work"] <= before["work"] * ALLOWED_GROWTH + SLACK, (
                f"{before['work']} -> {after['work']}: {where}"
            )


def test_the_measure_sees_a_query_that_reads_the_whole_archive(client, newsroom):
    """The yardstick itself: a query that ranks every article (what the section
    blocks once did) is caught."""
    from articles.models import Article

    def work(count_articles: int) -> int:
        reads = ArchiveReads()
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            connection.connection.set_progress_handler(reads.tick, 20)
        try:
            with connection.execute_wrapper(reads):
                list(Article.objects.order_by("title").values("pk")[:4])
        finally:
            if connection.vendor == "sqlite":
                connection.connection.set_progress_handler(None, 0)
        query = reads.queries[0]
        query["plan"], rows = explained(query["sql"], query["params"])
        return reads.steps if rows is None else rows

    before = work(SMALL)
    add_articles(newsroom, LARGE - SMALL)
    after = work(LARGE)

    assert after > before * ALLOWED_GROWTH + SLACK
