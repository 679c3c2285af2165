"""Writes on comments: a reader's submission and moderators' decisions.

Views and admin actions call these. Each runs in a transaction; what readers see is
refreshed on commit, and moderators are notified on commit through the Tasks
framework, so a mail problem can never lose a stored comment.
"""

from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from comments.tasks import notify_moderators


def comment_submit(
    *, article: Article, name: str, email: str, body: str, sender_hash: str, token: str
) -> Comment:
    """Store a reader's comment, awaiting moderation. The same ``token`` twice stores
    one comment: the second call returns the first."""
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


@transaction.atomic
def _comment_decide(
    *, comments: Iterable[Comment], status: str, moderator: AbstractBaseUser
) -> int:
    pks = [comment.pk for comment in comments]
    count = Comment.objects.filter(pk__in=pks).update(
        status=status, decided_by=moderator, decided_at=timezone.now()
    )
    return count


def comment_approve(*, comments: Iterable[Comment], moderator: AbstractBaseUser) -> int:
    return _comment_decide(
        comments=comments, status=Comment.Status.APPROVED, moderator=moderator
    )


def comment_reject(*, comments: Iterable[Comment], moderator: AbstractBaseUser) -> int:
    return _comment_decide(
        comments=comments, status=Comment.Status.REJECTED, moderator=moderator
    )


def comment_mark_spam(
    *, comments: Iterable[Comment], moderator: AbstractBaseUser
) -> int:
    return _comment_decide(
        comments=comments, status=Comment.Status.SPAM, moderator=moderator
    )


@transaction.atomic
def comment_erase_old_emails(*, older_than: timedelta) -> int:
    """Erase commenters' e-mail addresses decided more than ``older_than`` ago."""
    now = timezone.now()
    return (
        Comment.objects.decided_before(now - older_than)
        .exclude(email="")
        .update(email="", email_erased_at=now)
    )
