"""EXPLAIN for every hot query of the reading path, on the bench database.

    DJANGO_SETTINGS_MODULE=newsportal.settings DATABASE_URL=<bench db> \\
        .venv/bin/python -m bench.explain

(`make bench-explain` sets that up.) Prints each query and its plan; a sequential scan
over articles or comments is called out at the end.
"""

import os
import sys

import django


def hot_queries() -> dict[str, object]:
    from django.core.paginator import Paginator
    from django.db.models import Count
    from django.utils import translation

    from articles import selectors
    from articles.models import Article, Keyword, KeywordListing, Section
    from comments.models import Comment

    translation.activate("en")
    article = Article.objects.published().in_edition("en").newest_first().first()
    section = Section.objects.first()
    keyword = (
        Keyword.objects.annotate(n=Count("articles")).order_by("-n").only("pk").first()
    )
    listing = Article.objects.published().in_current_edition().for_listing()
    keyword_listing = KeywordListing.objects.for_keyword(
        keyword=keyword, language="en"
    ).values_list("article_id", flat=True)
    paginator = Paginator(keyword_listing, 20)
    approved = Comment.objects.approved().on_article(article).oldest_first()
    return {
        "article by id": Article.objects.for_detail().published().filter(pk=article.pk),
        "article's keywords": Keyword.objects.filter(articles=article),
        "headlines (latest and breaking)": selectors.headlines_query(),
        "next scheduled publication": selectors.next_scheduled_query()
        .order_by("published_at")
        .values("published_at")[:1],
        "section page 1": listing.in_section(section)[:20],
        "section count": listing.in_section(section).values("pk"),
        "keyword page 1": keyword_listing[:20],
        "keyword page 500": keyword_listing[paginator.per_page * 499 :][:20],
        "keyword count": keyword_listing,
        "keyword page's articles": listing.filter(pk__in=[article.pk]),
        "approved comment count": approved.values("pk"),
        "approved comments page": approved[:50],
        "moderation queue": Comment.objects.awaiting_moderation().order_by(
            "-created_at"
        )[:50],
    }


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsportal.settings")
    django.setup()
    from django.db import connection

    flagged = []
    for name, queryset in hot_queries().items():
        plan = queryset.explain()
        print(f"== {name}\n{queryset.query}\n-- plan ({connection.vendor}):\n{plan}\n")
        lowered = plan.lower()
        for table in ("articles_article", "comments_comment"):
            if f"seq scan on {table}" in lowered or f"scan {table}\n" in lowered + "\n":
                flagged.append(f"{name}: full scan of {table}")
    print("== sequential scans over articles or comments:", flagged or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
