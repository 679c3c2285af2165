"""A scheduled article is listed as "Scheduled for <time>", not "Published", and
the save message says when readers will see it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import now_to_the_second
from tests.articles.pages import soup_of, text_of
from tests.desk.helpers import CHANGELIST, change_form_data, change_url, signed_in
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def shown(moment) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def test_the_list_shows_scheduled_for_and_the_time(client):
    signed_in(client, "eda", "Editors")
    at = now_to_the_second() + timedelta(days=2)
    ArticleFactory(published_at=at, title="Later")
    ArticleFactory(title="Now")

    page = soup_of(client.get(CHANGELIST))

    states = {
        text_of(row.select_one("th a")): text_of(row.select_one("td.field-state"))
        for row in page.select("#result_list tbody tr")
    }
    assert states == {"Later": f"Scheduled for {shown(at)}", "Now": "Published"}


def test_saving_a_scheduled_article_says_when_it_will_appear(client):
    signed_in(client, "eda", "Editors")
    at = (now_to_the_second() + timedelta(days=2)).replace(second=0)
    draft = ArticleFactory(draft=True)
    data = change_form_data(client, draft)
    local = timezone.localtime(at)
    data.update(
        status="published",
        published_at_0=local.strftime("%Y-%m-%d"),
        published_at_1=local.strftime("%H:%M:%S"),
    )

    response = client.post(change_url(draft), data, follow=True)

    messages = [str(m) for m in response.context["messages"]]
    assert f"Scheduled: readers will see it from {shown(at)}." in messages


def test_saving_a_published_article_says_readers_see_it_now(client):
    signed_in(client, "eda", "Editors")
    article = ArticleFactory()

    response = client.post(
        change_url(article), change_form_data(client, article), follow=True
    )

    messages = [str(m) for m in response.context["messages"]]
    assert "Published: readers see it now." in messages
