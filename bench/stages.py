"""Work done inside Django, each run as ``python -m bench.run --stage NAME`` with the
bench servers' environment (so with their database, cache and settings):

- ``prepare``: choose the pages, write comment submissions that pass every check
  once, note the build and the versions (a JSON plan);
- ``probe``: queries per request and the app's own time, in-process;
- ``cleanup``: remove what the runs stored (see ``bench.breaking`` for the writer).
"""

import contextlib
import json
import os
import secrets
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from bench import CACHE_KEY_PREFIX, PROJECT_DIR

# Comment submissions prepared for the POST runs: more than any run can send.
LOAD_SUBMISSIONS = 12_000
LATENCY_SUBMISSIONS = 4_000
BENCH_EMAIL_DOMAIN = "bench.invalid"
# Articles the breaking-news writer publishes carry this slug prefix.
BENCH_SLUG_PREFIX = "bench-breaking-"
BENCH_STAFF = "bench-moderator"
CAPTCHA_ANSWER = "abcde"
KEYWORD_DEEP_PAGE = 500
PAGE_SIZE = 20
# The breaking-news reads: the newest articles, the ten most read get half.
BREAKING_ARTICLES = 200
BREAKING_TOP, BREAKING_TOP_SHARE = 10, 0.5


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsportal.settings")
    os.chdir(PROJECT_DIR)
    if str(PROJECT_DIR) not in sys.path:
        sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()


def remove_bench_leftovers() -> dict:
    """What the runs stored (comments, published articles, the writer's account
    and its audit trail) and every captcha row: a run starts and ends with the
    database as built."""
    from captcha.models import CaptchaStore
    from django.contrib.auth import get_user_model

    from articles.models import Article
    from comments.models import Comment
    from staff.models import AuditEntry

    comments, _ = Comment.objects.filter(
        email__endswith="@" + BENCH_EMAIL_DOMAIN
    ).delete()
    articles, _ = Article.objects.filter(slug__startswith=BENCH_SLUG_PREFIX).delete()
    captchas, _ = CaptchaStore.objects.all().delete()
    # The bench database's own trail of the writer: the account cannot go before it.
    audit, _ = AuditEntry.objects.filter(actor__username=BENCH_STAFF).delete()
    get_user_model().objects.filter(username=BENCH_STAFF).delete()
    return {
        "audit_entries_deleted": audit,
        "comments_deleted": comments,
        "articles_and_rows_deleted": articles,
        "captchas_deleted": captchas,
    }


def clear_bench_cache() -> None:
    """The bench servers' Redis keys (only those: the Redis may be shared)."""
    url = os.environ.get("REDIS_URL")
    if not url:
        return
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{CACHE_KEY_PREFIX}:*", count=1_000))
    for start in range(0, len(keys), 1_000):
        client.delete(*keys[start : start + 1_000])


def database_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return "SQLite " + cursor.fetchone()[0]
        cursor.execute("SHOW server_version")
        return "PostgreSQL " + cursor.fetchone()[0]


def redis_version() -> str | None:
    url = os.environ.get("REDIS_URL")
    if not url:
        return None
    import redis

    return "Redis " + redis.Redis.from_url(url).info("server")["redis_version"]


def make_submissions(article, count: int, start: int) -> list[str]:
    """``count`` url-encoded comment forms that each pass every check once."""
    import random

    from captcha.models import CaptchaStore
    from django.utils import timezone

    from bench.build import Writer
    from comments.forms import make_form_token

    writer = Writer(random.Random(start))
    expiration = timezone.now() + timedelta(hours=2)
    stores, lines = [], []
    for number in range(start, start + count):
        hashkey = secrets.token_hex(20)
        stores.append(
            CaptchaStore(
                challenge=CAPTCHA_ANSWER.upper(),
                response=CAPTCHA_ANSWER,
                hashkey=hashkey,
                expiration=expiration,
            )
        )
        form = {
            "name": f"Bench Reader {number}",
            "email": f"reader{number}@{BENCH_EMAIL_DOMAIN}",
            "body": f"Comment {number}. {writer.text('en', 80, 600)}",
            "captcha_0": hashkey,
            "captcha_1": CAPTCHA_ANSWER,
            "website": "",
            "form_token": make_form_token(article),
        }
        lines.append(urlencode(form))
    CaptchaStore.objects.bulk_create(stores, batch_size=2_000)
    return lines


