"""The bench's WSGI wrapper counts the requests that rendered a page, and not the
ones answered from the page cache."""

import os
from io import BytesIO
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.template.base import Template
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted(tmp_path, monkeypatch):
    """``get(path)`` through bench.render_counter; Template.render restored after."""
    monkeypatch.setenv("BENCH_RENDER_COUNTS", str(tmp_path))
    # As Django's test client does: the test's transaction holds the connection,
    # which the end of a request would otherwise close.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    original = Template.render
    from bench import render_counter

    render_counter._counts.clear()

    def get(path: str) -> int:
        environ = {"PATH_INFO": path, "HTTP_HOST": "testserver"}
        setup_testing_defaults(environ)
        environ["wsgi.input"] = BytesIO()
        statuses = []
        response = render_counter.application(
            environ, lambda status, headers: statuses.append(status)
        )
        b"".join(response)
        response.close()
        assert statuses[0].startswith("200"), statuses
        return sum(path.stat().st_size for path in tmp_path.iterdir())

    yield get
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
    Template.render = original
    for descriptor in render_counter._counts.values():
        os.close(descriptor)
    render_counter._counts.clear()


def test_a_rendered_page_is_counted_once_and_a_cached_one_not_at_all(counted):
    home = reverse("articles:home")

    assert counted("/health/live/") == 0
    assert counted(home) == 1
    # The same page again comes from the page cache: nothing rendered.
    assert counted(home) == 1
