import math
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article

BODY_MAX_LENGTH = 3000


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def awaiting_moderation(self):
        return self.filter(status=Comment.Status.PENDING)

    def on_article(self, article):
        return self.filter(article=article)

    def oldest_first(self):
        return self.order_by("created_at", "pk")

    def from_sender(self, sender_hash: str):
        return self.filter(sender_hash=sender_hash)

    def since(self, moment):
        return self.filter(created_at__gte=moment)

    def decided_before(self, moment):
        return self.exclude(status=Comment.Status.PENDING).filter(decided_at__lt=moment)

    def seconds_until_sender_may_post(self, sender_hash: str, *, now) -> int | None:
        """None while the sender is under the rate limit; otherwise how long until
        enough of their recent comments have left the window."""
        window = timedelta(seconds=settings.COMMENTS_RATE_LIMIT_SECONDS)
        limit = settings.COMMENTS_RATE_LIMIT_POSTS
        recent = self.from_sender(sender_hash).since(now - window)
        count = recent.count()
        if count < limit:
            return None
        leaving = recent.order_by("created_at").values_list("created_at", flat=True)[
            count - limit
        ]
        return max(1, math.ceil((leaving + window - now).total_seconds()))


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("article"),
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("For moderators only; erased some days after the decision."),
    )
    body = models.TextField(_("comment"), max_length=BODY_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    sender_hash = models.CharField(
        _("sender"),
        max_length=32,
        db_index=True,
        help_text=_("A keyed hash of the sender's network: never the address itself."),
    )
    submission_token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(
        _("received"), default=timezone.now, db_index=True
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    email_erased_at = models.DateTimeField(_("e-mail erased"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            # The article page: approved comments of one article, oldest first.
            models.Index(
                fields=["article", "status", "created_at"],
                name="comment_article_status_idx",
            ),
            models.Index(fields=["status", "-created_at"], name="comment_queue_idx"),
            models.Index(
                fields=["sender_hash", "created_at"], name="comment_sender_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "rejected", "spam"]),
                name="comment_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.name}: {self.body[:60]}"


class SenderBanQuerySet(models.QuerySet):
    def active(self):
        return self.filter(until__gt=timezone.now())


class SenderBan(models.Model):
    """A moderator's pause on comments from one sender hash, until a chosen time."""

    sender_hash = models.CharField(_("sender"), max_length=32, db_index=True)
    until = models.DateTimeField(_("banned until"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("banned by"),
    )

    objects = SenderBanQuerySet.as_manager()

    class Meta:
        ordering = ["-until"]
        verbose_name = _("sender ban")
        verbose_name_plural = _("sender bans")

    def __str__(self):
        return self.sender_hash

    @property
    def is_active(self) -> bool:
        return self.until > timezone.now()
