"""A reader comments through the browser; a moderator approves it in the admin; the
reader's reload shows it. The captcha is answered from the server's own store."""

import re

import pytest
from captcha.models import CaptchaStore
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from tests.factories import ArticleFactory
from tests.staff_login import give_totp, totp_code

pytestmark = pytest.mark.browser

MODERATOR_PASSWORD = "moderator-browser-test-pw"


@pytest.fixture
def moderator(transactional_db):
    # Transactional tests empty the tables that data migrations filled: build the
    # group here with the permissions the migration gives it.
    group, _created = Group.objects.get_or_create(name="Moderators")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="comments",
            codename__in=["view_comment", "change_comment"],
        )
    )
    user = get_user_model().objects.create_user(
        "mona", password=MODERATOR_PASSWORD, is_staff=True
    )
    user.groups.add(group)
    give_totp(user)
    return user


def answer_captcha(page) -> None:
    key = page.locator("input[name='captcha_0']").input_value()
    answer = CaptchaStore.objects.get(hashkey=key).response
    page.get_by_label("The code shown in the image").fill(answer)


def test_reader_comment_appears_after_a_moderator_approves_it(
    new_page, moderator, transactional_db
):
    article = ArticleFactory(title="Bakeries turn to solar panels")
    reader = new_page()
    reader.goto(article.get_absolute_url())
    expect(reader.get_by_role("heading", name="Comments (0)")).to_be_visible()

    reader.get_by_role("textbox", name="Name").fill("Hala")
    reader.get_by_label("E-mail").fill("hala.reader@example.org")
    reader.get_by_role("textbox", name="Comment").fill(
        "Our street has had bread\nevery day this week."
    )
    expect(reader.locator(".char-counter")).to_contain_text("characters left")
    answer_captcha(reader)
    reader.get_by_role("button", name="Post comment").click()

    expect(reader.get_by_role("status")).to_contain_text(
        "will appear once a moderator approves it"
    )
    expect(reader.get_by_role("heading", name="Comments (0)")).to_be_visible()
    expect(reader.locator(".comment")).to_have_count(0)

    staff = new_page()
    staff.goto("/admin/")
    staff.get_by_label("Username").fill("mona")
    staff.get_by_label("Password").fill(MODERATOR_PASSWORD)
    staff.get_by_role("button", name="Sign in").click()
    staff.get_by_label("Code").fill(totp_code())
    staff.get_by_role("button", name="Sign In").click()
    expect(staff.locator(".moderation-count")).to_contain_text(
        "1 comment is waiting for moderation"
    )
    staff.get_by_role("link", name="Review them").click()
    row = staff.locator("#result_list tbody tr").filter(has_text="Our street has had")
    row.locator("input[name='_selected_action']").check()
    staff.locator("select[name='action']").select_option("approve")
    staff.get_by_role("button", name=re.compile("Run")).click()
    expect(staff.locator(".messagelist")).to_contain_text("1 comment approved.")

    reader.reload()
    expect(reader.get_by_role("heading", name="Comments (1)")).to_be_visible()
    comment = reader.locator(".comment")
    expect(comment).to_contain_text("Hala")
    expect(comment.locator(".comment-body")).to_contain_text("Our street has had bread")
    assert comment.locator(".comment-body br").count() == 1
    assert "hala.reader@example.org" not in reader.content()


def test_new_image_button_renews_the_code_in_place(new_page, transactional_db):
    article = ArticleFactory()
    page = new_page()
    page.goto(article.get_absolute_url())
    page.get_by_role("textbox", name="Comment").fill("Kept while the code changes")
    old_key = page.locator("input[name='captcha_0']").input_value()
    old_src = page.locator("[data-captcha-image]").get_attribute("src")

    page.get_by_role("button", name="New image").click()

    expect(page.locator("[data-captcha-image]")).not_to_have_attribute("src", old_src)
    assert page.locator("input[name='captcha_0']").input_value() != old_key
    expect(page.get_by_role("textbox", name="Comment")).to_have_value(
        "Kept while the code changes"
    )
    assert page.url.endswith(article.get_absolute_url())


def test_without_javascript_the_code_comes_after_the_first_post(
    new_page, transactional_db
):
    article = ArticleFactory()
    page = new_page(java_script_enabled=False)
    page.goto(article.get_absolute_url())
    # The article page is the same for every reader: no code on it yet.
    expect(page.locator("input[name='captcha_0']")).to_have_count(0)
    page.get_by_role("textbox", name="Name").fill("Rami")
    page.get_by_label("E-mail").fill("rami@example.org")
    page.get_by_role("textbox", name="Comment").fill("Written without scripts")
    page.get_by_role("button", name="Post comment").click()

    expect(page.get_by_role("status")).to_contain_text("One more step")
    expect(page.get_by_role("textbox", name="Name")).to_have_value("Rami")
    old_key = page.locator("input[name='captcha_0']").input_value()
    page.get_by_role("button", name="New image").click()
    expect(page.get_by_role("textbox", name="Comment")).to_have_value(
        "Written without scripts"
    )
    assert page.locator("input[name='captcha_0']").input_value() != old_key

    answer_captcha(page)
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("status")).to_contain_text("will appear once a moderator")
