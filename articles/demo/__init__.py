"""Demo content for a fresh installation: "The Orontes Dispatch", an invented outlet.

``load_demo_content`` fills an empty database with the masthead, sections, keywords,
illustrated articles in both editions and two staff accounts. The English texts are
in ``content``, the Arabic ones (some of them translations, linked both ways to their
English articles) in ``content_ar``, the drawings in ``images``.
"""

from datetime import timedelta
from typing import Any, TextIO

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.demo.accounts import create_demo_accounts
from articles.demo.content import DEMO_ARTICLES, KEYWORDS, SECTIONS, SITE
from articles.demo.content_ar import (
    DEMO_ARTICLES_AR,
    KEYWORDS_AR,
    SECTIONS_AR,
    SITE_AR,
)
from articles.demo.images import draw_illustration
from articles.images import stored_names
from articles.models import Article, Keyword, Section, SiteSettings

ENGLISH, ARABIC = "en", "ar"
IMAGE_CREDITS = {
    ENGLISH: "Illustration: Orontes Dispatch",
    ARABIC: "رسم: رسالة العاصي",
}


def load_demo_content(stdout: TextIO | None = None) -> bool:
    """Load the demo into an empty database; return False if articles already exist.

    Progress and the demo accounts' passwords go to ``stdout`` when given.
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
            SiteSettings.objects.update_or_create(pk=1, defaults=SITE | SITE_AR)
            sections = _create_sections()
            keywords = _create_keywords()
            english: dict[str, tuple[int, Article]] = {}
            for index, data in enumerate(DEMO_ARTICLES):
                article = _create_article(
                    index, data, ENGLISH, sections, keywords, saved_files
                )
                english[article.title] = (index, article)
            for offset, data in enumerate(DEMO_ARTICLES_AR, start=len(DEMO_ARTICLES)):
                _create_arabic_article(
                    offset, data, english, sections, keywords, saved_files
                )
            for line in create_demo_accounts():
                say(line)
    except BaseException:
        # The rows are rolled back; the image files and their renditions would
        # otherwise stay behind.
        storage: Storage = Article._meta.get_field("image").storage
        for name in saved_files:
            storage.delete(name)
        raise
    say(
        f"Loaded {len(DEMO_ARTICLES)} English and {len(DEMO_ARTICLES_AR)} Arabic "
        f"articles in {len(sections)} sections with {len(keywords)} keywords."
    )
    return True


def _create_sections() -> dict[str, Section]:
    sections = {}
    for position, name in enumerate(SECTIONS, start=1):
        sections[name], _created = Section.objects.update_or_create(
            name=name,
            defaults={
                "name_ar": SECTIONS_AR[name],
                "slug": slugify(name, allow_unicode=True),
                "position": position,
            },
        )
    return sections


def _create_keywords() -> dict[str, Keyword]:
    keywords = {}
    for name in KEYWORDS:
        name_ar = KEYWORDS_AR[name]
        keywords[name], _created = Keyword.objects.get_or_create(
            name=name,
            defaults={
                "slug": slugify(name, allow_unicode=True),
                "name_ar": name_ar,
                "slug_ar": slugify(name_ar, allow_unicode=True),
            },
        )
    return keywords


def _create_arabic_article(
    index: int,
    data: dict[str, Any],
    english: dict[str, tuple[int, Article]],
    sections: dict[str, Section],
    keywords: dict[str, Keyword],
    saved_files: list[str],
) -> Article:
    """Create an Arabic article and link it both ways to its English one, if any."""
    if not data["translation_of"]:
        return _create_article(
            index, data, ARABIC, sections, keywords, saved_files, file_stem=data["key"]
        )
    english_index, original = english[data["translation_of"]]
    # The same story carries the same picture in both editions.
    article = _create_article(
        index,
        data,
        ARABIC,
        sections,
        keywords,
        saved_files,
        file_stem=data["key"],
        image_index=english_index,
        translation=original,
    )
    original.translation = article
    original.full_clean()
    original.save(update_fields=["translation"])
    return article


def _create_article(
    index: int,
    data: dict[str, Any],
    language: str,
    sections: dict[str, Section],
    keywords: dict[str, Keyword],
    saved_files: list[str],
    *,
    file_stem: str = "",
    image_index: int | None = None,
    translation: Article | None = None,
) -> Article:
    """Create one article; ``index`` seeds its drawing unless ``image_index`` does.

    The image file is named after ``file_stem``, or the slug when that is empty.
    """
    now = timezone.now().replace(microsecond=0)
    # Seconds vary from article to article so that times do not look generated.
    published_at = now - data["age"] - timedelta(seconds=(index * 37) % 60)
    article = Article(
        language=language,
        translation=translation,
        title=data["title"],
        slug=slugify(data["title"], allow_unicode=True)[:200],
        lead=data["lead"],
        body=data["body"],
        section=sections[data["section"]],
        reporter_credit=data["reporter_credit"],
        translator_credit=data["translator_credit"],
        source_label=data["source_label"],
        status=data["status"],
        published_at=published_at,
        # Breaking for two days from loading, so the demo's ticker shows some.
        breaking_until=now + timedelta(days=2) if data["is_breaking"] else None,
    )
    if data["image_motif"]:
        jpeg, alt = draw_illustration(
            index if image_index is None else image_index,
            data["image_motif"],
            language,
        )
        name = f"{(file_stem or article.slug)[:80]}.jpg"
        article.image.save(name, ContentFile(jpeg), save=False)
        saved_files.extend(stored_names(article.image.name, article.image_renditions))
        article.image_alt = alt
        article.image_caption = data["image_caption"]
        article.image_credit = IMAGE_CREDITS[language]
    article.full_clean()
    article.save()
    article.keywords.set([keywords[name] for name in data["keywords"]])
    return article
