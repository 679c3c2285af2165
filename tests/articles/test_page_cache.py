"""Whole pages cached for anonymous readers: answered without queries, conditionally,
compressed, never stale after a visible change, and never carrying one visitor's data
to another."""

import gzip
import time
from datetime import timedelta

import brotli
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from articles import services
from articles.models import Article
from comments.services import comment_approve
from readercache import fragments, shared, versions
from readercache.memory import NOMINAL_VALUE_BYTES, ProcessMemory
from readercache.pages import StoredPage
from tests.comments.helpers import CommentFactory, filled_form, post_comment
from tests.factories import ArticleFactory, KeywordFactory, set_site_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ArticleFactory(title="Clinics extend hours", keywords=[KeywordFactory()])


def page_urls(article):
    return {
        "home": "/en/",
        "article": article.get_absolute_url(),
        "section": article.section.get_absolute_url(),
        "keyword": article.keywords.get().get_absolute_url(),
    }


@pytest.mark.parametrize("page", ["home", "article", "section", "keyword"])
def test_a_second_visit_is_answered_without_a_query(
    client, article, django_assert_num_queries, page
):
    url = page_urls(article)[page]
    first = client.get(url)
    assert first.status_code == 200

    with django_assert_num_queries(0):
        second = client.get(url)

    assert second.status_code == 200
    assert second.content == first.content


def test_pages_say_how_long_a_proxy_may_hold_them(client, article):
    response = client.get(article.get_absolute_url())

    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    # A proxy may hold a page for a second or two, and never serve it stale while
    # it asks again: a withdrawal shows through it within 2 s (issue 11).
    assert "s-maxage=1" in cache_control
    assert "stale-while-revalidate" not in cache_control
    assert response["ETag"].startswith('W/"')


