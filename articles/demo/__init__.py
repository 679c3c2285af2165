"""Demo content for a fresh installation: "The Orontes Dispatch", an invented outlet.

``load_demo_content`` fills an empty database with the masthead, sections, keywords,
illustrated articles and two staff accounts. The texts are in ``content``, the
drawings in ``images``.
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
from articles.demo.images import draw_illustration
from articles.models import Article, Keyword, Section, SiteSettings

IMAGE_CREDIT = "Illustration: Orontes Dispatch"


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
            SiteSettings.objects.update_or_create(pk=1, defaults=SITE)
            sections = _create_sections()
            keywords = _create_keywords()
            for index, data in enumerate(DEMO_ARTICLES):
                _create_article(index, data, sections, keywords, saved_files)
            for line in create_demo_accounts():
                say(line)
    except BaseException:
        # The rows are rolled back; the image files would otherwise stay behind.
        storage: Storage = Article._meta.get_field("image").storage
        for name in saved_files:
            storage.delete(name)
        raise
    say(
        f"Loaded {len(DEMO_ARTICLES)} articles in {len(sections)} sections "
        f"with {len(keywords)} keywords."
    )
    return True


def _create_sections() -> dict[str, Section]:
    sections = {}
    for position, name in enumerate(SECTIONS, start=1):
        sections[name], _created = Section.objects.update_or_create(
            name=name,
            defaults={"slug": slugify(name, allow_unicode=True), "position": position},
        )
    return sections


def _create_keywords() -> dict[str, Keyword]:
    keywords = {}
    for name in KEYWORDS:
        keywords[name], _created = Keyword.objects.get_or_create(
            name=name, defaults={"slug": slugify(name, allow_unicode=True)}
        )
    return keywords


def _create_article(
    index: int,
    data: dict[str, Any],
    sections: dict[str, Section],
    keywords: dict[str, Keyword],
    saved_files: list[str],
) -> Article:
    now = timezone.now().replace(microsecond=0)
    # Seconds vary from article to article so that times do not look generated.
    published_at = now - data["age"] - timedelta(seconds=(index * 37) % 60)
    article = Article(
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
        is_breaking=data["is_breaking"],
    )
    if data["image_motif"]:
        jpeg, alt = draw_illustration(index, data["image_motif"])
        article.image.save(f"{article.slug[:80]}.jpg", ContentFile(jpeg), save=False)
        saved_files.append(article.image.name)
        article.image_alt = alt
        article.image_caption = data["image_caption"]
        article.image_credit = IMAGE_CREDIT
    article.full_clean()
    article.save()
    article.keywords.set([keywords[name] for name in data["keywords"]])
    return article
