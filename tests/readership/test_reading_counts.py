"""Readings are counted in the readers' cache, cached pages included, and written
to the database only in batches; a flush neither loses nor doubles them."""

import pytest
from django.core.management import call_command
from django.db.models import Sum

from readership.counting import flush_readings
from readership.models import ReadingCount
from tests.factories import ArticleFactory


def total_views() -> int:
    return ReadingCount.objects.aggregate(total=Sum("views"))["total"] or 0


@pytest.fixture
def story(db):
    return ArticleFactory()


def test_readings_write_nothing_per_view(client, story, django_assert_num_queries):
    client.get(story.get_absolute_url())
    # From the page cache: no query at all, and the reading is still counted.
    with django_assert_num_queries(0):
        for _ in range(5):
            assert client.get(story.get_absolute_url()).status_code == 200
    assert not ReadingCount.objects.exists()
    assert flush_readings() == 6
    assert total_views() == 6


def test_counts_survive_a_flush_and_are_not_counted_twice(client, story):
    for _ in range(3):
        client.get(story.get_absolute_url())
    flush_readings()
    assert flush_readings() == 0
    for _ in range(2):
        client.get(story.get_absolute_url())
    call_command("flush_readership", verbosity=0)
    row = ReadingCount.objects.get()
    assert (row.article_id, row.language, row.views) == (story.pk, "en", 5)


def test_staff_crawlers_revalidations_and_other_pages_are_not_readings(
    client, story, admin_user
):
    first = client.get(story.get_absolute_url())
    client.get(story.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    client.get(story.get_absolute_url(), HTTP_USER_AGENT="Googlebot/2.1")
    client.get("/en/")
    client.head(story.get_absolute_url())
    client.force_login(admin_user)
    client.get(story.get_absolute_url())
    flush_readings()
    assert total_views() == 1


def test_nothing_about_the_reader_is_stored(client, story):
    client.get(story.get_absolute_url(), REMOTE_ADDR="203.0.113.9")
    flush_readings()
    fields = {field.name for field in ReadingCount._meta.get_fields()}
    assert fields == {"id", "article", "language", "hour", "views"}


def test_requests_flush_once_an_interval_has_passed(client, story, settings):
    settings.READERSHIP_FLUSH_SECONDS = 0
    client.get(story.get_absolute_url())
    assert total_views() == 1
