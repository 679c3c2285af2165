"""At 100,000 articles the sitemap index and its pages hold the right URLs and
counts, with the same number of queries as at 200, and each page reads one range of
the primary key."""

import math

import pytest
from django.db import connection
from django.urls import reverse

from articles.models import Article
from syndication import selectors
from syndication.selectors import SITEMAP_ID_RANGE
from tests.factories import SectionFactory
from tests.syndication.helpers import NS, minutes_ago, xml_of

pytestmark = pytest.mark.django_db


def archive(count: int) -> None:
    """``count`` articles with ids 1..count, English and Arabic in turn, every
    pair of them translations of each other, and every 50th one a draft: written
    by one INSERT ... SELECT over a generated series, so that 100,000 take a
    second or two rather than minutes."""
    section = SectionFactory()
    template = Article(
        title="",
        slug="",
        lead="Lead.",
        section=section,
        # Older than the news window: these fill the article sitemaps only.
        published_at=minutes_ago(5 * 24 * 60).replace(microsecond=0),
    )
    generated = {
        "id": "n",
        "title": "'Story ' || n",
        "slug": "'story-' || n",
        "language": "CASE WHEN n %% 2 = 1 THEN 'en' ELSE 'ar' END",
        "status": "CASE WHEN n %% 50 = 0 THEN 'draft' ELSE 'published' END",
        "translation_id": "CASE WHEN n %% 2 = 1 THEN n + 1 ELSE n - 1 END",
    }
    columns, values, params = [], [], []
    for field in Article._meta.concrete_fields:
        columns.append(connection.ops.quote_name(field.column))
        if field.attname in generated or field.name in generated:
            values.append(generated.get(field.attname) or generated[field.name])
            continue
        if field.name in {"created_at", "updated_at"}:
            value = template.published_at
        else:
            value = field.pre_save(template, add=True)
        values.append("%s")
        params.append(field.get_db_prep_save(value, connection))
    if connection.vendor == "sqlite":
        series = (
            "WITH RECURSIVE series(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM"
            f" series WHERE n < {count}) SELECT {', '.join(values)} FROM series"
        )
    else:
        series = f"SELECT {', '.join(values)} FROM generate_series(1, {count}) AS n"
    table = connection.ops.quote_name(Article._meta.db_table)
    with connection.cursor() as cursor:
        # Translations point both ways inside the batch: checked at commit.
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(f"INSERT INTO {table} ({', '.join(columns)}) {series}", params)


def listed(client) -> list[str]:
    root = xml_of(client.get("/sitemap.xml"))
    return [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]


@pytest.mark.parametrize("count", [200, 100_000], ids=["200", "100k"])
def test_the_index_and_its_pages_hold_every_published_article(
    client, count, django_assert_num_queries
):
    archive(count)
    pages = math.ceil(count / SITEMAP_ID_RANGE)

    # The article pages (grouped, one query), the news counts (one query) and the
    # reader cache's next scheduled change (one query per version).
    with django_assert_num_queries(3):
        sitemaps = listed(client)

    english = [loc for loc in sitemaps if "/en/sitemaps/articles-" in loc]
    assert len(english) == pages
    assert len([loc for loc in sitemaps if "/ar/sitemaps/articles-" in loc]) == pages
    seen = 0
    for number in sorted({1, pages}):
        url = reverse("syndication:sitemap_articles", kwargs={"number": number})
        # Each page is one query, whatever its number.
        with django_assert_num_queries(1):
            response = client.get(url)
        urls = xml_of(response).findall("sm:url", NS)
        first = (number - 1) * SITEMAP_ID_RANGE + 1
        ids = range(first, min(first + SITEMAP_ID_RANGE, count + 1))
        expected = [n for n in ids if n % 2 and n % 50]
        assert len(urls) == len(expected)
        assert (
            urls[0]
            .find("sm:loc", NS)
            .text.endswith(f"/en/articles/{expected[0]}/story-{expected[0]}/")
        )
        # Every English article here has its Arabic translation as a pair.
        assert len(urls[0].findall("xhtml:link", NS)) == 2
        seen += len(urls)
    assert seen > 0


def test_every_article_of_a_100k_archive_is_on_exactly_one_listed_page(client):
    archive(100_000)

    seen = []
    for loc in listed(client):
        if "/sitemaps/articles-" in loc:
            language = loc.split("/")[3]
            number = int(loc.rsplit("-", 1)[1].removesuffix(".xml"))
            entries = selectors.sitemap_articles(language=language, number=number)
            seen += [entry.pk for entry in entries]

    assert len(seen) == len(set(seen)) == 98_000
    assert set(seen) == set(Article.objects.published().values_list("pk", flat=True))


def test_a_page_reads_one_primary_key_range():
    archive(4 * SITEMAP_ID_RANGE)

    plan = selectors.sitemap_range_query(2).explain()

    if connection.vendor == "sqlite":
        assert "USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)" in plan, plan
    else:
        assert "articles_article_pkey" in plan, plan
    assert "SCAN articles_article" not in plan