def choose_pages(marker: dict) -> dict:
    """The bench article, the first section and the most used keyword."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from articles.models import Article, Keyword, Section

    english = Article.objects.published().filter(language="en")
    # The newest English article readers can see (the builder gave it a full page
    # of comments; articles scheduled later than the build are left aside).
    article = (
        english.filter(pk=marker.get("bench_article_id"), comments_open=True).first()
        or english.filter(comments_open=True).order_by("-published_at", "-pk").first()
    )
    visible = Q(
        articles__language="en",
        articles__status="published",
        articles__published_at__lte=timezone.now(),
    )
    keyword = (
        Keyword.objects.annotate(n=Count("articles", filter=visible))
        .order_by("-n")
        .first()
    )
    return {
        "article": article,
        "section": Section.objects.order_by("position", "name").first(),
        "keyword": keyword,
        # Page 500 of a full-size archive; the last page of a smaller one.
        "deep_page": min(KEYWORD_DEEP_PAGE, max(1, (keyword.n - 1) // PAGE_SIZE + 1)),
    }


def page_paths(pages: dict) -> dict:
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    article, keyword = pages["article"], pages["keyword"]
    with translation.override("en"):
        keyword_path = reverse("articles:keyword", kwargs={"slug": keyword.slug})
        paths = {
            "floor": "/health/live/",
            "article": article.get_absolute_url(),
            "home": reverse("articles:home"),
            "section": pages["section"].get_absolute_url(),
            "keyword1": keyword_path,
            "keyword_deep": f"{keyword_path}?page={pages['deep_page']}",
            "comment": reverse("comments:submit", kwargs={"article_pk": article.pk}),
        }
        # Measured when the app has that address.
        with contextlib.suppress(NoReverseMatch):
            paths["challenge"] = reverse(
                "comments:challenge", kwargs={"article_pk": article.pk}
            )
    return paths


def page_facts(pages: dict) -> dict:
    from articles.models import Article
    from comments.models import Comment

    article, section = pages["article"], pages["section"]
    return {
        "article": {
            "id": article.pk,
            "title": article.title,
            "body_bytes": len(article.body.encode()),
            "approved_comments": Comment.objects.approved().on_article(article).count(),
        },
        "section": {
            "slug": section.slug,
            "english_articles": Article.objects.published()
            .filter(language="en", section=section)
            .count(),
        },
        "keyword": {
            "slug": pages["keyword"].slug,
            "english_articles": pages["keyword"].n,
            "deep_page": pages["deep_page"],
        },
    }


def breaking_reads() -> dict:
    """The newest articles readers see, with the Zipf weights of their reads."""
    from articles.models import Article
    from bench.load import zipf_weights

    newest = list(
        Article.objects.published()
        .filter(comments_open=True)
        .newest_first()
        .only("pk", "slug", "language")[:BREAKING_ARTICLES]
    )
    weights = zipf_weights(len(newest), top=BREAKING_TOP, share=BREAKING_TOP_SHARE)
    return {
        "paths": [article.get_absolute_url() for article in newest],
        "article_ids": [article.pk for article in newest],
        "weights": weights,
    }


def write_submissions(article, folder: Path) -> dict:
    files = {}
    for name, count, start in (
        ("load", LOAD_SUBMISSIONS, 1),
        ("latency", LATENCY_SUBMISSIONS, LOAD_SUBMISSIONS + 1),
        ("spare", 20, LOAD_SUBMISSIONS + LATENCY_SUBMISSIONS + 1),
    ):
        path = folder / f"submissions-{name}.txt"
        path.write_text("\n".join(make_submissions(article, count, start)) + "\n")
        files[name] = str(path)
    return files


def stage_prepare(output: Path) -> None:
    """Choose the pages, make the comment submissions, note the build and versions."""
    setup_django()
    from articles.models import Article, Keyword
    from bench.build import read_marker
    from comments.models import Comment

    leftovers = remove_bench_leftovers()
    clear_bench_cache()
    marker = read_marker() or {}
    pages = choose_pages(marker)
    plan = {
        "paths": page_paths(pages),
        **page_facts(pages),
        "breaking": breaking_reads(),
        "submissions": write_submissions(pages["article"], output.parent),
        "build": marker,
        "leftovers_removed": leftovers,
        "database_version": database_version(),
        "redis_version": redis_version(),
        "counts": {
            "articles": Article.objects.count(),
            "keywords": Keyword.objects.count(),
            "comments": Comment.objects.count(),
        },
    }
    output.write_text(json.dumps(plan, indent=2))


def stage_probe(plan_path: Path, output: Path, host: str) -> None:
    """Queries per request, in-process, with this process's settings (the page cache
    as the environment says): the second request of each page after a warm-up; and
    each page's cold render, as after any visible change (``cold_render``)."""
    setup_django()
    from django.conf import settings
    from django.test import Client

    from bench.server import ACCEPT_ENCODING

    plan = json.loads(plan_path.read_text())
    client = Client(
        REMOTE_ADDR=host,
        HTTP_ACCEPT_LANGUAGE="en",
        HTTP_ACCEPT_ENCODING=ACCEPT_ENCODING,
    )
    results = {"page_cache": bool(getattr(settings, "PAGE_CACHE", None))}
    for page, path in plan["paths"].items():
        if page == "comment":
            continue
        measured(client, "get", path)
        results[page] = measured(client, "get", path)
        results[page]["app_ms"] = median_ms(client, path)
        results[page]["cold"] = cold_render(client, path)
    # A comment POST, with a submission prepared for this (CSRF is not enforced by
    # the test client; its check makes no query).
    spare = Path(plan["submissions"]["spare"]).read_text().split("\n")
    index = 0 if results["page_cache"] else 10
    results["comment"] = measured(
        client, "post", plan["paths"]["comment"], dict(parse_qsl(spare[index]))
    )
    output.write_text(json.dumps(results, indent=2))


