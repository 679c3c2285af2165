"""What pages tell crawlers and link previews about themselves: the canonical
address, Open Graph and Twitter tags, schema.org JSON-LD; shared with the feeds
(authors, images).

Addresses: only the canonical link uses the main domain (``settings.SITE_URL``), so
that every copy of a page names the same original. Every other address (og:url,
JSON-LD ``@id``/``url``, the people and translations it names, images, the logo,
feeds) is built from the request's host: on the onion address or a mirror, a reader
who follows one stays there instead of being led back to a blocked domain.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from articles.images import crop_name, crop_sizes
from articles.models import Article, Correction, SiteSettings
from people.models import Credit
from readercache.fragments import cached_for_readers
from syndication.selectors import modified_at

# Open Graph names locales language_TERRITORY.
OG_LOCALES = {"en": "en_US", "ar": "ar_AR"}
# What json_script escapes, so that no text ends the script element early.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def canonical_url(path: str) -> str:
    return settings.SITE_URL + path


def here(request: HttpRequest, path: str) -> str:
    """``path`` on the host the request came on (the site, its onion, a mirror)."""
    return request.build_absolute_uri(path)


def describe_listing(kind: str, name: str, site: str) -> str:
    """What a listing (an edition, section, keyword or person page) and its feed
    say they hold, in the active language: one wording for both."""
    if kind == "section":
        return gettext("The latest %(section)s reporting from %(site)s.") % {
            "section": name,
            "site": site,
        }
    if kind == "keyword":
        return gettext("Articles about %(keyword)s from %(site)s.") % {
            "keyword": name,
            "site": site,
        }
    if kind == "person":
        return gettext("Articles by %(person)s for %(site)s.") % {
            "person": name,
            "site": site,
        }
    return gettext("The latest reporting from %(site)s.") % {"site": site}


def og_locale(language: str) -> str:
    return OG_LOCALES.get(language, language)


def json_ld_script(data: dict) -> SafeString:
    """``data`` as a JSON-LD script element that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),
    )


@dataclass(frozen=True)
class ImageMeta:
    url: str
    # None for a vector image (the site's icon), which has no pixel size.
    width: int | None
    height: int | None
    alt: str
    type: str = "image/webp"


def article_images(article: Article, request: HttpRequest) -> list[ImageMeta]:
    """The main image's 16:9, 4:3 and 1:1 crops (those it is big enough for)."""
    if not article.image or not article.image_width or not article.image_height:
        return []
    storage, name = article.image.storage, article.image.name
    return [
        ImageMeta(
            url=request.build_absolute_uri(storage.url(crop_name(name, crop.ratio))),
            width=crop.width,
            height=crop.height,
            alt=article.image_alt,
        )
        for crop in crop_sizes(article.image_width, article.image_height)
    ]


@dataclass(frozen=True)
class Byline:
    name: str
    # The person's page on the request's host; empty for a free-text credit.
    url: str


def _bylines(
    credits: list[Credit], role: str, free_text: str, request: HttpRequest
) -> list[Byline]:
    people = [c.person for c in credits if c.role == role and c.person_id]
    if people:
        return [
            Byline(person.local_name, here(request, person.get_absolute_url()))
            for person in people
        ]
    # Articles without credit records keep their free-text credit.
    return [Byline(free_text, "")] if free_text else []


def authors_of(
    article: Article, credits: list[Credit], request: HttpRequest
) -> list[Byline]:
    return _bylines(credits, Credit.Role.REPORTER, article.reporter_credit, request)


def translators_of(
    article: Article, credits: list[Credit], request: HttpRequest
) -> list[Byline]:
    return _bylines(credits, Credit.Role.TRANSLATOR, article.translator_credit, request)


@dataclass(frozen=True)
class Publisher:
    name: str
    logo: ImageMeta


