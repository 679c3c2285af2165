"""What readers read most in an edition over the last 24 hours, from our own counts."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from articles.models import Article
from articles.selectors import readable_by_key
from readership.models import ReadingCount

MOST_READ_COUNT = 5
WINDOW = timedelta(hours=24)


def most_read(language: str) -> list[Article]:
    """The edition's most read published articles of the last 24 hours, each read
    at least ``MOST_READ_MIN_VIEWS`` times: two queries, one over the hourly rows of
    one day (an index range), one for those few articles by key; never the archive
    (asked in one query, the planner may walk the edition's articles instead)."""
    since = (timezone.now() - WINDOW).replace(minute=0, second=0, microsecond=0)
    day = ReadingCount.objects.in_edition(language).since(since)
    # Some of the most read may have been withdrawn since: a few spare.
    leaders = dict(
        day.values("article_id")
        .annotate(total=Sum("views"))
        .filter(total__gte=settings.MOST_READ_MIN_VIEWS)
        .order_by("-total", "-article_id")
        .values_list("article_id", "total")[: MOST_READ_COUNT * 3]
    )
    if not leaders:
        return []
    articles = list(readable_by_key(list(leaders), language).values())
    for article in articles:
        article.reads = leaders[article.pk]
    articles.sort(key=lambda article: (-article.reads, -article.pk))
    return articles[:MOST_READ_COUNT]
