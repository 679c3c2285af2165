"""Every comment decision (one row per comment), comment deletion and sender ban
keeps an audit row naming the moderator, the comment or ban, a short summary, and
the moderator's sender hash; a decision that is rolled back leaves no row."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from comments import services
from comments.models import Comment, SenderBan
from staff.models import AuditEntry
from staff.services import trail_time
from tests.comments.helpers import CommentFactory
from tests.factories import ArticleFactory, make_staff_user
from tests.staff.trail import (
    client_sender,
    done_by,
    from_client_address,
    is_about,
    rows,
    the_row,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_password_hashing")]

Action = AuditEntry.Action
CHANGELIST = reverse("admin:comments_comment_changelist")
BANS = reverse("admin:comments_senderban_changelist")


@pytest.fixture
def moderator():
    return make_staff_user("moderator", "Moderators")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return from_client_address(client)


@pytest.fixture
def superuser_client(client, admin_user):
    client.force_login(admin_user)
    return from_client_address(client)


def bulk(client, action, comments, **extra):
    return client.post(
        CHANGELIST,
        {
            "action": action,
            "_selected_action": [comment.pk for comment in comments],
            **extra,
        },
        follow=True,
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize(
    ("admin_action", "audit_action", "status", "message"),
    [
        ("approve", Action.COMMENT_APPROVE, "approved", "2 comments approved."),
        ("reject", Action.COMMENT_REJECT, "rejected", "2 comments rejected."),
        (
            "mark_spam",
            Action.COMMENT_SPAM,
            "spam",
            "2 comments marked as spam.",
        ),
    ],
)
def test_each_decision_keeps_one_row_per_comment(
    moderator_client, moderator, admin_action, audit_action, status, message
):
    article = ArticleFactory(title="The story commented on")
    decided = CommentFactory.create_batch(2, article=article, pending=True)
    untouched = CommentFactory(pending=True)
    before = timezone.now()

    response = bulk(moderator_client, admin_action, decided)

    assert messages_of(response) == [message]
    assert set(Comment.objects.filter(status=status)) == set(decided)
    trail = {row.object_id: row for row in rows()}
    assert len(rows()) == 2
    assert set(trail) == {str(comment.pk) for comment in decided}
    for comment in decided:
        row = trail[str(comment.pk)]
        assert row.action == audit_action
        assert done_by(row, moderator)
        assert is_about(row, comment)
        assert before <= row.at <= timezone.now()
        assert row.summary == (
            f"on “The story commented on” ({article.pk}); before: Awaiting moderation"
        )
        assert row.sender_hash == client_sender()
    untouched.refresh_from_db()
    assert untouched.status == Comment.Status.PENDING


def test_a_decision_reversed_says_what_it_was_before(moderator):
    comment = CommentFactory(spam=True)

    services.comment_approve(comments=[comment], moderator=moderator)

    row = the_row(Action.COMMENT_APPROVE)
    assert row.summary.endswith("; before: Spam")
    assert done_by(row, moderator)
    # Called from no request: no sender to name.
    assert row.sender_hash == ""


def test_a_moderator_bans_a_sender_and_the_trail_says_until_when(
    moderator_client, moderator
):
    sender = "ef" * 16

    response = moderator_client.post(
        reverse("admin:comments_senderban_add"),
        {"sender_hash": sender, "duration": "7d", "reason": "Spam run"},
    )

    assert response.status_code == 302
    ban = SenderBan.objects.get()
    assert ban.created_by == moderator
    row = the_row(Action.SENDER_BAN)
    assert done_by(row, moderator)
    assert is_about(row, ban)
    assert row.object_repr == sender
    assert row.summary == f"until {trail_time(ban.until)}; reason: Spam run"
    assert row.sender_hash == client_sender()


def test_changing_a_ban_is_recorded_and_keeps_who_first_banned(
    moderator_client, moderator
):
    first = make_staff_user("first-moderator", "Moderators")
    ban = SenderBan.objects.create(
        sender_hash="ab" * 16,
        until=timezone.now() + timedelta(hours=1),
        created_by=first,
    )

    response = moderator_client.post(
        reverse("admin:comments_senderban_change", args=[ban.pk]),
        {"sender_hash": ban.sender_hash, "duration": "30d", "reason": ""},
    )

    assert response.status_code == 302
    ban.refresh_from_db()
    assert ban.created_by == first
    assert ban.until > timezone.now() + timedelta(days=29)
    row = the_row(Action.SENDER_BAN)
    assert done_by(row, moderator)
    assert row.summary == f"changed, now until {trail_time(ban.until)}"


def test_a_refused_ban_keeps_no_row(moderator_client):
    response = moderator_client.post(
        reverse("admin:comments_senderban_add"),
        {"sender_hash": "", "duration": "7d", "reason": ""},
    )

    assert response.status_code == 200
    assert not SenderBan.objects.exists()
    assert rows() == []


def test_deleting_a_comment_in_the_admin_records_it(superuser_client, admin_user):
    comment = CommentFactory(body="A comment to delete.", pending=True)
    pk, article = comment.pk, comment.article

    response = superuser_client.post(
        reverse("admin:comments_comment_delete", args=[pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Comment.objects.filter(pk=pk).exists()
    row = the_row(Action.COMMENT_DELETE)
    assert done_by(row, admin_user)
    assert row.object_id == str(pk)
    assert row.object_repr == str(comment)
    assert row.summary == (
        f"on “{article.title}” ({article.pk}); before: Awaiting moderation"
    )
    assert row.sender_hash == client_sender()


def test_bulk_delete_of_comments_records_one_row_per_comment(
    superuser_client, admin_user
):
    doomed = CommentFactory.create_batch(3)
    kept = CommentFactory()

    response = bulk(superuser_client, "delete_selected", doomed, post="yes")

    assert messages_of(response) == ["Successfully deleted 3 comments."]
    assert list(Comment.objects.all()) == [kept]
    deleted = rows(Action.COMMENT_DELETE)
    assert len(deleted) == len(rows()) == 3
    assert {row.object_id for row in deleted} == {str(c.pk) for c in doomed}
    assert all(done_by(row, admin_user) for row in deleted)


def test_a_decision_rolled_back_with_its_caller_keeps_no_row(moderator):
    comment = CommentFactory(pending=True)

    with pytest.raises(RuntimeError), transaction.atomic():
        services.comment_mark_spam(comments=[comment], moderator=moderator)
        services.comment_delete(comments=[comment], moderator=moderator)
        assert len(rows()) == 2
        raise RuntimeError("the caller fails after the service")

    assert rows() == []
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
