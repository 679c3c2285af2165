"""What readers read most in an edition over the last 24 hours, from our own counts."""

from datetime import timedelta

from django.conf import settings
from django.db.models import OuterRef, Subquery, Sum
from django.utils import timezone

from articles.models import Article
from readership.models import ReadingCount

MOST_READ_COUNT = 5
WINDOW = timedelta(hours=24)


def most_read(language: str) -> list[Article]:
    """The edition's most read published articles of the last 24 hours, each read
    at least ``MOST_READ_MIN_VIEWS`` times: one query, over the hourly rows of one
    day (an index range), never the archive."""
    since = (timezone.now() - WINDOW).replace(minute=0, second=0, microsecond=0)
    day = ReadingCount.objects.in_edition(language).since(since)
    # Some of the most read may have been withdrawn since: a few spare.
    leaders = (
        day.values("article_id")
        .annotate(total=Sum("views"))
        .filter(total__gte=settings.MOST_READ_MIN_VIEWS)
        .order_by("-total", "-article_id")
        .values("article_id")[: MOST_READ_COUNT * 3]
    )
    reads = (
        day.filter(article_id=OuterRef("pk"))
        .values("article_id")
        .annotate(total=Sum("views"))
        .values("total")
    )
    return list(
        Article.objects.published()
        .in_edition(language)
        .filter(pk__in=leaders)
        .for_listing()
        .annotate(reads=Subquery(reads))
        .order_by("-reads", "-pk")[:MOST_READ_COUNT]
    )
