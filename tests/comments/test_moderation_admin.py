"""Moderators decide on comments in the admin; editors and moderators keep to their
own work."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, SenderBan
from tests.comments.helpers import (
    CommentFactory,
    comments_heading,
    shown_comments,
    soup_of,
)
from tests.factories import ArticleFactory, make_staff_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:comments_comment_changelist")


@pytest.fixture
def moderator():
    return make_staff_user("moderator", "Moderators")


@pytest.fixture
def editor():
    return make_staff_user("editor", "Editors")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def bulk(client, action, comments):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [comment.pk for comment in comments]},
    )


def test_the_queue_lists_pending_comments_first(moderator_client):
    now = timezone.now()
    newest_approved = CommentFactory(created_at=now, body="approved, newest")
    old_pending = CommentFactory(
        pending=True, created_at=now - timedelta(days=2), body="pending, old"
    )
    new_pending = CommentFactory(
        pending=True, created_at=now - timedelta(hours=1), body="pending, new"
    )
    rejected = CommentFactory(
        rejected=True, created_at=now - timedelta(minutes=5), body="rejected"
    )

    response = moderator_client.get(CHANGELIST)

    assert response.status_code == 200
    listed = list(response.context["cl"].result_list)
    assert listed == [new_pending, old_pending, newest_approved, rejected]
    # The page shows them in that order too.
    rows = [
        row.get_text(" ", strip=True)
        for row in soup_of(response).select("#result_list tbody tr")
    ]
    assert "pending, new" in rows[0]
    assert "pending, old" in rows[1]


def test_the_pending_filter_lists_only_comments_waiting(moderator_client):
    waiting = CommentFactory.create_batch(2, pending=True)
    CommentFactory()
    CommentFactory(spam=True)

    response = moderator_client.get(CHANGELIST + "?status__exact=pending")

    assert response.status_code == 200
    assert set(response.context["cl"].result_list) == set(waiting)


def test_the_queue_shows_the_sender_hash_not_an_address(moderator_client):
    comment = CommentFactory(pending=True, sender_hash="ab" * 16)

    response = moderator_client.get(CHANGELIST)

    ban_link = reverse("admin:comments_senderban_add") + f"?sender_hash={'ab' * 16}"
    assert ban_link.encode() in response.content
    assert comment.sender_hash[:12].encode() in response.content


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("approve", Comment.Status.APPROVED),
        ("reject", Comment.Status.REJECTED),
        ("mark_spam", Comment.Status.SPAM),
    ],
)
def test_a_bulk_decision_records_who_and_when(
    moderator_client, moderator, action, status
):
    chosen = CommentFactory.create_batch(2, pending=True)
    untouched = CommentFactory(pending=True)
    before = timezone.now()

    response = bulk(moderator_client, action, chosen)

    assert response.status_code == 302
    for comment in chosen:
        comment.refresh_from_db()
        assert comment.status == status
        assert comment.decided_by == moderator
        assert before <= comment.decided_at <= timezone.now()
    untouched.refresh_from_db()
    assert untouched.status == Comment.Status.PENDING
    assert untouched.decided_at is None
    assert untouched.decided_by is None


def test_the_decision_is_confirmed(moderator_client):
    comments = CommentFactory.create_batch(3, pending=True)

    response = moderator_client.get(bulk(moderator_client, "approve", comments).url)

    assert "3 comments approved." in response.content.decode()


def test_approving_shows_the_comment_at_once(
    client, moderator, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    CommentFactory(article=article, body="Already public")
    waiting = CommentFactory(article=article, pending=True, body="Just approved")
    before = soup_of(client.get(article.get_absolute_url()))
    assert comments_heading(before) == "Comments (1)"

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        bulk(client, "approve", [waiting])
    client.logout()

    after = soup_of(client.get(article.get_absolute_url()))
    assert comments_heading(after) == "Comments (2)"
    assert shown_comments(after) == ["Already public", "Just approved"]


def test_rejecting_a_public_comment_hides_it_at_once(
    client, moderator, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    public = CommentFactory(article=article, body="Regrettable words")
    before = soup_of(client.get(article.get_absolute_url()))
    assert comments_heading(before) == "Comments (1)"

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        bulk(client, "reject", [public])
    client.logout()

    after = soup_of(client.get(article.get_absolute_url()))
    assert comments_heading(after) == "Comments (0)"
    assert shown_comments(after) == []


def test_moderators_cannot_change_articles(moderator_client):
    article = ArticleFactory(title="The original headline")
    change_url = reverse("admin:articles_article_change", args=[article.pk])

    response = moderator_client.post(
        change_url, {"title": "Rewritten by a moderator", "slug": article.slug}
    )

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "The original headline"
    add_page = moderator_client.get(reverse("admin:articles_article_add"))
    assert add_page.status_code == 403
    # Moderators may read articles (to judge comments in context), read-only.
    page = moderator_client.get(change_url)
    assert page.status_code == 200
    assert b'name="_save"' not in page.content


def test_editors_cannot_approve_comments(client, editor):
    comment = CommentFactory(pending=True)
    client.force_login(editor)

    response = bulk(client, "approve", [comment])

    # The action is not theirs: the list comes back unchanged, with no confirmation.
    assert response.status_code in {200, 403}
    assert b"approved." not in response.content
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert comment.decided_by is None
    # The editor is not offered the decisions at all.
    changelist = client.get(CHANGELIST)
    assert changelist.status_code == 200
    assert b'value="approve"' not in changelist.content


def test_editors_cannot_ban_senders(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("admin:comments_senderban_add"),
        {"sender_hash": "cd" * 16, "duration": "7d", "reason": ""},
    )

    assert response.status_code == 403
    assert not SenderBan.objects.exists()


def test_the_admin_index_counts_comments_waiting(moderator_client):
    CommentFactory.create_batch(3, pending=True)
    CommentFactory(rejected=True)
    CommentFactory()

    response = moderator_client.get(reverse("admin:index"))

    summary = soup_of(response).select_one(".moderation-count")
    assert "3 comments are waiting for moderation." in summary.get_text(" ", strip=True)
    link = summary.find("a")
    assert link["href"] == CHANGELIST + "?status__exact=pending"


def test_the_admin_index_says_one_comment_in_the_singular(moderator_client):
    CommentFactory(pending=True)

    response = moderator_client.get(reverse("admin:index"))

    text = soup_of(response).select_one(".moderation-count").get_text(" ", strip=True)
    assert "1 comment is waiting for moderation." in text


def test_a_moderator_bans_a_sender_for_a_week(moderator_client, moderator):
    sender = "ef" * 16
    add_url = reverse("admin:comments_senderban_add")
    form_page = moderator_client.get(add_url + f"?sender_hash={sender}")
    assert form_page.status_code == 200
    assert soup_of(form_page).find(attrs={"name": "sender_hash"})["value"] == sender
    before = timezone.now()

    response = moderator_client.post(
        add_url, {"sender_hash": sender, "duration": "7d", "reason": "Spam run"}
    )

    assert response.status_code == 302
    ban = SenderBan.objects.get()
    assert ban.sender_hash == sender
    assert ban.reason == "Spam run"
    assert ban.created_by == moderator
    assert before + timedelta(days=7) <= ban.until <= timezone.now() + timedelta(days=7)
    assert ban.is_active
