"""Editors' writes that readers see: publishing and withdrawing.

Admin actions and anything else call these; each runs in a transaction, and the
cache refresh follows on commit (see ``articles.signals``).
"""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from articles.caching import bump_content_version_on_commit
from articles.models import Article, now_to_the_second


@transaction.atomic
def article_publish(
    *, articles: Iterable[Article], by: AbstractBaseUser | None = None
) -> int:
    """Publish drafts. A draft with a future time becomes scheduled; one with a past
    time is published now, so it goes to the top of the news rather than back in time.
    """
    now = now_to_the_second()
    count = 0
    for article in articles:
        if article.status == Article.Status.PUBLISHED:
            continue
        article.status = Article.Status.PUBLISHED
        if article.published_at <= now:
            article.published_at = now
        article.full_clean()
        article.save(update_fields=["status", "published_at", "updated_at"])
        count += 1
    bump_content_version_on_commit()
    return count


@transaction.atomic
def article_withdraw(
    *, articles: Iterable[Article], by: AbstractBaseUser | None = None
) -> int:
    """Take articles off the site (back to draft) without deleting them."""
    count = 0
    for article in articles:
        if article.status == Article.Status.DRAFT:
            continue
        article.status = Article.Status.DRAFT
        article.save(update_fields=["status", "updated_at"])
        count += 1
    bump_content_version_on_commit()
    return count


@transaction.atomic
def article_link_translation(*, article: Article, translation: Article | None) -> None:
    """Make ``translation`` and ``article`` each other's translation (or unlink).

    A link is always both ways: the article's former partner, and the new partner's
    former partner, are unlinked.
    """
    if translation is not None and translation.language == article.language:
        raise ValueError("A translation must be in the other edition.")
    stale = Article.objects.filter(translation=article)
    if translation is not None:
        stale = stale.exclude(pk=translation.pk)
        Article.objects.filter(translation=translation).exclude(pk=article.pk).update(
            translation=None
        )
    stale.update(translation=None)
    Article.objects.filter(pk=article.pk).update(translation=translation)
    if translation is not None:
        Article.objects.filter(pk=translation.pk).update(translation=article)
    article.translation = translation
    bump_content_version_on_commit()
