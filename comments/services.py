"""Writes on comments: a reader's submission, moderators' decisions, deletions and
bans.

Views and admin actions call these. Each runs in a transaction; what readers see is
refreshed on commit, and moderators are notified on commit through the Tasks
framework, so a mail problem can never lose a stored comment. Each moderator's act
writes its audit row (``staff.services.audit_record``) in the same transaction.
"""

from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, connection, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext

from articles.caching import bump_content_version_on_commit
from articles.models import Article
from comments.models import Comment, SenderBan
from comments.tasks import notify_moderators
from staff.services import Action, audit_record, trail_language, trail_time

DECISION_ACTIONS = {
    Comment.Status.APPROVED: Action.COMMENT_APPROVE,
    Comment.Status.REJECTED: Action.COMMENT_REJECT,
    Comment.Status.SPAM: Action.COMMENT_SPAM,
}


class SenderRateLimited(Exception):
    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


def _lock_sender(sender_hash: str) -> None:
    """Serialise one sender's posts until the transaction ends, so that counting
    their recent comments and storing one more cannot interleave. SQLite needs
    nothing: its write transactions already take the database's write lock at BEGIN
    (``transaction_mode`` IMMEDIATE)."""
    if connection.vendor == "postgresql":
        try:
            key = int(sender_hash[:15], 16)  # 60 bits of the hash: a bigint
        except ValueError:
            key = 0
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s::bigint)", [key])


def comment_submit(
    *, article: Article, name: str, email: str, body: str, sender_hash: str, token: str
) -> Comment:
    """Store a reader's comment, awaiting moderation. The same ``token`` twice stores
    one comment: the second call returns the first. A sender over the rate limit is
    refused with ``SenderRateLimited``, however many posts arrive at once."""
    comment = Comment(
        article=article,
        name=name,
        email=email,
        body=body,
        sender_hash=sender_hash,
        submission_token=token,
    )
    comment.full_clean(exclude=["submission_token"])
    try:
        with transaction.atomic():
            _lock_sender(sender_hash)
            existing = Comment.objects.filter(submission_token=token).first()
            if existing is not None:
                return existing
            wait = Comment.objects.seconds_until_sender_may_post(
                sender_hash, now=timezone.now()
            )
            if wait is not None:
                raise SenderRateLimited(wait)
            comment.save()
    except IntegrityError:
        existing = Comment.objects.filter(submission_token=token).first()
        if existing is None:
            raise
        return existing
    transaction.on_commit(lambda: _enqueue_notification(comment.pk), robust=True)
    return comment


def _enqueue_notification(comment_pk: int) -> None:
    if settings.COMMENTS_NOTIFY_MODERATORS:
        notify_moderators.enqueue(comment_pk)


def _comment_summary(comment: Comment) -> str:
    return gettext("on “%(article)s” (%(article_id)s); before: %(status)s") % {
        "article": comment.article.title,
        "article_id": comment.article_id,
        "status": comment.get_status_display(),
    }


@transaction.atomic
def _comment_decide(
    *,
    comments: Iterable[Comment],
    status: str,
    moderator: AbstractBaseUser | None,
    request: HttpRequest | None = None,
) -> int:
    pks = [comment.pk for comment in comments]
    # As they were before the decision, for the trail's "was ...".
    decided = list(
        Comment.objects.filter(pk__in=pks)
        .select_related("article")
        .select_for_update(of=("self",))
    )
    count = Comment.objects.filter(pk__in=pks).update(
        status=status, decided_by=moderator, decided_at=timezone.now()
    )
    with trail_language():
        for comment in decided:
            audit_record(
                action=DECISION_ACTIONS[status],
                by=moderator,
                obj=comment,
                summary=_comment_summary(comment),
                request=request,
            )
    bump_content_version_on_commit()
    return count


def comment_approve(
    *,
    comments: Iterable[Comment],
    moderator: AbstractBaseUser | None,
    request: HttpRequest | None = None,
) -> int:
    return _comment_decide(
        comments=comments,
        status=Comment.Status.APPROVED,
        moderator=moderator,
        request=request,
    )


def comment_reject(
    *,
    comments: Iterable[Comment],
    moderator: AbstractBaseUser | None,
    request: HttpRequest | None = None,
) -> int:
    return _comment_decide(
        comments=comments,
        status=Comment.Status.REJECTED,
        moderator=moderator,
        request=request,
    )


def comment_mark_spam(
    *,
    comments: Iterable[Comment],
    moderator: AbstractBaseUser | None,
    request: HttpRequest | None = None,
) -> int:
    return _comment_decide(
        comments=comments,
        status=Comment.Status.SPAM,
        moderator=moderator,
        request=request,
    )


@transaction.atomic
def comment_delete(
    *,
    comments: Iterable[Comment],
    moderator: AbstractBaseUser | None,
    request: HttpRequest | None = None,
) -> int:
    """Delete comments for good; each keeps an audit row naming it and its article."""
    doomed = list(
        Comment.objects.filter(
            pk__in=[comment.pk for comment in comments]
        ).select_related("article")
    )
    with trail_language():
        for comment in doomed:
            audit_record(
                action=Action.COMMENT_DELETE,
                by=moderator,
                obj=comment,
                summary=_comment_summary(comment),
                request=request,
            )
    _total, deleted = Comment.objects.filter(
        pk__in=[comment.pk for comment in doomed]
    ).delete()
    return deleted.get(Comment._meta.label, 0)


@transaction.atomic
def sender_ban_save(
    *,
    ban: SenderBan,
    by: AbstractBaseUser | None,
    request: HttpRequest | None = None,
) -> SenderBan:
    """Pause comments from one sender until ``ban.until`` (a new ban, or a changed
    one: a longer or shorter pause, another reason). The moderator who first banned
    is kept as its author; every change is in the trail."""
    created = ban._state.adding
    if created and by is not None and by.is_authenticated:
        ban.created_by = by
    ban.full_clean()
    ban.save()
    with trail_language():
        time = trail_time(ban.until)
        if created:
            summary = gettext("until %(time)s") % {"time": time}
        else:
            summary = gettext("changed, now until %(time)s") % {"time": time}
        if ban.reason:
            summary = gettext("%(ban)s; reason: %(reason)s") % {
                "ban": summary,
                "reason": ban.reason,
            }
        audit_record(
            action=Action.SENDER_BAN, by=by, obj=ban, summary=summary, request=request
        )
    return ban


@transaction.atomic
def sender_ban_lift(
    *,
    bans: Iterable[SenderBan],
    by: AbstractBaseUser | None,
    request: HttpRequest | None = None,
) -> int:
    """Let banned senders comment again (the ban is deleted); each lift is in the
    trail."""
    count = 0
    for ban in list(bans):
        with trail_language():
            summary = gettext("was until %(time)s") % {"time": trail_time(ban.until)}
        audit_record(
            action=Action.SENDER_UNBAN, by=by, obj=ban, summary=summary, request=request
        )
        ban.delete()
        count += 1
    return count


@transaction.atomic
def comment_erase_old_emails(*, older_than: timedelta) -> int:
    """Erase commenters' e-mail addresses decided more than ``older_than`` ago."""
    now = timezone.now()
    return (
        Comment.objects.decided_before(now - older_than)
        .exclude(email="")
        .update(email="", email_erased_at=now)
    )
