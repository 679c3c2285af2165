"""A moderator works through the queue on a 1366-pixel screen without scrolling
sideways: each comment whole, approved with its own button, the next one in view."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import expect

from tests.comments.helpers import CommentFactory
from tests.factories import ArticleFactory
from tests.staff_login import SignedInClient

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/moderation-shots")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def moderator(transactional_db):
    group, _created = Group.objects.get_or_create(name="Moderators")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="comments",
            codename__in=["view_comment", "change_comment"],
        )
    )
    user = get_user_model().objects.create_user(
        "mona", password="moderator queue test pw", is_staff=True
    )
    user.groups.add(group)
    return user


def signed_in_page(new_page, live_server, user, **options):
    client = SignedInClient()
    client.force_login(user)
    page = new_page(**options)
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def scrolls_sideways(page) -> bool:
    return page.evaluate(
        "() => document.scrollingElement.scrollWidth"
        " > document.scrollingElement.clientWidth"
    )


def waiting_comments():
    now = timezone.now()
    article = ArticleFactory(title="Bread queues return to the old city of Homs")
    long_text = (
        "We have waited since dawn at the bakery on Quwatli street, and the "
        "queue is longer than last winter. " * 12
    ).strip()
    return [
        CommentFactory(
            pending=True,
            article=article,
            name=f"Reader {n}",
            body=long_text + f" (comment {n})",
            created_at=now - timedelta(minutes=n),
        )
        for n in range(3)
    ]


def test_a_moderator_approves_from_the_queue_without_scrolling_sideways(
    new_page, live_server, moderator
):
    first, second, _third = waiting_comments()
    page = signed_in_page(new_page, live_server, moderator, viewport=DESKTOP)

    page.goto("/admin/comments/comment/?status__exact=pending")
    card = page.locator(f"#comment-{first.pk}")
    expect(card).to_contain_text("(comment 0)")
    assert not scrolls_sideways(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "en-queue-1366.png", full_page=True)
    card.get_by_role("button", name="Approve").click()

    expect(page.locator(".messagelist")).to_contain_text("Comment approved.")
    expect(page.locator(f"#comment-{first.pk}")).to_have_count(0)
    expect(page.locator(f"#comment-{second.pk}")).to_be_in_viewport()
    assert not scrolls_sideways(page)
    first.refresh_from_db()
    assert first.status == "approved"


@pytest.mark.parametrize("locale", ["en", "ar"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda v: str(v["width"]))
def test_the_queue_and_a_comment_s_page_at_phone_and_desktop_width(
    new_page, live_server, moderator, viewport, locale
):
    first, *_rest = waiting_comments()
    page = signed_in_page(
        new_page, live_server, moderator, viewport=viewport, locale=locale
    )
    SHOTS.mkdir(parents=True, exist_ok=True)

    page.goto("/admin/comments/comment/?status__exact=pending")
    expect(page.locator(f"#comment-{first.pk} button")).to_have_count(3)
    page.screenshot(path=SHOTS / f"{locale}-queue-{viewport['width']}.png")
    page.goto(f"/admin/comments/comment/{first.pk}/change/")
    expect(page.locator(".moderation-decisions button")).to_have_count(3)
    page.screenshot(path=SHOTS / f"{locale}-comment-{viewport['width']}.png")
