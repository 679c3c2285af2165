"""Editors' writes that readers see: saving an article from the admin form,
publishing, withdrawing and deleting, linking translations, and storing an older
image again the way uploads are stored now.

Admin actions and anything else call these; each runs in a transaction, and the
cache refresh follows on commit (see ``articles.signals``). Each change an editor
makes writes its audit row (``staff.services.audit_record``) in the same
transaction, so the change and its record are kept or lost together.
"""

import posixpath
from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import FieldDoesNotExist
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from articles.models import Article, now_to_the_second
from staff.services import Action, audit_record, trail_language, trail_time

# What readers see of an article at a given moment.
DRAFT, SCHEDULED, LIVE = "draft", "scheduled", "live"


def _reader_state(status: str, published_at: datetime, now: datetime) -> str:
    if status != Article.Status.PUBLISHED:
        return DRAFT
    return SCHEDULED if published_at > now else LIVE


def _state_summary(article: Article, now: datetime) -> str:
    state = _reader_state(article.status, article.published_at, now)
    if state == DRAFT:
        return gettext("draft")
    time = trail_time(article.published_at)
    if state == SCHEDULED:
        return gettext("scheduled for %(time)s") % {"time": time}
    return gettext("live since %(time)s") % {"time": time}


def _edition_summary(article: Article, now: datetime) -> str:
    return gettext("%(edition)s edition, %(state)s") % {
        "edition": article.get_language_display(),
        "state": _state_summary(article, now),
    }


