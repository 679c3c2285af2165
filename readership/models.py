from django.db import models
from django.utils.translation import gettext_lazy as _


class ReadingCountQuerySet(models.QuerySet):
    def since(self, moment):
        return self.filter(hour__gte=moment)

    def in_edition(self, language: str):
        return self.filter(language=language)


class ReadingCount(models.Model):
    """How many times readers opened an article's page in one hour: counted in the
    readers' cache and written here in batches (``readership.counting``). No
    address, no visitor, no time finer than the hour."""

    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("article"),
    )
    language = models.CharField(_("edition"), max_length=5)
    hour = models.DateTimeField(_("hour"))
    views = models.PositiveIntegerField(_("views"), default=0)

    objects = ReadingCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("reading count")
        verbose_name_plural = _("reading counts")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "hour"], name="reading_count_article_hour"
            ),
        ]
        indexes = [
            models.Index(fields=["language", "hour"], name="reading_count_hour_idx"),
        ]

    def __str__(self):
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}: {self.views}"