def measured(client, method: str, path: str, data=None) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        started = time.perf_counter()
        response = getattr(client, method)(path, data)
        elapsed = time.perf_counter() - started
    # Read now: the next request's request_started signal empties the log.
    queries = list(context.captured_queries)
    client.cookies.clear()
    return {
        "status": response.status_code,
        "queries": len(queries),
        "db_ms": round(sum(float(q["time"]) for q in queries) * 1000, 2),
        "app_ms": round(elapsed * 1000, 2),
        "sql": [q["sql"][:400] for q in queries],
    }


def cold_render(client, path: str, times: int = 7) -> dict:
    """The page rendered with nothing cached for it, as after a visible change: the
    site's version is bumped before each request (every page, part and read cached
    for readers is then retired), and the median request is reported."""
    from readercache import versions

    runs = []
    for _ in range(times):
        versions.bump({versions.SITE})
        runs.append(measured(client, "get", path))
    runs.sort(key=lambda run: run["app_ms"])
    median = runs[len(runs) // 2]
    return {
        "status": median["status"],
        "app_ms": median["app_ms"],
        "db_ms": median["db_ms"],
        "queries": median["queries"],
        "max_ms": runs[-1]["app_ms"],
        "sql": median["sql"],
    }


def median_ms(client, path: str, times: int = 15) -> float:
    """The app's own time per request, without HTTP: the median of a few."""
    durations = []
    for _ in range(times):
        started = time.perf_counter()
        client.get(path)
        durations.append(time.perf_counter() - started)
        client.cookies.clear()
    return round(statistics.median(durations) * 1000, 2)


def stage_cleanup() -> None:
    setup_django()
    removed = remove_bench_leftovers()
    print(
        f"  removed the run's {removed['comments_deleted']:,} comments,"
        f" {removed['articles_and_rows_deleted']:,} published articles' rows and"
        f" {removed['captchas_deleted']:,} captcha rows",
        flush=True,
    )
