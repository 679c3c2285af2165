"""The moderation queue shows each pending comment whole, with the sender's history
and decision buttons on the comment itself; after a decision the next one waiting is
in view. A comment's own page has the same buttons."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from tests.comments.helpers import CommentFactory, soup_of
from tests.factories import ArticleFactory, make_staff_user

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:comments_comment_changelist") + "?status__exact=pending"


@pytest.fixture
def moderator_client(client):
    client.force_login(make_staff_user("moderator", "Moderators"))
    return client


def decide_url(comment) -> str:
    return reverse("admin:comments_comment_decide", args=[comment.pk])


def test_each_pending_comment_is_shown_whole_with_who_what_and_where(
    moderator_client,
):
    article = ArticleFactory(title="Bread queues in Homs")
    body = "First line of a long comment.\n" + "word " * 550 + "\nThe very end."
    comment = CommentFactory(pending=True, article=article, name="Hala", body=body)

    card = soup_of(moderator_client.get(QUEUE)).find(id=f"comment-{comment.pk}")

    assert "The very end." in card.get_text()
    assert len(card.select_one(".moderation-body").get_text()) >= len(body) - 5
    assert card.find("strong").get_text() == "Hala"
    assert card.find("a", string="Bread queues in Homs")["href"] == (
        article.get_absolute_url()
    )
    assert card.find("time")["datetime"]
    assert {b["value"] for b in card.find_all("button")} == {
        "approve",
        "reject",
        "spam",
    }


def test_the_sender_s_earlier_decisions_are_counted(moderator_client):
    now = timezone.now()
    sender = "ab" * 16
    for days in (5, 4, 3):
        CommentFactory(sender_hash=sender, created_at=now - timedelta(days=days))
    CommentFactory(
        rejected=True, sender_hash=sender, created_at=now - timedelta(days=2)
    )
    waiting = CommentFactory(pending=True, sender_hash=sender, created_at=now)

    card = soup_of(moderator_client.get(QUEUE)).find(id=f"comment-{waiting.pk}")

    assert "3 approved, 1 rejected" in card.select_one(".moderation-history").text


def test_approving_from_the_queue_brings_the_next_one_into_view(moderator_client):
    now = timezone.now()
    first = CommentFactory(pending=True, created_at=now - timedelta(minutes=1))
    second = CommentFactory(pending=True, created_at=now - timedelta(minutes=2))

    response = moderator_client.post(
        decide_url(first), {"decision": "approve", "back": QUEUE}
    )

    first.refresh_from_db()
    assert first.status == Comment.Status.APPROVED
    assert response["Location"] == f"{QUEUE}#comment-{second.pk}"
    queue = soup_of(moderator_client.get(QUEUE))
    assert queue.find(id=f"comment-{first.pk}") is None
    assert queue.find(id=f"comment-{second.pk}") is not None


@pytest.mark.parametrize(
    ("decision", "status"),
    [("reject", Comment.Status.REJECTED), ("spam", Comment.Status.SPAM)],
)
def test_rejecting_or_marking_spam_from_the_queue(moderator_client, decision, status):
    comment = CommentFactory(pending=True)

    moderator_client.post(decide_url(comment), {"decision": decision, "back": QUEUE})

    comment.refresh_from_db()
    assert comment.status == status


def test_a_comment_s_own_page_has_the_buttons_and_leads_to_the_next(
    moderator_client,
):
    now = timezone.now()
    comment = CommentFactory(pending=True, created_at=now)
    following = CommentFactory(pending=True, created_at=now - timedelta(hours=1))
    page = soup_of(
        moderator_client.get(
            reverse("admin:comments_comment_change", args=[comment.pk])
        )
    )
    assert {b["value"] for b in page.select(".moderation-decisions button")} == {
        "approve",
        "reject",
        "spam",
    }

    response = moderator_client.post(
        decide_url(comment), {"decision": "reject", "from": "change"}
    )

    assert response["Location"] == reverse(
        "admin:comments_comment_change", args=[following.pk]
    )


def test_an_editor_gets_no_buttons_and_cannot_decide(client):
    client.force_login(make_staff_user("editor", "Editors"))
    comment = CommentFactory(pending=True)

    queue = soup_of(client.get(QUEUE))
    forged = client.post(decide_url(comment), {"decision": "approve"})

    assert queue.find(id=f"comment-{comment.pk}").find("button") is None
    assert forged.status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_an_unknown_decision_changes_nothing(moderator_client):
    comment = CommentFactory(pending=True)
    moderator_client.post(decide_url(comment), {"decision": "publish"})
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def queue_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(QUEUE).status_code == 200
    return len(queries)


def test_the_queue_costs_the_same_queries_for_5_or_40_comments(moderator_client):
    for _ in range(5):
        CommentFactory(pending=True)
    few = queue_queries(moderator_client)
    for _ in range(35):
        CommentFactory(pending=True)
    many = queue_queries(moderator_client)

    assert few == many
