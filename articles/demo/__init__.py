"""Demo content for a fresh installation: "The Orontes Dispatch", an invented outlet.

``load_demo_content`` fills an empty database with the masthead, sections, keywords,
illustrated articles in both editions, readers' comments (most approved, a few
awaiting moderation) and two staff accounts. The texts are data files read by
``articles.demo.data``; the drawings come from ``articles.demo.images``.

Writes go through the services an editor's and a moderator's actions use where one
exists: ``article_save`` (the admin's form: the article, its translation link both
ways, the audit trail), ``article_publish`` (the scheduled article),
``comment_submit`` and ``comment_approve``. There is none for the masthead, sections
and keywords, nor for back-dating comments: those the loader writes itself, as the
admin would.
"""

import secrets
from datetime import datetime, timedelta
from typing import TextIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from articles import services
from articles.demo.accounts import create_demo_accounts
from articles.demo.data import (
    DemoArticle,
    DemoComment,
    read_articles,
    read_comments,
    read_newsroom,
)
from articles.demo.images import draw_illustration
from articles.images import stored_names
from articles.models import Article, Keyword, Section, SiteSettings
from comments import services as comment_services
from comments.models import Comment
from newsportal.senders import sender_hash

ENGLISH, ARABIC = "en", "ar"
IMAGE_CREDITS = {
    ENGLISH: "Illustration: Orontes Dispatch",
    ARABIC: "رسم: رسالة العاصي",
}
EDITORS, MODERATORS = "Editors", "Moderators"
# How long after a comment arrived the demo moderator decided on it.
DECISION_DELAY = timedelta(minutes=25)


def load_demo_content(stdout: TextIO | None = None) -> bool:
    """Load the demo into an empty database; return False if articles already exist.

    Progress goes to ``stdout`` when given, and last, framed, the demo accounts'
    lines (their passwords are shown only there).
    """

    def say(message: str) -> None:
        if stdout is not None:
            stdout.write(message + "\n")

    saved_files: list[str] = []
    try:
        with transaction.atomic():
            # Locks the settings row so that two simultaneous runs cannot both find
            # the database empty (databases without row locks serialise writers).
            list(SiteSettings.objects.select_for_update().filter(pk=1))
            if Article.objects.exists():
                say("Demo content already present; nothing loaded.")
                return False
            account_lines = create_demo_accounts()
            summary = _load_newsroom(saved_files)
    except BaseException:
        # The rows are rolled back; the image files and their renditions would
        # otherwise stay behind.
        storage: Storage = Article._meta.get_field("image").storage
        for name in saved_files:
            storage.delete(name)
        raise
    say(summary)
    say("")
    say(
        framed(
            ["Demo staff accounts (shown only this once):", ""]
            + account_lines
            + ["", f"Log in at {admin_url()}"]
        )
    )
    return True


def _load_newsroom(saved_files: list[str]) -> str:
    """Write everything but the accounts; return the line that sums it up."""
    newsroom = read_newsroom()
    SiteSettings.objects.update_or_create(pk=1, defaults=newsroom["site"])
    sections = _create_sections(newsroom["sections"])
    keywords = _create_keywords(newsroom["keywords"])
    editor = _demo_staff(EDITORS)
    english, arabic = read_articles(ENGLISH), read_articles(ARABIC)
    created: dict[str, tuple[int, Article]] = {}
    for index, data in enumerate(english + arabic):
        original = created.get(data.translation_of)
        # The same story carries the same picture in both editions.
        image_index = original[0] if original else index
        article = _create_article(
            data,
            sections,
            keywords,
            saved_files,
            image_index,
            index,
            editor,
            translation=original[1] if original else None,
        )
        created[data.key] = (index, article)
    comments = read_comments()
    approved = _create_comments(comments, created, _demo_staff(MODERATORS))
    return (
        f"Loaded {len(english)} English and {len(arabic)} Arabic articles in "
        f"{len(sections)} sections with {len(keywords)} keywords, and "
        f"{len(comments)} readers' comments ({approved} approved, "
        f"{len(comments) - approved} awaiting moderation)."
    )


def _demo_staff(group: str) -> AbstractBaseUser | None:
    return (
        get_user_model()
        .objects.filter(groups__name=group, is_active=True)
        .order_by("pk")
        .first()
    )


def _create_sections(names: dict[str, str]) -> dict[str, Section]:
    sections = {}
    for position, (name, name_ar) in enumerate(names.items(), start=1):
        sections[name], _created = Section.objects.update_or_create(
            name=name,
            defaults={
                "name_ar": name_ar,
                "slug": slugify(name, allow_unicode=True),
                "position": position,
            },
        )
    return sections