def publisher(request: HttpRequest) -> Publisher:
    """The masthead in the edition being read, with its logo (the site's icon until
    an editor uploads one in the site settings), kept until the next change."""
    return cached_for_readers(
        f"publisher:{translation.get_language()}:{request.get_host()}",
        lambda: _load_publisher(request),
        scheduled=False,
    )


def _load_publisher(request: HttpRequest) -> Publisher:
    site = SiteSettings.load()
    name = site.for_edition().name
    if site.logo and site.logo_width:
        url = request.build_absolute_uri(site.logo.url)
        logo = ImageMeta(url, site.logo_width, site.logo_height, name, "")
    else:
        url = request.build_absolute_uri(static("img/favicon.svg"))
        logo = ImageMeta(url, None, None, name, "image/svg+xml")
    return Publisher(name=name, logo=logo)


def _person_ld(byline: Byline) -> dict:
    person = {"@type": "Person", "name": byline.name}
    if byline.url:
        person["url"] = byline.url
    return person


def _image_ld(image: ImageMeta) -> dict:
    data = {"@type": "ImageObject", "url": image.url}
    if image.width:
        data.update(width=image.width, height=image.height)
    return data


def _is_translation(article: Article, translators: list[Byline]) -> bool:
    # The side with a translator is the translation; without one on either side,
    # the later of the two.
    return bool(translators) or (
        article.translation is not None
        and article.translation.published_at < article.published_at
    )


@dataclass(frozen=True)
class ArticleMeta:
    canonical: str
    url: str  # on the request's host (og:url)
    title: str
    description: str
    section: str
    tags: list[str]
    published: str
    modified: str
    locale: str
    alternate_locales: list[str]
    images: list[ImageMeta]
    site_name: str
    json_ld: SafeString


def article_meta(
    article: Article, *, credits: list[Credit], request: HttpRequest
) -> ArticleMeta:
    canonical = canonical_url(article.get_absolute_url())
    url = here(request, article.get_absolute_url())
    authors = authors_of(article, credits, request)
    translators = translators_of(article, credits, request)
    images = article_images(article, request)
    tags = [keyword.local_name for keyword in article.keywords.all()]
    site = publisher(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": article.title,
        "description": article.lead,
        "datePublished": article.published_at.isoformat(),
        "dateModified": modified_at(article).isoformat(),
        "inLanguage": article.language,
        "articleSection": article.section.local_name,
        "author": [_person_ld(byline) for byline in authors],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": site.name,
            "url": here(request, reverse("articles:home")),
            "logo": _image_ld(site.logo),
        },
    }
    if translators:
        data["translator"] = [_person_ld(byline) for byline in translators]
    if images:
        data["image"] = [_image_ld(image) for image in images]
    if tags:
        data["keywords"] = tags
    counterpart = article.published_translation
    if counterpart is not None:
        key = (
            "translationOfWork"
            if _is_translation(article, translators)
            else "workTranslation"
        )
        data[key] = {
            "@type": "NewsArticle",
            "@id": here(request, counterpart.get_absolute_url()),
            "inLanguage": counterpart.language,
        }
    corrections = [
        {
            "@type": "CorrectionComment",
            "text": note.note,
            "datePublished": note.noted_at.isoformat(),
        }
        for note in article.notes
        if note.kind == Correction.Kind.CORRECTION
    ]
    if corrections:
        data["correction"] = corrections
    return ArticleMeta(
        canonical=canonical,
        url=url,
        title=article.title,
        description=article.lead,
        section=article.section.local_name,
        tags=tags,
        published=data["datePublished"],
        modified=data["dateModified"],
        locale=og_locale(article.language),
        alternate_locales=[og_locale(counterpart.language)] if counterpart else [],
        images=images,
        site_name=site.name,
        json_ld=json_ld_script(data),
    )


def other_locales() -> list[str]:
    current = translation.get_language()
    return [og_locale(code) for code, _name in settings.LANGUAGES if code != current]
