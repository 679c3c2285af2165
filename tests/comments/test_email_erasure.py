"""Commenters' addresses are erased some days after the moderators' decision."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from comments.models import Comment
from tests.comments.helpers import CommentFactory

pytestmark = pytest.mark.django_db


def decided(days_ago, status=Comment.Status.APPROVED, **kwargs):
    moment = timezone.now() - timedelta(days=days_ago)
    return CommentFactory(
        status=status,
        created_at=moment - timedelta(hours=1),
        decided_at=moment,
        **kwargs,
    )


def erase(*args):
    out = StringIO()
    call_command("erase_commenter_emails", *args, stdout=out)
    return out.getvalue()


def test_addresses_decided_over_30_days_ago_are_erased():
    approved = decided(31)
    rejected = decided(45, Comment.Status.REJECTED)
    spam = decided(90, Comment.Status.SPAM)
    recent = decided(29, email="recent@example.com")
    pending = CommentFactory(
        pending=True,
        email="waiting@example.com",
        created_at=timezone.now() - timedelta(days=60),
    )
    before = timezone.now()

    output = erase()

    assert "Erased 3 e-mail address(es)" in output
    for comment in (approved, rejected, spam):
        comment.refresh_from_db()
        assert comment.email == ""
        assert before <= comment.email_erased_at <= timezone.now()
    recent.refresh_from_db()
    assert recent.email == "recent@example.com"
    assert recent.email_erased_at is None
    pending.refresh_from_db()
    assert pending.email == "waiting@example.com"
    assert pending.email_erased_at is None


def test_the_rest_of_an_erased_comment_is_kept():
    comment = decided(40, name="Lina", body="Kept words")

    erase()

    comment.refresh_from_db()
    assert (comment.name, comment.body, comment.status) == (
        "Lina",
        "Kept words",
        Comment.Status.APPROVED,
    )
    assert comment.decided_at is not None


def test_the_days_option():
    ten_days = decided(10, email="ten@example.com")
    three_days = decided(3, email="three@example.com")

    output = erase("--days", "5")

    assert "Erased 1 e-mail address(es) decided over 5 days ago." in output
    ten_days.refresh_from_db()
    three_days.refresh_from_db()
    assert ten_days.email == ""
    assert three_days.email == "three@example.com"


def test_the_default_follows_the_retention_setting(settings):
    settings.COMMENTS_EMAIL_RETENTION_DAYS = 14
    twenty_days = decided(20)
    ten_days = decided(10)

    output = erase()

    assert "decided over 14 days ago" in output
    twenty_days.refresh_from_db()
    ten_days.refresh_from_db()
    assert twenty_days.email == ""
    assert ten_days.email != ""


def test_running_twice_erases_nothing_more():
    comment = decided(31)
    erase()
    comment.refresh_from_db()
    first_erasure = comment.email_erased_at

    output = erase()

    assert "Erased 0 e-mail address(es)" in output
    comment.refresh_from_db()
    assert comment.email_erased_at == first_erasure
