"""export_static --since writes only what changed: an edited article's pages and the
listings that show it; an untouched article's file is left as it was (same inode,
same time); the manifest is regenerated over the whole tree and verifies.

Transactional: the reader cache refreshes on commit, as it does for the newsroom
before a scheduled export runs."""

import time
from pathlib import Path

import pytest
from django.utils import timezone

from articles.models import Article
from tests.staticcopy.conftest import export


def article_file(directory: Path, article) -> Path:
    return directory / article.get_absolute_url().lstrip("/") / "index.html"


def lite_file(directory: Path, article) -> Path:
    return directory / article.language / "lite" / str(article.pk) / "index.html"


def stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_ino, info.st_mtime_ns


@pytest.mark.django_db(transaction=True)
def test_since_rewrites_the_changed_article_only(site, exported):
    untouched = [article_file(exported, site.other), lite_file(exported, site.other)]
    before = {path: stamp(path) for path in untouched}
    edited = article_file(exported, site.english)
    edited_before = stamp(edited)
    time.sleep(0.01)
    since = timezone.now()
    site.english.title = "Bakeries in Homs raise the price of bread again"
    site.english.save()

    export(exported, site.key, "--since", since.isoformat())

    assert {path: stamp(path) for path in untouched} == before
    assert stamp(edited) != edited_before
    assert "raise the price of bread again" in edited.read_text()
    assert (
        "raise the price of bread again"
        in lite_file(exported, site.english).read_text()
    )
    # The listings that show it were written again too.
    assert "price of bread again" in (exported / "en" / "index.html").read_text()
    assert (
        "price of bread again" in (exported / "en" / "lite" / "index.html").read_text()
    )
    manifest = (exported / "SHA256SUMS").read_text()
    assert str(edited.relative_to(exported)) in manifest


@pytest.mark.django_db(transaction=True)
def test_since_last_uses_the_previous_export_time(site, exported):
    untouched = article_file(exported, site.other)
    before = stamp(untouched)
    Article.objects.filter(pk=site.english.pk).update(lead="A new lead.")
    Article.objects.filter(pk=site.english.pk).update(updated_at=timezone.now())
    export(exported, site.key, "--since", "last")
    assert stamp(untouched) == before
    assert "A new lead." in article_file(exported, site.english).read_text()


@pytest.mark.django_db(transaction=True)
def test_a_taken_down_article_leaves_the_copy(site, exported):
    since = timezone.now()
    page = article_file(exported, site.english)
    assert page.is_file()
    site.english.status = Article.Status.REMOVED
    site.english.save()
    export(exported, site.key, "--since", since.isoformat())
    assert not page.exists()
    assert not lite_file(exported, site.english).exists()
    assert "Bakeries in Homs" not in (exported / "en" / "index.html").read_text()


@pytest.mark.django_db(transaction=True)
def test_a_full_export_again_rewrites_nothing_unchanged(site, exported, capsys):
    page = article_file(exported, site.other)
    before = stamp(page)
    export(exported, site.key)
    assert stamp(page) == before
    assert " 0 written" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_since_rewrites_an_article_whose_comment_was_approved(site, exported):
    from comments.models import Comment
    from tests.comments.helpers import CommentFactory

    comment = CommentFactory(article=site.other, pending=True)
    page = article_file(exported, site.other)
    before = stamp(page)
    since = timezone.now()
    comment.status = Comment.Status.APPROVED
    comment.decided_at = timezone.now()
    comment.save()
    export(exported, site.key, "--since", since.isoformat())
    assert stamp(page) != before
    assert "Comments (1)" in page.read_text()
