"""The front page's section blocks: one query, one indexed LIMIT read per section,
however large the archive grows (issue 11: ranking every published article cost
0.6 s at 100,000)."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import selectors
from tests.caches import empty_reader_caches
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def build_archive(*, sections: int, per_section: int) -> None:
    now = timezone.now()
    for s in range(sections):
        section = SectionFactory()
        for n in range(per_section):
            ArticleFactory(
                section=section, published_at=now - timedelta(hours=s + n * sections)
            )


def section_block_queries() -> list[str]:
    selectors.navigation_sections()  # the chrome has read them already
    with CaptureQueriesContext(connection) as queries:
        selectors.front_page()
    return [query["sql"] for query in queries if is_section_blocks(query["sql"])]


def is_section_blocks(sql: str) -> bool:
    # The headlines are a union too; the blocks' parts are named after sections.
    return re.search(r"\bAS section_\d+", sql) is not None


@pytest.mark.parametrize(("sections", "per_section"), [(2, 12), (6, 12)])
def test_the_section_blocks_are_one_query_whatever_the_size(sections, per_section):
    build_archive(sections=sections, per_section=per_section)
    empty_reader_caches()

    assert len(section_block_queries()) == 1
    front = selectors.front_page()
    assert len(front.section_blocks) == sections
    assert all(
        len(block.articles) <= selectors.SECTION_BLOCK_SIZE
        for block in front.section_blocks
    )


def test_each_block_holds_its_sections_newest_articles_not_shown_above():
    build_archive(sections=3, per_section=10)
    empty_reader_caches()

    front = selectors.front_page()
    shown = {front.lead.pk, *(article.pk for article in front.latest)}
    for block in front.section_blocks:
        expected = [
            article.pk
            for article in block.section.articles.newest_first()
            if article.pk not in shown
        ][: selectors.SECTION_BLOCK_SIZE]
        assert [article.pk for article in block.articles] == expected


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the plan is read from SQLite's EXPLAIN QUERY PLAN; PostgreSQL's is"
    " checked by bench/explain.py on the 100,000-article database",
)
def test_the_section_blocks_never_scan_the_archive():
    build_archive(sections=4, per_section=8)
    empty_reader_caches()
    selectors.navigation_sections()
    with CaptureQueriesContext(connection) as queries:
        selectors.front_page()
    query = next(q for q in queries.captured_queries if is_section_blocks(q["sql"]))
    # Re-run the captured statement with its parameters under EXPLAIN.
    newest = selectors._newest_per_section_sql(leaving_out=[])
    from articles.models import Article

    sql, params = (
        Article.objects.filter(pk__in=newest).for_listing().query.sql_with_params()
    )
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]

    assert query
    assert any("article_section_pub_idx" in step for step in plan), plan
    assert not any(step.startswith("SCAN articles_article") for step in plan), plan
