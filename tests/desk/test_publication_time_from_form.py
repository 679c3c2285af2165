"""Publishing from the change form sets the publication time to the moment of
publishing unless the editor chose one; a new article's time is when it is
published, not when the add form was opened."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article, now_to_the_second
from tests.articles.pages import soup_of
from tests.desk.helpers import (
    ADD,
    change_form_data,
    change_url,
    new_article_form,
    signed_in,
)
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_a_draft_published_from_its_form_gets_the_time_of_publishing(client):
    signed_in(client, "eda", "Editors")
    draft = ArticleFactory(draft=True, published_at=timezone.now() - timedelta(hours=3))
    data = change_form_data(client, draft)
    data["status"] = "published"
    before = now_to_the_second()

    client.post(change_url(draft), data)

    draft.refresh_from_db()
    assert draft.is_published
    assert before <= draft.published_at <= timezone.now()


def test_a_time_the_editor_chose_is_kept(client):
    signed_in(client, "eda", "Editors")
    draft = ArticleFactory(draft=True)
    data = change_form_data(client, draft)
    chosen = timezone.localtime(timezone.now() - timedelta(days=2)).replace(
        microsecond=0
    )
    data.update(
        status="published",
        published_at_0=chosen.strftime("%Y-%m-%d"),
        published_at_1=chosen.strftime("%H:%M:%S"),
    )

    client.post(change_url(draft), data)

    draft.refresh_from_db()
    assert draft.published_at == chosen


def test_a_new_article_is_dated_when_published_not_when_the_form_opened(client):
    signed_in(client, "eda", "Editors")
    section = SectionFactory()
    opened = timezone.now() - timedelta(minutes=40)
    with time_machine.travel(opened, tick=False):
        form = soup_of(client.get(ADD))
    data = new_article_form(section, status="published")
    for name in (
        "published_at_0",
        "published_at_1",
        "initial-published_at_0",
        "initial-published_at_1",
    ):
        field = form.select_one(f"input[name={name}]")
        if field is not None:
            data[name] = field["value"]
    before = now_to_the_second()

    client.post(ADD, data)

    article = Article.objects.get(slug="filed-from-the-desk")
    assert before <= article.published_at <= timezone.now()


def test_editing_a_published_article_keeps_its_time(client):
    signed_in(client, "eda", "Editors")
    at = now_to_the_second() - timedelta(days=1)
    article = ArticleFactory(published_at=at)
    data = change_form_data(client, article)
    data["title"] = "A corrected headline"

    client.post(change_url(article), data)

    article.refresh_from_db()
    assert article.published_at == at
