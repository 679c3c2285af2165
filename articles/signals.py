"""The keyword listing, derived data rebuilt inside the transaction of the change
(so it is never out of step). Readers' caches are refreshed by the one rule in
``readercache`` (see ``articles.apps``); publishing and withdrawing themselves are
services (``articles.services``).
"""

from django.db.models import Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from articles.models import Article, Correction, KeywordListing


@receiver(post_save, sender=Article)
def refresh_keyword_listing_of_article(sender, instance, raw=False, **kwargs):
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