def _changes_summary(changed_fields: Iterable[str]) -> str:
    labels = []
    for name in changed_fields:
        try:
            labels.append(str(Article._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            labels.append(name)
    if not labels:
        return gettext("saved with no change")
    separator = pgettext("separator in a list of changed fields", ", ")
    return gettext("changed: %(fields)s") % {"fields": separator.join(labels)}


def _record_publication(
    *,
    article: Article,
    before: str | None,
    before_time: datetime | None,
    now: datetime,
    by: AbstractBaseUser | None,
    request: HttpRequest | None,
) -> None:
    """The publish, schedule or withdraw row for a save that changed what readers
    see: ``before`` is the article's state until this save (None: a new one)."""
    after = _reader_state(article.status, article.published_at, now)
    if after == LIVE and before != LIVE:
        action = Action.ARTICLE_PUBLISH
    elif after == SCHEDULED and (
        before != SCHEDULED or before_time != article.published_at
    ):
        action = Action.ARTICLE_SCHEDULE
    elif after == DRAFT and before in {LIVE, SCHEDULED}:
        action = Action.ARTICLE_WITHDRAW
    else:
        return
    if action == Action.ARTICLE_WITHDRAW:
        summary = _withdrawn_summary(before, before_time)
    else:
        summary = _state_summary(article, now)
    audit_record(action=action, by=by, obj=article, summary=summary, request=request)


def _withdrawn_summary(before: str, before_time: datetime) -> str:
    time = trail_time(before_time)
    if before == SCHEDULED:
        return gettext("had been scheduled for %(time)s") % {"time": time}
    return gettext("had been live since %(time)s") % {"time": time}


@transaction.atomic
def article_save(
    *,
    article: Article,
    by: AbstractBaseUser | None,
    changed_fields: Iterable[str],
    created: bool,
    request: HttpRequest | None = None,
) -> Article:
    """Store an article as an editor wrote it (the admin's add and change form):
    the article, its translation link both ways, and the audit trail: the creation
    or the fields changed, and a publish, schedule or withdraw when the save changed
    what readers see. Many-to-many fields are the caller's to save afterwards, in
    the same transaction (the admin does)."""
    now = timezone.now()
    before = before_time = None
    if not created:
        stored = (
            Article.objects.filter(pk=article.pk)
            .values_list("status", "published_at")
            .first()
        )
        if stored is not None:
            before_time = stored[1]
            before = _reader_state(stored[0], before_time, now)
    # Moving a link that belongs to another pair is allowed: the link service
    # unlinks the old pair.
    article.full_clean(exclude=["translation"])
    translation = article.translation
    article.translation = None
    article.save()
    article_link_translation(article=article, translation=translation)
    with trail_language():
        if created:
            action, summary = Action.ARTICLE_CREATE, _edition_summary(article, now)
        else:
            action, summary = Action.ARTICLE_EDIT, _changes_summary(changed_fields)
        audit_record(
            action=action, by=by, obj=article, summary=summary, request=request
        )
        _record_publication(
            article=article,
            before=before,
            before_time=before_time,
            now=now,
            by=by,
            request=request,
        )
    return article


@transaction.atomic
def article_publish(
    *,
    articles: Iterable[Article],
    by: AbstractBaseUser | None = None,
    request: HttpRequest | None = None,
) -> int:
    """Publish drafts. A draft with a future time becomes scheduled; one with a past
    time is published now, so it goes to the top of the news rather than back in time.
    """
    now = now_to_the_second()
    count = 0
    for article in articles:
        if article.status == Article.Status.PUBLISHED:
            continue
        article.status = Article.Status.PUBLISHED
        if article.published_at <= now:
            article.published_at = now
        article.full_clean()
        article.save(update_fields=["status", "published_at", "updated_at"])
        count += 1
        with trail_language():
            audit_record(
                action=Action.ARTICLE_SCHEDULE
                if article.published_at > now
                else Action.ARTICLE_PUBLISH,
                by=by,
                obj=article,
                summary=_state_summary(article, now),
                request=request,
            )
    return count


@transaction.atomic
def article_withdraw(
    *,
    articles: Iterable[Article],
    by: AbstractBaseUser | None = None,
    request: HttpRequest | None = None,
) -> int:
    """Take articles off the site (back to draft) without deleting them."""
    now = timezone.now()
    count = 0
    for article in articles:
        if article.status == Article.Status.DRAFT:
            continue
        before = _reader_state(article.status, article.published_at, now)
        article.status = Article.Status.DRAFT
        article.save(update_fields=["status", "updated_at"])
        count += 1
        with trail_language():
            audit_record(
                action=Action.ARTICLE_WITHDRAW,
                by=by,
                obj=article,
                summary=_withdrawn_summary(before, article.published_at),
                request=request,
            )
    return count


@transaction.atomic
def article_delete(
    *,
    articles: Iterable[Article],
    by: AbstractBaseUser | None,
    request: HttpRequest | None = None,
) -> int:
    """Delete articles (their comments go with them). Each keeps an audit row
    naming it, its edition and what readers saw of it."""
    now = timezone.now()
    doomed = list(articles)
    with trail_language():
        for article in doomed:
            audit_record(
                action=Action.ARTICLE_DELETE,
                by=by,
                obj=article,
                summary=_edition_summary(article, now),
                request=request,
            )
    _total, deleted = Article.objects.filter(
        pk__in=[article.pk for article in doomed]
    ).delete()
    return deleted.get(Article._meta.label, 0)


@transaction.atomic
def article_link_translation(*, article: Article, translation: Article | None) -> None:
    """Make ``translation`` and ``article`` each other's translation (or unlink).

    A link is always both ways: the article's former partner, and the new partner's
    former partner, are unlinked.
    """
    if translation is not None and translation.language == article.language:
        raise ValueError("A translation must be in the other edition.")
    stale = Article.objects.filter(translation=article)
    if translation is not None:
        stale = stale.exclude(pk=translation.pk)
        Article.objects.filter(translation=translation).exclude(pk=article.pk).update(
            translation=None
        )
    stale.update(translation=None)
    Article.objects.filter(pk=article.pk).update(translation=translation)
    if translation is not None:
        Article.objects.filter(pk=translation.pk).update(translation=article)
    article.translation = translation


@transaction.atomic
def article_image_clean(*, article: Article) -> None:
    """Store an image saved before uploads were cleaned (no renditions on the row)
    the way they are now: without metadata, upright, with renditions. The clean copy
    gets a name of its own; the old file is deleted once this commits.

    Raises ``FileNotFoundError`` when the file is gone and
    ``articles.images.UnsafeImageError`` when it is no image this site stores.
    """
    with article.image.open("rb") as stored:
        data = stored.read()
    article.image.save(
        posixpath.basename(article.image.name), ContentFile(data), save=False
    )
    article.save(
        update_fields=["image", "image_width", "image_height", "image_renditions"]
    )
