"""One declared refresh rule: every committed save, delete, bulk update and
many-to-many change of a watched model refreshes readers, once per transaction."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import readercache
from articles.models import Article, Keyword, KeywordListing
from comments.models import Comment
from readercache.refresh import refreshed
from tests.articles.pages import soup_of
from tests.comments.helpers import CommentFactory
from tests.factories import ArticleFactory, KeywordFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def refreshes():
    """The scopes of each refresh sent while the test runs."""
    sent = []

    def note(scopes, **kwargs):
        sent.append(scopes)

    refreshed.connect(note)
    yield sent
    refreshed.disconnect(note)


def page(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_deleting_an_approved_comment_removes_it_from_the_page_at_once(
    client, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    comment = CommentFactory(article=article, body="Remove me please")
    assert "Remove me please" in page(client, article)

    with django_capture_on_commit_callbacks(execute=True):
        comment.delete()

    assert "Remove me please" not in page(client, article)
    assert "Comments (0)" in page(client, article)


def admin_form_data(response) -> dict:
    """What a browser would post back from an admin change form, unchanged."""
    form = soup_of(response).select_one("form#article_form")
    data: dict = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "select":
            chosen = [o["value"] for o in field.select("option[selected]")]
            if field.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
        elif field.name == "textarea":
            data[name] = field.text
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") not in {"submit", "file"}:
            data[name] = field.get("value", "")
    return data


def test_one_admin_save_of_an_article_with_keywords_refreshes_readers_once(
    client, admin_client, refreshes, django_capture_on_commit_callbacks
):
    article = ArticleFactory(title="Clinics extend hours", keywords=[KeywordFactory()])
    assert "Clinics extend hours" in page(client, article)
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    data = admin_form_data(admin_client.get(change_url))
    data["title"] = "Clinics open at night"
    data["keywords"] = [str(KeywordFactory().pk), str(KeywordFactory().pk)]

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change_url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert len(refreshes) == 1
    assert "Clinics open at night" in page(client, article)


def test_a_bulk_update_refreshes_readers(client, django_capture_on_commit_callbacks):
    article = ArticleFactory(title="Clinics extend hours")
    assert "Clinics extend hours" in page(client, article)

    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(pk=article.pk).update(title="Clinics close early")

    assert "Clinics close early" in page(client, article)


def test_a_bulk_update_of_comments_refreshes_their_articles(
    client, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    CommentFactory(article=article, pending=True, body="Approved in bulk")
    assert "Approved in bulk" not in page(client, article)

    with django_capture_on_commit_callbacks(execute=True):
        Comment.objects.filter(article=article).update(status=Comment.Status.APPROVED)

    assert "Approved in bulk" in page(client, article)


def test_linking_a_keyword_from_its_own_side_refreshes_readers(
    client, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    keyword = KeywordFactory(name="Water supply")
    assert "Water supply" not in page(client, article)

    with django_capture_on_commit_callbacks(execute=True):
        keyword.articles.add(article)

    assert "Water supply" in page(client, article)


def test_many_changes_in_one_transaction_refresh_once_after_the_commit(
    refreshes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        article = ArticleFactory(keywords=[KeywordFactory(), KeywordFactory()])
        article.title = "Edited twice"
        article.save()
        Article.objects.filter(pk=article.pk).update(breaking_until=timezone.now())
        CommentFactory(article=article)
        assert refreshes == []

    assert len(refreshes) == 1
    assert "site" in refreshes[0]


def test_a_rolled_back_change_refreshes_nothing(
    refreshes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                ArticleFactory()
                raise RuntimeError("the editor's save failed")
        except RuntimeError:
            pass

    assert refreshes == []


def test_a_comment_decision_refreshes_only_its_articles_scope(
    refreshes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = CommentFactory(pending=True)
    refreshes.clear()

    with django_capture_on_commit_callbacks(execute=True):
        comment.status = Comment.Status.APPROVED
        comment.save()

    assert refreshes == [frozenset({readercache.scope_of(Article, comment.article_id)})]


def test_a_model_without_watched_querysets_cannot_be_watched():
    with pytest.raises(ImproperlyConfigured, match="WatchedQuerySet"):
        readercache.watch(KeywordListing)


def test_the_reader_cache_names_no_content_app():
    from pathlib import Path

    source = Path(readercache.__file__).parent
    for module in source.rglob("*.py"):
        text = module.read_text()
        for app in ("articles", "comments"):
            assert f"from {app}" not in text, module
            assert f"import {app}" not in text, module


def test_watched_models_are_the_ones_readers_see():
    from readercache.refresh import _watched

    assert {Article, Keyword, Comment} <= set(_watched)
    assert KeywordListing not in _watched
