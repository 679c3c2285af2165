"""Corrections and updates: dated notes at the end of an article, "Updated <time>"
beside its publication time, and a corrections page per edition, newest first,
paginated, with a flat query count. A note never changes the publication time."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Correction, now_to_the_second
from tests.articles.pages import soup_of, text_of
from tests.desk.helpers import change_form_data, change_url, signed_in
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def corrections_url(language="en"):
    with translation.override(language):
        return reverse("articles:corrections")


def note(article, kind=Correction.Kind.CORRECTION, text="A name was misspelt.", **kw):
    return Correction.objects.create(article=article, kind=kind, note=text, **kw)


def test_an_editor_adds_a_correction_in_the_article_form(client):
    signed_in(client, "eda", "Editors")
    at = now_to_the_second() - timedelta(days=1)
    article = ArticleFactory(published_at=at)
    data = change_form_data(client, article)
    data.update(
        {
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-kind": "correction",
            "corrections-0-note": "The dam is 40 km from the city, not 14.",
            "corrections-0-noted_at_0": timezone.localtime().strftime("%Y-%m-%d"),
            "corrections-0-noted_at_1": timezone.localtime().strftime("%H:%M:%S"),
        }
    )

    response = client.post(change_url(article), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.corrections.get().note.startswith("The dam is 40 km")
    assert article.published_at == at
    assert article.last_note_at is not None


def test_notes_show_at_the_end_of_the_article_with_updated_beside_the_time(
    client, django_capture_on_commit_callbacks
):
    at = now_to_the_second() - timedelta(days=2)
    article = ArticleFactory(published_at=at)
    with django_capture_on_commit_callbacks(execute=True):
        note(article, noted_at=at + timedelta(hours=1))
        latest = note(
            article,
            kind=Correction.Kind.UPDATE,
            text="The road reopened.",
            noted_at=at + timedelta(hours=5),
        )

    page = soup_of(client.get(article.get_absolute_url()))

    notes = [text_of(p) for p in page.select(".article-notes .article-note")]
    assert notes[0].startswith("Correction")
    assert notes[1].startswith("Update") and notes[1].endswith("The road reopened.")
    updated = page.select_one(".article-meta .article-updated time")
    assert updated["datetime"] == timezone.localtime(latest.noted_at).isoformat()
    published = page.select_one(".article-meta > time")
    assert published["datetime"] == timezone.localtime(at).isoformat()
    # The notes close the article: after its body and credits.
    assert page.select_one("article > .article-notes")


def test_an_article_without_notes_shows_no_updated_time(client):
    article = ArticleFactory()
    page = soup_of(client.get(article.get_absolute_url()))
    assert not page.select_one(".article-updated")
    assert not page.select_one(".article-notes")


def test_deleting_the_last_note_removes_the_updated_time():
    article = ArticleFactory()
    only = note(article)
    only.delete()
    article.refresh_from_db()
    assert article.last_note_at is None


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_corrections_page_lists_its_editions_corrections_newest_first(
    client, language
):
    other = "ar" if language == "en" else "en"
    mine = ArticleFactory(language=language, title="Ours")
    theirs = ArticleFactory(language=other, title="Other edition's")
    hidden = ArticleFactory(language=language, draft=True, title="A draft")
    now = now_to_the_second()
    note(mine, text="Older correction.", noted_at=now - timedelta(days=3))
    note(mine, text="Newer correction.", noted_at=now - timedelta(days=1))
    note(mine, kind=Correction.Kind.UPDATE, text="An update, not a correction.")
    note(theirs, text="Not this edition.")
    note(hidden, text="Not visible.")

    response = client.get(corrections_url(language))

    assert response.status_code == 200
    items = soup_of(response).select(".correction-item")
    assert [
        text_of(i.select_one(".correction-note")).split(": ", 1)[1] for i in items
    ] == [
        "Newer correction.",
        "Older correction.",
    ]
    assert items[0].select_one("a")["href"] == mine.get_absolute_url()


def test_the_corrections_page_is_paginated_with_a_flat_query_count(
    client, django_assert_num_queries
):
    def fill(count):
        for n in range(count):
            note(ArticleFactory(), text=f"Correction {n}.")

    fill(5)
    client.get(corrections_url())
    with django_assert_num_queries(0):
        client.get(corrections_url())  # the page cache
    from tests.caches import empty_reader_caches

    empty_reader_caches()
    with django_assert_num_queries(6) as small:
        client.get(corrections_url())
    fill(45)
    empty_reader_caches()
    with django_assert_num_queries(len(small)):
        second = client.get(corrections_url(), {"page": 2})
    assert len(soup_of(second).select(".correction-item")) == 20
