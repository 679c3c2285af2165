"""Moderators hear of a new comment by e-mail, sent outside the reader's request."""

import logging
from smtplib import SMTPException

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from comments import tasks
from comments.models import Comment
from tests.comments.helpers import (
    CommentFactory,
    assert_redirects_to_comments,
    filled_form,
    post_comment,
    thanks_shown,
)
from tests.factories import ArticleFactory, make_staff_user

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def moderator():
    user = make_staff_user("moderator", "Moderators")
    user.email = "moderator@newsroom.example"
    user.save()
    return user


@pytest.fixture
def others_who_get_no_mail():
    """An editor with an address, a moderator without one, and a former moderator."""
    editor = make_staff_user("editor", "Editors")
    editor.email = "editor@newsroom.example"
    editor.save()
    make_staff_user("no-address", "Moderators")
    former = make_staff_user("former", "Moderators")
    former.email = "former@newsroom.example"
    former.is_active = False
    former.save()


def post_and_commit(client, article, capture, **form):
    """Post a comment; run what the commit triggers, as a real request would."""
    data = filled_form(client, article, **form)
    with capture(execute=True):
        response = post_comment(client, article, data)
    return response


@pytest.mark.usefixtures("moderator", "others_who_get_no_mail")
def test_a_new_comment_mails_the_moderators(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    settings.SITE_URL = "https://news.example"
    article = ArticleFactory(title="Floods close the coast road")

    response = post_and_commit(
        client,
        article,
        django_capture_on_commit_callbacks,
        name="Samira",
        body="The road was already closed on Monday.",
    )

    assert_redirects_to_comments(response, article)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["moderator@newsroom.example"]
    assert "Floods close the coast road" in mail.subject
    assert "The road was already closed on Monday." in mail.body
    queue = "https://news.example" + reverse("admin:comments_comment_changelist")
    assert queue in mail.body


@pytest.mark.usefixtures("moderator")
def test_no_mail_before_the_comment_is_committed(client, settings, mailoutbox):
    settings.TASKS = IMMEDIATE
    article = ArticleFactory()

    post_comment(client, article, filled_form(client, article))

    assert Comment.objects.count() == 1
    assert mailoutbox == []


@pytest.mark.usefixtures("moderator")
def test_a_mail_failure_loses_no_comment(
    client,
    settings,
    mailoutbox,
    monkeypatch,
    caplog,
    django_capture_on_commit_callbacks,
):
    settings.TASKS = IMMEDIATE

    def refuse(*args, **kwargs):
        raise SMTPException("mail server down")

    monkeypatch.setattr(tasks, "send_mail", refuse)
    article = ArticleFactory()

    with caplog.at_level(logging.ERROR):
        response = post_and_commit(
            client, article, django_capture_on_commit_callbacks, body="Still stored"
        )

    assert_redirects_to_comments(response, article)
    assert thanks_shown(client, response)
    assert Comment.objects.get().body == "Still stored"
    assert mailoutbox == []
    assert "SMTPException" in caplog.text


@pytest.mark.usefixtures("moderator")
def test_the_database_backend_queues_the_mail_for_the_worker(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE
    article = ArticleFactory(title="Budget passes")

    response = post_and_commit(client, article, django_capture_on_commit_callbacks)

    assert_redirects_to_comments(response, article)
    assert mailoutbox == []
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "comments.tasks.notify_moderators"
    assert queued.args_kwargs == {"args": [Comment.objects.get().pk], "kwargs": {}}

    # What the worker then does with it.
    assert queued.task.call(*queued.args_kwargs["args"]) == 1
    assert len(mailoutbox) == 1
    assert "Budget passes" in mailoutbox[0].subject


@pytest.mark.usefixtures("moderator")
def test_no_mail_when_notifications_are_off(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    settings.COMMENTS_NOTIFY_MODERATORS = False
    article = ArticleFactory()

    post_and_commit(client, article, django_capture_on_commit_callbacks)

    assert Comment.objects.count() == 1
    assert mailoutbox == []


@pytest.mark.usefixtures("moderator")
def test_no_mail_for_a_comment_already_decided(mailoutbox):
    comment = CommentFactory(status=Comment.Status.APPROVED)

    assert tasks.notify_moderators.call(comment.pk) == 0
    assert mailoutbox == []


def test_no_mail_without_moderators(mailoutbox):
    get_user_model().objects.filter(groups__name="Moderators").delete()
    comment = CommentFactory(pending=True)

    assert tasks.notify_moderators.call(comment.pk) == 0
    assert mailoutbox == []
