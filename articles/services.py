"""Staff writes that readers see: saving an article from the admin form,
submitting it for review, publishing, withdrawing, taking it down everywhere and
deleting it, restoring an earlier version, linking translations, and storing an
older image again the way uploads are stored now.

Who may do what is decided here as well as in the admin, so that a forged request
meets the same rule: reporters write and edit their own drafts and submit them for
review; only staff with ``articles.publish_article`` (Editors) publish, schedule,
withdraw, take down, restore, or touch what readers have seen or others wrote.
A caller with no user (``by=None``: the demo loader, a management command) is the
system and is trusted. Every save keeps a version (django-reversion) naming who.

Admin actions and anything else call these; each runs in a transaction, and the
cache refresh follows on commit (see ``articles.signals``). Each change an editor
makes writes its audit row (``staff.services.audit_record``) in the same
transaction, so the change and its record are kept or lost together.
"""

import posixpath
from collections.abc import Iterable
from datetime import datetime

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from reversion.models import Version

from articles.models import Article, now_to_the_second
from staff.services import Action, audit_record, trail_language, trail_time

# What readers see of an article at a given moment.
DRAFT, SCHEDULED, LIVE = "draft", "scheduled", "live"

# Fields a reporter may not set: when and how an article reaches readers.
PUBLICATION_FIELDS = {"status", "published_at", "breaking_until"}

# What restoring a version brings back: the writing, not the publication state
# (a restore never publishes or withdraws) nor the image (whose files may be gone).
RESTORED_FIELDS = [
    "title",
    "slug",
    "lead",
    "body",
    "source_label",
    "reporter_credit",
    "translator_credit",
    "section",
]


def can_publish(user: AbstractBaseUser | None) -> bool:
    """Editors (and the system, ``None``) publish, schedule, withdraw and review."""
    return user is None or user.has_perm("articles.publish_article")


def can_edit(user: AbstractBaseUser | None, article: Article) -> bool:
    """Whether ``user`` may change ``article`` as it is stored now: an editor any,
    a reporter only their own, and only before readers have seen it."""
    if can_publish(user):
        return True
    return (
        user.has_perm("articles.change_article")
        and article.created_by_id == user.pk
        and article.status in Article.UNPUBLISHED
    )


def _require_publisher(by: AbstractBaseUser | None) -> None:
    if not can_publish(by):
        raise PermissionDenied(
            gettext("Only editors publish, schedule, withdraw or restore articles.")
        )


def _reader_state(status: str, published_at: datetime, now: datetime) -> str:
    if status != Article.Status.PUBLISHED:
        return DRAFT
    return SCHEDULED if published_at > now else LIVE


def _keep_version(by: AbstractBaseUser | None, comment: str) -> None:
    """Name who saved and why in the revision being recorded."""
    if by is not None and by.is_authenticated:
        reversion.set_user(by)
    reversion.set_comment(comment)


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
    published_at_chosen: bool = True,
) -> Article:
    """Store an article as an editor wrote it (the admin's add and change form):
    the article, its translation link both ways, and the audit trail: the creation
    or the fields changed, and a publish, schedule or withdraw when the save changed
    what readers see. Many-to-many fields are the caller's to save afterwards, in
    the same transaction (the admin does).

    ``published_at_chosen=False`` (the form's time was left as it was) makes an
    article published by this save appear now rather than at that old time."""
    now = timezone.now()
    changed_fields = list(changed_fields)
    before = before_time = stored = None
    if not created:
        stored = Article.objects.filter(pk=article.pk).first()
        if stored is not None:
            before_time = stored.published_at
            before = _reader_state(stored.status, before_time, now)
    _check_save_allowed(
        article=article, stored=stored, by=by, changed_fields=changed_fields
    )
    if created and by is not None and by.is_authenticated:
        article.created_by = by
    if (
        before != LIVE
        and before != SCHEDULED
        and article.status == Article.Status.PUBLISHED
        and not published_at_chosen
        and article.published_at <= now
    ):
        # Published from its form without a time chosen: it appears now, at the
        # top of the news, not at the time the draft was begun.
        article.published_at = now_to_the_second()
    # Moving a link that belongs to another pair is allowed: the link service
    # unlinks the old pair.
    article.full_clean(exclude=["translation"])
    translation = article.translation
    article.translation = None
    with reversion.create_revision():
        article.save()
        _keep_version(by, _version_comment(created, changed_fields))
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


def _version_comment(created: bool, changed_fields: list[str]) -> str:
    with trail_language():
        if created:
            return gettext("created")
        return _changes_summary(changed_fields)


def _check_save_allowed(
    *,
    article: Article,
    stored: Article | None,
    by: AbstractBaseUser | None,
    changed_fields: list[str],
) -> None:
    if can_publish(by):
        return
    if stored is not None and not can_edit(by, stored):
        raise PermissionDenied(
            gettext("Reporters change only their own drafts, before publication.")
        )
    if stored is None and not by.has_perm("articles.add_article"):
        raise PermissionDenied
    status_before = stored.status if stored is not None else Article.Status.DRAFT
    if article.status != status_before or PUBLICATION_FIELDS & set(changed_fields):
        raise PermissionDenied(
            gettext("Reporters submit drafts for review; editors publish them.")
        )


