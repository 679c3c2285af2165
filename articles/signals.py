"""Cache refresh for every change readers see, from any write path.

Refreshing derived data is the one job signals do here: each handler only schedules a
content-version bump for after the commit. Publishing and withdrawing themselves are
services (``articles.services``).
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from articles.caching import bump_content_version_on_commit
from articles.models import Article, Keyword, Section, SiteSettings


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
@receiver(post_save, sender=Section)
@receiver(post_delete, sender=Section)
@receiver(post_save, sender=Keyword)
@receiver(post_delete, sender=Keyword)
@receiver(m2m_changed, sender=Article.keywords.through)
def refresh_reader_caches(**kwargs):
    bump_content_version_on_commit()


@receiver(post_save, sender=SiteSettings)
def refresh_site_settings(**kwargs):
    transaction.on_commit(lambda: cache.delete(SiteSettings.CACHE_KEY))
    bump_content_version_on_commit()
