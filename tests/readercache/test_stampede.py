"""A retired popular page is rendered once: concurrent readers wait for that one
render instead of each rendering it."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.test.signals import template_rendered

from readercache import versions
from tests.comments.helpers import CommentFactory
from tests.factories import ArticleFactory

READERS = 8


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_for_a_retired_popular_page_render_it_once():
    article = ArticleFactory()
    # Fifty comments make the render slow enough for the readers to overlap.
    CommentFactory.create_batch(50, article=article)
    url = article.get_absolute_url()
    assert Client().get(url).status_code == 200
    versions.bump({versions.SITE})  # a moderator's decision, say, retires it
    renders = []

    def note(sender, template, **kwargs):
        if template.name == "articles/detail.html":
            renders.append(template.name)

    template_rendered.connect(note)
    start = threading.Barrier(READERS)
    statuses = []

    def read():
        try:
            start.wait()
            statuses.append(Client().get(url).status_code)
        finally:
            connection.close()

    readers = [threading.Thread(target=read) for _ in range(READERS)]
    try:
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join(timeout=30)
    finally:
        template_rendered.disconnect(note)

    assert statuses == [200] * READERS
    assert len(renders) == 1
