"""Cache refresh for every change readers see, from any write path.

Refreshing derived data is the one job signals do here: a content-version bump
scheduled for after the commit, and the keyword listing rebuilt inside the
transaction of the change. Publishing and withdrawing themselves are
services (``articles.services``).
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from articles.caching import bump_content_version_on_commit
from articles.models import (
    Article,
    Correction,
    Keyword,
    KeywordListing,
    Section,
    SiteSettings,
)


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
@receiver(post_save, sender=Section)
@receiver(post_delete, sender=Section)
@receiver(post_save, sender=Keyword)
@receiver(post_delete, sender=Keyword)
@receiver(post_save, sender=Correction)
@receiver(post_delete, sender=Correction)
@receiver(m2m_changed, sender=Article.keywords.through)
def refresh_reader_caches(**kwargs):
    bump_content_version_on_commit()


@receiver(post_save, sender=Article)
def refresh_keyword_listing_of_article(sender, instance, raw=False, **kwargs):
    # In the same transaction as the change: the listing is never out of step.
    KeywordListing.objects.rebuild_for([instance.pk])


@receiver(m2m_changed, sender=Article.keywords.through)
def refresh_keyword_listing_of_links(
    sender, instance, action, reverse, pk_set, **kwargs
):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:
        # Changed from the keyword's side: pk_set names articles (none on a clear).
        articles = pk_set or KeywordListing.objects.filter(
            keyword=instance
        ).values_list("article_id", flat=True)
        article_ids = list(articles)
    else:
        article_ids = [instance.pk]
    KeywordListing.objects.rebuild_for(article_ids)


@receiver(post_save, sender=Correction)
@receiver(post_delete, sender=Correction)
def refresh_last_note_time(sender, instance, raw=False, **kwargs):
    # The article's "Updated" time, kept on its row so that its page reads no
    # corrections unless it has some; in the transaction of the change.
    newest = (
        Correction.objects.filter(article_id=instance.article_id)
        .order_by("-noted_at")
        .values("noted_at")[:1]
    )
    Article.objects.filter(pk=instance.article_id).update(last_note_at=Subquery(newest))


@receiver(post_save, sender=SiteSettings)
def refresh_site_settings(**kwargs):
    transaction.on_commit(lambda: cache.delete(SiteSettings.CACHE_KEY))
    bump_content_version_on_commit()
