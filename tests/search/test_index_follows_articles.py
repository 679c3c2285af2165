"""The index follows every save and delete; who may see an article is decided at
query time, so a scheduled article appears by time alone and a withdrawn one never
shows."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from search.models import SearchEntry
from tests.caches import empty_reader_caches
from tests.search.helpers import article, found


@pytest.mark.django_db
def test_an_edit_is_found_at_once():
    story = article(title="قديم", body="كلمة")
    story.title = "جديد"
    story.body = "<p>عبارة</p>"
    story.save()
    assert found("عبارة") == ["جديد"]
    assert found("كلمة") == []


@pytest.mark.django_db
def test_drafts_and_withdrawn_articles_are_not_found(
    django_capture_on_commit_callbacks,
):
    article(title="مسودة", body="سر", status=Article.Status.DRAFT)
    published = article(title="منشور", body="سر")
    assert found("سر") == ["منشور"]
    # The withdrawal commits, and the reader cache's refresh retires the results.
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(pk=published.pk).update(status=Article.Status.DRAFT)
    assert found("سر") == []


@pytest.mark.django_db
def test_a_scheduled_article_is_found_from_its_time_on():
    article(
        title="مجدول", body="موعد", published_at=timezone.now() + timedelta(hours=1)
    )
    assert found("موعد") == []
    # The cached empty result expires at that time (readercache.expiry, tested
    # there); Redis counts its expiry in real time, which the clock below skips.
    empty_reader_caches()
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert found("موعد") == ["مجدول"]


@pytest.mark.django_db
def test_a_deleted_article_leaves_the_index():
    story = article(title="محذوف", body="أثر")
    story.delete()
    assert not SearchEntry.objects.exists()
    assert found("أثر") == []


@pytest.mark.django_db
def test_rebuilding_indexes_what_a_bulk_load_left_out():
    story = article(title="مستورد", body="ملف")
    SearchEntry.objects.all().delete()
    Article.objects.filter(pk=story.pk).update(title="مستورد")
    call_command("rebuild_search_index", verbosity=0)
    assert found("ملف") == ["مستورد"]
