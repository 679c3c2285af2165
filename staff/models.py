"""Who did what among the staff, kept: the audit trail.

Rows are only ever added (``staff.services.audit_record``); the admin shows them and
refuses every change or deletion. A sender is recorded by its keyed hash
(``newsportal.senders``), never by address.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        ARTICLE_CREATE = "article_create", _("article created")
        ARTICLE_EDIT = "article_edit", _("article edited")
        ARTICLE_PUBLISH = "article_publish", _("article published")
        ARTICLE_SCHEDULE = "article_schedule", _("article scheduled")
        ARTICLE_WITHDRAW = "article_withdraw", _("article withdrawn")
        ARTICLE_DELETE = "article_delete", _("article deleted")
        ARTICLE_SUBMIT = "article_submit", _("article submitted for review")
        ARTICLE_RESTORE = "article_restore", _("earlier version restored")
        ARTICLE_TAKE_DOWN = "article_take_down", _("article taken down everywhere")
        COMMENT_APPROVE = "comment_approve", _("comment approved")
        COMMENT_REJECT = "comment_reject", _("comment rejected")
        COMMENT_SPAM = "comment_spam", _("comment marked as spam")
        COMMENT_DELETE = "comment_delete", _("comment deleted")
        SENDER_BAN = "sender_ban", _("sender banned")
        SENDER_UNBAN = "sender_unban", _("sender ban lifted")
        LOGIN = "login", _("logged in")
        LOGIN_FAILED = "login_failed", _("failed login")
        LOCKOUT = "lockout", _("login locked")
        LOGOUT = "logout", _("logged out")
        FACTOR_ADD = "factor_add", _("second factor added")
        FACTOR_REMOVE = "factor_remove", _("second factor removed")
        FACTOR_FAILED = "factor_failed", _("wrong second-factor code")
        RECOVERY_CODES = "recovery_codes", _("recovery codes made anew")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        # A staff member with a trail is deactivated, never deleted: deleting would
        # change the rows that say what they did.
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Kept as typed, so a failed login for an unknown name, or a deleted account,
    # still says who was tried.
    username = models.CharField(_("username"), max_length=150, blank=True)
    action = models.CharField(_("what"), max_length=32, choices=Action.choices)
    object_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    sender_hash = models.CharField(_("sender"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(
                fields=["object_type", "object_id", "-at"], name="audit_object_idx"
            ),
            models.Index(fields=["actor", "-at"], name="audit_actor_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()}"


class StaffSession(models.Model):
    """Which sessions a staff member has open, so that deactivating the account can
    end them on the server (a session holds only a user id, not the reverse)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    session_key = models.CharField(max_length=40, unique=True)
    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("staff session")

    def __str__(self) -> str:
        return f"{self.user_id} since {self.started_at:%Y-%m-%d %H:%M}"
