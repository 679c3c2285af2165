"""Editors' writes that readers see: publishing and withdrawing, linking
translations, and storing an older image again the way uploads are stored now.

Admin actions and anything else call these; each runs in a transaction, and the
cache refresh follows on commit (see ``articles.signals``).
"""

import posixpath
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction

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


@transaction.atomic
def article_image_clean(*, article: Article) -> None:
    """Store an image saved before uploads were cleaned (no renditions on the row)
    the way they are now: without metadata, upright, with renditions. The clean copy
    gets a name of its own; the old file is deleted once this commits.

    Raises ``FileNotFoundError`` when the file is gone and
    ``articles.images.UnsafeImageError`` when it is no image this site stores.
    """
    with article.image.open("rb") as stored:
        data = stored.read()
    article.image.save(
        posixpath.basename(article.image.name), ContentFile(data), save=False
    )
    article.save(
        update_fields=["image", "image_width", "image_height", "image_renditions"]
    )
