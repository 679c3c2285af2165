"""Redis down is no outage: readers' pages are served from the database with 200,
a moderator's decision that was saved reports success, a reader's comment is
stored, and the failure is logged once, not per request."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
from django.urls import reverse

from comments.models import Comment
from tests.comments.helpers import CommentFactory, filled_form, post_comment
from tests.deploy.servers import free_port
from tests.factories import ArticleFactory, make_staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_redis(tmp_path):
    """A Redis of this test's own, which the test may stop."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is missing (Debian's redis-server package)")
    port = free_port(1)
    process = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    yield process, port
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def on_private_redis(settings, private_redis):
    process, port = private_redis
    settings.CACHES = {
        **settings.CACHES,
        "readers": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        },
    }
    return process


def stop(process) -> None:
    process.terminate()
    process.wait(timeout=10)


def test_with_redis_stopped_readers_moderators_and_commenters_carry_on(
    client, on_private_redis, caplog, django_capture_on_commit_callbacks
):
    article = ArticleFactory(title="Clinics extend hours")
    pending = CommentFactory(article=article, pending=True, body="Approved in the dark")
    pages = ["/en/", article.get_absolute_url(), article.section.get_absolute_url()]
    for url in pages:
        assert client.get(url).status_code == 200
    moderator = make_staff_user("moderator", "Moderators")

    stop(on_private_redis)
    caplog.set_level(logging.WARNING, logger="readercache")

    started = time.monotonic()
    for _ in range(10):
        for url in pages:
            assert client.get(url).status_code == 200
    assert time.monotonic() - started < 10

    staff = type(client)()
    staff.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        decided = staff.post(
            reverse("admin:comments_comment_changelist"),
            {"action": "approve", "_selected_action": [pending.pk]},
            follow=True,
        )
    assert decided.status_code == 200
    assert any("1 comment" in str(m) for m in decided.context["messages"])
    assert (
        "Approved in the dark"
        in client.get(article.get_absolute_url()).content.decode()
    )

    reader = type(client)()
    with django_capture_on_commit_callbacks(execute=True):
        posted = post_comment(reader, article, filled_form(reader, article))
    assert posted.status_code == 302
    assert Comment.objects.filter(name="Samira Haddad").exists()

    warnings = [r for r in caplog.records if r.name == "readercache"]
    assert len(warnings) == 1


def test_a_change_made_while_redis_was_down_shows_once_it_is_back(
    client, settings, private_redis, tmp_path, django_capture_on_commit_callbacks
):
    process, port = private_redis
    settings.CACHES = {
        **settings.CACHES,
        "readers": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        },
    }
    article = ArticleFactory(title="Clinics extend hours")
    assert b"Clinics extend hours" in client.get(article.get_absolute_url()).content
    stop(process)

    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Clinics open at night"
        article.save()

    # The same Redis again, with the page cached before the change still in it.
    restarted = subprocess.Popen(
        [
            shutil.which("redis-server"),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        time.sleep(2.5)
        assert (
            b"Clinics open at night" in client.get(article.get_absolute_url()).content
        )
    finally:
        stop(restarted)