def _create_keywords(names: dict[str, str]) -> dict[str, Keyword]:
    keywords = {}
    for name, name_ar in names.items():
        keywords[name], _created = Keyword.objects.get_or_create(
            name=name,
            defaults={
                "slug": slugify(name, allow_unicode=True),
                "name_ar": name_ar,
                "slug_ar": slugify(name_ar, allow_unicode=True),
            },
        )
    return keywords


def _create_article(
    data: DemoArticle,
    sections: dict[str, Section],
    keywords: dict[str, Keyword],
    saved_files: list[str],
    image_index: int,
    index: int,
    editor: AbstractBaseUser | None,
    *,
    translation: Article | None,
) -> Article:
    """Save one article through the admin form's service (which links its
    translation both ways); ``image_index`` seeds its drawing.

    A scheduled one is saved as a draft and published through the service, which
    schedules it.
    """
    now = timezone.now().replace(microsecond=0)
    # Seconds vary from article to article so that times do not look generated.
    published_at = now - data.age - timedelta(seconds=(index * 37) % 60)
    is_scheduled = published_at > now and not data.is_draft
    article = Article(
        language=data.language,
        title=data.title,
        slug=slugify(data.title, allow_unicode=True)[:200],
        lead=data.lead,
        body=data.body,
        section=sections[data.section],
        reporter_credit=data.reporter,
        translator_credit=data.translator,
        source_label=data.source,
        status=(
            Article.Status.DRAFT
            if data.is_draft or is_scheduled
            else Article.Status.PUBLISHED
        ),
        published_at=published_at,
        # Breaking for two days from loading, so the demo's ticker shows some.
        breaking_until=now + timedelta(days=2) if data.is_breaking else None,
        translation=translation,
    )
    if data.image_motif:
        _draw_image(article, data, image_index, saved_files)
    services.article_save(article=article, by=editor, changed_fields=[], created=True)
    article.keywords.set([keywords[name] for name in data.keywords])
    if is_scheduled:
        services.article_publish(articles=[article], by=editor)
    return article


def _draw_image(
    article: Article, data: DemoArticle, image_index: int, saved_files: list[str]
) -> None:
    jpeg, alt = draw_illustration(image_index, data.image_motif, data.language)
    # English files are named after the slug, Arabic ones after their data file.
    stem = data.file_stem.split("-", 1)[1] if data.language == ARABIC else ""
    name = f"{(stem or article.slug)[:80]}.jpg"
    article.image.save(name, ContentFile(jpeg), save=False)
    saved_files.extend(stored_names(article.image.name, article.image_renditions))
    article.image_alt = alt
    article.image_caption = data.image_caption
    article.image_credit = IMAGE_CREDITS[data.language]


def _create_comments(
    comments: list[DemoComment],
    articles: dict[str, tuple[int, Article]],
    moderator: AbstractBaseUser | None,
) -> int:
    """Submit each comment as a reader would, approve those marked approved (when
    there is a moderator), and date them; return how many were approved."""
    now = timezone.now()
    approved = 0
    for number, data in enumerate(comments, start=1):
        article = articles[data.article][1]
        comment = comment_services.comment_submit(
            article=article,
            name=data.name,
            email="",
            body=data.body,
            # Documentation addresses (RFC 5737): one invented sender per comment.
            sender_hash=sender_hash(f"192.0.2.{number}"),
            token=secrets.token_urlsafe(32),
        )
        received = min(
            article.published_at + timedelta(hours=data.hours_after),
            now - DECISION_DELAY,
        )
        decided: datetime | None = None
        if data.is_approved and moderator is not None:
            comment_services.comment_approve(comments=[comment], moderator=moderator)
            decided = received + DECISION_DELAY
            approved += 1
        Comment.objects.filter(pk=comment.pk).update(
            created_at=received, decided_at=decided
        )
    return approved


def admin_url() -> str:
    return settings.SITE_URL + reverse("admin:index")


def framed(lines: list[str]) -> str:
    """The lines in a box of plain characters, to stand out in a terminal."""
    lines = [part for line in lines for part in (line.splitlines() or [""])]
    width = max(len(line) for line in lines)
    rule = "+" + "-" * (width + 2) + "+"
    return "\n".join([rule, *(f"| {line.ljust(width)} |" for line in lines), rule])
