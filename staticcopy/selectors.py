"""What changed since the last export: the articles whose pages are fetched again
under ``export_static --since``."""

from datetime import datetime

from django.urls import reverse
from django.utils import translation

from articles.models import Article, Correction
from comments.models import Comment
from staticcopy.addresses import site_key


def articles_changed_since(since: datetime) -> set[int]:
    """Articles edited, corrected or with a comment decided since ``since``, and
    their translations (whose pages link them). Listings are always fetched again;
    an article not yet in the copy (one that went live by its scheduled time) is
    fetched because its file is missing."""
    changed = set(
        Article.objects.filter(updated_at__gte=since).values_list("pk", flat=True)
    )
    changed |= set(
        Correction.objects.filter(noted_at__gte=since).values_list(
            "article_id", flat=True
        )
    )
    changed |= set(
        Comment.objects.filter(decided_at__gte=since).values_list(
            "article_id", flat=True
        )
    )
    changed |= set(
        Article.objects.filter(pk__in=changed, translation__isnull=False).values_list(
            "translation_id", flat=True
        )
    )
    return changed


def article_addresses(pks: set[int]) -> list[str]:
    """The full and the lite page of each of these articles, whatever their status
    (a taken-down one's pages are to leave the copy)."""
    addresses = []
    for article in Article.objects.filter(pk__in=pks).only("pk", "slug", "language"):
        with translation.override(article.language):
            addresses.append(site_key(article.get_absolute_url()))
            addresses.append(site_key(reverse("lite:article", args=[article.pk])))
    return addresses
