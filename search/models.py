from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """An article as search knows it: derived data, rewritten on every save of the
    article (``search.signals``).

    The index itself is the database's: on PostgreSQL a ``vector`` column (tsvector,
    GIN index) of this table, on SQLite the FTS5 table ``search_fts`` whose rowid is
    the article's id; both are made by migration 0002 and written by
    ``search.backends``, which is why the model does not name them. Publication state
    is not copied here: results are read through ``Article.objects.published()``.
    """

    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_entry",
        verbose_name=_("article"),
    )
    # The body as readers read it (no markup): snippets are cut from it.
    body_text = models.TextField(_("body text"), blank=True)
    indexed_at = models.DateTimeField(_("indexed"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return str(self.article_id)