@transaction.atomic
def article_submit_for_review(
    *,
    articles: Iterable[Article],
    by: AbstractBaseUser | None,
    request: HttpRequest | None = None,
) -> int:
    """Put drafts in the editors' review queue, noting since when they wait. A
    reporter submits only their own drafts."""
    now = now_to_the_second()
    count = 0
    for article in articles:
        if article.status != Article.Status.DRAFT:
            continue
        if not can_edit(by, article):
            raise PermissionDenied(gettext("Reporters submit only their own drafts."))
        article.status = Article.Status.REVIEW
        article.submitted_at = now
        with reversion.create_revision():
            article.save(update_fields=["status", "submitted_at", "updated_at"])
            with trail_language():
                summary = gettext("submitted for review")
            _keep_version(by, summary)
        count += 1
        with trail_language():
            audit_record(
                action=Action.ARTICLE_SUBMIT,
                by=by,
                obj=article,
                summary=summary,
                request=request,
            )
    return count


@transaction.atomic
def article_publish(
    *,
    articles: Iterable[Article],
    by: AbstractBaseUser | None = None,
    request: HttpRequest | None = None,
) -> int:
    """Publish drafts and articles waiting for review. One with a future time
    becomes scheduled; one with a past time is published now, so it goes to the top
    of the news rather than back in time. Editors only."""
    _require_publisher(by)
    now = now_to_the_second()
    count = 0
    for article in articles:
        if article.status == Article.Status.PUBLISHED:
            continue
        article.status = Article.Status.PUBLISHED
        if article.published_at <= now:
            article.published_at = now
        article.full_clean()
        with trail_language():
            summary = _state_summary(article, now)
        with reversion.create_revision():
            article.save(update_fields=["status", "published_at", "updated_at"])
            _keep_version(by, summary)
        count += 1
        with trail_language():
            audit_record(
                action=Action.ARTICLE_SCHEDULE
                if article.published_at > now
                else Action.ARTICLE_PUBLISH,
                by=by,
                obj=article,
                summary=summary,
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
    """Take published or scheduled articles off the site (back to draft) without
    deleting them. Editors only."""
    _require_publisher(by)
    now = timezone.now()
    count = 0
    for article in articles:
        if article.status != Article.Status.PUBLISHED:
            continue
        before = _reader_state(article.status, article.published_at, now)
        article.status = Article.Status.DRAFT
        with reversion.create_revision():
            article.save(update_fields=["status", "updated_at"])
            with trail_language():
                _keep_version(by, gettext("withdrawn"))
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
    naming it, its edition and what readers saw of it. Editors only."""
    _require_publisher(by)
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
def article_take_down(
    *,
    article: Article,
    by: AbstractBaseUser | None,
    reason: str,
    request: HttpRequest | None = None,
) -> Article:
    """Emergency withdrawal: the article leaves every page at once (its page then
    answers 410 Gone), its image files and renditions are deleted once this
    commits, and the audit trail keeps who did it and why. Editors only."""
    _require_publisher(by)
    reason = reason.strip()
    if not reason:
        raise ValueError("A take-down needs a reason.")
    now = timezone.now()
    before = _reader_state(article.status, article.published_at, now)
    article.status = Article.Status.REMOVED
    article.breaking_until = None
    # Clearing the field deletes the files on commit (articles.images).
    article.image = ""
    article.image_alt = article.image_caption = article.image_credit = ""
    with reversion.create_revision():
        article.save()
        with trail_language():
            _keep_version(by, gettext("taken down everywhere"))
    with trail_language():
        if before == DRAFT:
            was = gettext("was not published")
        else:
            was = _withdrawn_summary(before, article.published_at)
        audit_record(
            action=Action.ARTICLE_TAKE_DOWN,
            by=by,
            obj=article,
            summary=gettext("taken down everywhere (%(was)s); reason: %(reason)s")
            % {"was": was, "reason": reason},
            request=request,
        )
    return article


@transaction.atomic
def article_version_restore(
    *,
    article: Article,
    version: Version,
    by: AbstractBaseUser | None,
    request: HttpRequest | None = None,
) -> Article:
    """Bring back the writing of an earlier version (title, address, lead, body,
    credits, section, keywords); the publication state and the image stay as they
    are. The restore is itself a new version, and an audit row. Editors only."""
    _require_publisher(by)
    if version.object_id != str(article.pk) or version.content_type.model_class() != (
        Article
    ):
        raise ValueError("That version belongs to another object.")
    earlier = version.field_dict
    for name in RESTORED_FIELDS:
        field = Article._meta.get_field(name)
        setattr(article, field.attname, earlier[field.attname])
    article.full_clean(exclude=["translation"])
    saved_at = trail_time(version.revision.date_created)
    with trail_language():
        summary = gettext("restored the version saved %(time)s") % {"time": saved_at}
    with reversion.create_revision():
        article.save()
        article.keywords.set(earlier.get("keywords", []))
        _keep_version(by, summary)
    with trail_language():
        audit_record(
            action=Action.ARTICLE_RESTORE,
            by=by,
            obj=article,
            summary=summary,
            request=request,
        )
    return article


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
