"""The index is derived data, rewritten inside the transaction of the article's
change, so a search never sees it out of step with what was committed. Whether a
reader may see an article is decided at query time, by ``published()``."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Article
from search.indexing import forget_article, index_article

TEXT_FIELDS = {"title", "lead", "body"}


@receiver(post_save, sender=Article)
def index_saved_article(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and not TEXT_FIELDS & set(update_fields)):
        return
    index_article(
        article_id=instance.pk,
        title=instance.title,
        lead=instance.lead,
        body=instance.body,
    )


@receiver(post_delete, sender=Article)
def forget_deleted_article(sender, instance, **kwargs):
    forget_article(article_id=instance.pk)