def test_a_reader_with_the_current_page_gets_304_without_a_query(
    client, article, django_assert_num_queries
):
    etag = client.get(article.get_absolute_url())["ETag"]

    with django_assert_num_queries(0):
        response = client.get(
            article.get_absolute_url(), headers={"If-None-Match": etag}
        )

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_an_old_etag_gets_the_new_page(
    client, article, django_capture_on_commit_callbacks
):
    etag = client.get(article.get_absolute_url())["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Clinics extend hours again"
        article.save()

    response = client.get(article.get_absolute_url(), headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert b"Clinics extend hours again" in response.content
    assert response["ETag"] != etag


@pytest.mark.parametrize(
    ("accepted", "encoding", "decompress"),
    [
        ("gzip, deflate, br", "br", brotli.decompress),
        ("gzip, deflate", "gzip", gzip.decompress),
    ],
)
def test_cached_pages_are_sent_compressed_to_browsers_that_accept_it(
    client, article, accepted, encoding, decompress
):
    plain = client.get(article.get_absolute_url())
    compressed = client.get(
        article.get_absolute_url(), headers={"Accept-Encoding": accepted}
    )
    again = client.get(
        article.get_absolute_url(), headers={"Accept-Encoding": accepted}
    )

    assert compressed["Content-Encoding"] == again["Content-Encoding"] == encoding
    assert "Accept-Encoding" in compressed["Vary"]
    assert decompress(compressed.content) == decompress(again.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2


# Every change that shows on a page refreshes it at once.


def shows(client, url, text) -> bool:
    return text in client.get(url).content.decode()


def test_publishing_shows_at_once(client, article, django_capture_on_commit_callbacks):
    draft = ArticleFactory(title="Bridge reopens", draft=True, section=article.section)
    assert not shows(client, "/en/", "Bridge reopens")

    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(articles=[draft])

    assert shows(client, "/en/", "Bridge reopens")
    assert shows(client, article.section.get_absolute_url(), "Bridge reopens")


def test_an_edit_shows_at_once(client, article, django_capture_on_commit_callbacks):
    assert shows(client, article.get_absolute_url(), "Clinics extend hours")

    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Clinics open at night"
        article.save()

    assert shows(client, article.get_absolute_url(), "Clinics open at night")
    assert shows(client, "/en/", "Clinics open at night")


def test_withdrawing_shows_at_once(client, article, django_capture_on_commit_callbacks):
    url = article.get_absolute_url()
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        services.article_withdraw(articles=[article])

    assert client.get(url).status_code == 404
    assert not shows(client, "/en/", "Clinics extend hours")


def test_a_scheduled_article_appears_when_its_time_comes(client, article):
    ArticleFactory(
        title="Timed story",
        published_at=timezone.now() + timedelta(seconds=1),
        section=article.section,
    )
    assert not shows(client, "/en/", "Timed story")

    time.sleep(2.1)

    assert shows(client, "/en/", "Timed story")


def test_an_approved_comment_shows_at_once(
    client, article, django_capture_on_commit_callbacks
):
    comment = CommentFactory(article=article, pending=True, body="Thanks for this")
    url = article.get_absolute_url()
    assert "Comments (0)" in client.get(url).content.decode()
    moderator = get_user_model().objects.create_user("mod")

    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comments=[comment], moderator=moderator)

    page = client.get(url).content.decode()
    assert "Comments (1)" in page
    assert "Thanks for this" in page


def test_a_masthead_edit_shows_at_once(
    client, article, django_capture_on_commit_callbacks
):
    assert not shows(client, "/en/", "The Valley Courier")

    with django_capture_on_commit_callbacks(execute=True):
        set_site_settings(name="The Valley Courier")

    assert shows(client, "/en/", "The Valley Courier")
    assert shows(client, article.get_absolute_url(), "The Valley Courier")


# A cached page never carries one visitor's data to another.


def test_the_cached_article_page_has_no_per_visitor_parts(client, article):
    page = client.get(article.get_absolute_url()).content.decode()

    assert "csrfmiddlewaretoken" not in page
    assert 'name="captcha_0"' not in page
    assert 'name="form_token"' not in page
    assert "Set-Cookie" not in str(client.get(article.get_absolute_url()).headers)


def test_a_staff_visit_is_neither_cached_nor_served_to_readers(
    client, admin_client, article
):
    draft = ArticleFactory(title="Unfinished draft", draft=True)
    staff_page = admin_client.get(draft.get_absolute_url())
    assert staff_page.status_code == 200
    assert (
        "Cache-Control" not in staff_page or "public" not in staff_page["Cache-Control"]
    )
    admin_client.get("/en/")

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Unfinished draft" not in client.get("/en/").content.decode()


def test_the_thank_you_message_reaches_only_its_reader(client, article):
    url = article.get_absolute_url()
    client.get(url)
    posted = post_comment(client, article, filled_form(client, article))
    assert posted.status_code == 302

    own_page = client.get(url).content.decode()
    assert "will appear once a moderator approves it" in own_page

    other_reader = Client()
    assert "will appear once a moderator" not in other_reader.get(url).content.decode()


def test_unknown_query_strings_are_ignored_for_the_page_and_its_key(
    client, article, django_assert_num_queries
):
    # Each unknown parameter used to force a render (issue 11): now the page is the
    # one of its address, stored once.
    plain = client.get(article.get_absolute_url())

    with django_assert_num_queries(0):
        response = client.get(article.get_absolute_url() + "?utm_source=feed")

    assert response.status_code == 200
    assert response.content == plain.content


def test_the_page_cache_can_be_switched_off(settings, client, article):
    settings.PAGE_CACHE = False
    client.get("/en/")

    response = client.get("/en/")

    assert "ETag" not in response
    assert Article.objects.exists()


# Pages in the answering process's memory, and a version trusted for a tenth of a
# second: a hit needs no round trip to a shared cache.


def test_a_hit_within_the_recheck_time_asks_the_shared_cache_nothing(
    client, article, monkeypatch
):
    monkeypatch.setattr(versions.SharedCacheVersions, "recheck_seconds", 60)
    monkeypatch.setattr(versions.FileVersions, "recheck_seconds", 60)
    client.get(article.get_absolute_url())
    asked = []
    monkeypatch.setattr(shared.store(), "get", lambda *a, **k: asked.append(a))
    monkeypatch.setattr(shared.store(), "get_many", lambda *a, **k: asked.append(a))

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert asked == []


def test_a_change_made_by_another_process_shows_within_the_recheck_time(
    client, article
):
    client.get(article.get_absolute_url())
    # Another app process publishes an edit: the database and the shared version
    # change, and this process is told nothing.
    Article.objects.filter(pk=article.pk).update(title="Clinics close early")
    versions.store().bump({versions.SITE})

    time.sleep(versions.SHARED_RECHECK_SECONDS)

    assert shows(client, article.get_absolute_url(), "Clinics close early")


def test_process_memory_keeps_within_its_bytes_dropping_the_least_recently_used():
    memory = ProcessMemory(max_bytes=300)
    for key in ("a", "b", "c"):
        memory.put(key, "x" * 100, seconds=60)
    memory.get("a")

    memory.put("d", "x" * 100, seconds=60)

    assert memory.get("b") is None
    assert [key for key in "acd" if memory.get(key)] == ["a", "c", "d"]
    assert memory.size == 300


def test_process_memory_counts_a_stored_page_by_its_compressed_bytes():
    memory = ProcessMemory(max_bytes=10_000)
    page = StoredPage(
        token="v1", gzipped=b"g" * 3000, brotli=b"b" * 2000, content_type="text/html"
    )

    memory.put("page", page, seconds=60)

    assert memory.size == NOMINAL_VALUE_BYTES + 5000


def test_process_memory_forgets_a_value_when_it_expires():
    memory = ProcessMemory(max_bytes=1000)
    memory.put("soon", "fragment", seconds=0)

    assert memory.get("soon") is None
    assert memory.size == 0


def test_fragments_are_answered_from_process_memory_within_the_recheck_time(
    monkeypatch,
):
    monkeypatch.setattr(versions.SharedCacheVersions, "recheck_seconds", 60)
    monkeypatch.setattr(versions.FileVersions, "recheck_seconds", 60)
    built = []

    def build():
        built.append(1)
        return "<p>fragment</p>"

    first = fragments.cached_for_readers("part", build, scheduled=False)
    asked = []
    monkeypatch.setattr(shared.store(), "get", lambda *a, **k: asked.append(a))
    again = fragments.cached_for_readers("part", build, scheduled=False)

    assert first == again == "<p>fragment</p>"
    assert built == [1]
    assert asked == []
