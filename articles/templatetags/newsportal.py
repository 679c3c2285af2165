from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import dateformat, timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from articles import selectors
from articles.models import Article, Keyword, Masthead, SiteSettings
from readercache.fragments import cached_for_readers, cached_many_for_readers

register = template.Library()

# Static files' URLs by path: the manifest of hashed names does not change under a
# running process, and looking a name up in it cost 4 % of a rendered page.
_asset_urls: dict[str, str] = {}


@receiver(setting_changed)
def _forget_asset_urls(setting, **kwargs):
    if setting in {"STORAGES", "STATIC_URL"}:
        _asset_urls.clear()


@register.simple_tag
def asset(path: str) -> str:
    """Like ``{% static %}``, worked out once per process."""
    url = _asset_urls.get(path)
    if url is None:
        url = _asset_urls[path] = static(path)
    return url


@register.simple_tag
def site_settings() -> Masthead:
    return cached_for_readers(
        f"masthead:{translation.get_language()}",
        lambda: SiteSettings.load().for_edition(),
        scheduled=False,
    )


@dataclass(frozen=True)
class PageChrome:
    """What frames every page of an edition, as HTML: the ticker, the section
    navigation (which marks the section being read) and the footer."""

    ticker: SafeString
    navigation: SafeString
    footer: SafeString


def _render_chrome(*, current_section_pk, current_is_page, is_home) -> PageChrome:
    sections = selectors.navigation_sections()
    site = site_settings()
    return PageChrome(
        ticker=render_to_string(
            "includes/_ticker.html", {"ticker_articles": selectors.ticker_articles()}
        ),
        navigation=render_to_string(
            "includes/_section_nav.html",
            {
                "sections": sections,
                "current_section_pk": current_section_pk,
                "current_is_page": current_is_page,
                "is_home": is_home,
            },
        ),
        footer=render_to_string(
            "includes/_footer.html", {"sections": sections, "site": site}
        ),
    )


@register.simple_tag(takes_context=True)
def page_chrome(context) -> PageChrome:
    """The page's chrome, rendered once per edition and navigation state and kept
    until the next visible change: it holds nothing of one visitor."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    section = context.get("current_section")
    state = {
        "current_section_pk": getattr(section, "pk", None),
        "current_is_page": bool(context.get("current_section_is_page")),
        "is_home": bool(match and match.url_name == "home"),
    }
    return cached_for_readers(
        "chrome:{lang}:{current_section_pk}:{current_is_page:d}:{is_home:d}".format(
            lang=translation.get_language(), **state
        ),
        lambda: _render_chrome(**state),
    )


@register.simple_tag
def front_page_blocks() -> SafeString:
    """The front page's lead story, latest articles and section blocks: the same for
    every reader of an edition, so rendered once per content version and kept (until
    the next scheduled publication, which changes them)."""
    return cached_for_readers(
        f"front-page:{translation.get_language()}",
        lambda: render_to_string(
            "articles/_front_page.html", {"front": selectors.front_page()}
        ),
    )


@register.simple_tag
def article_keywords(article) -> SafeString:
    """The article's keyword links, rendered once per article, edition and content
    version: like its comment section, the same for every reader."""
    return cached_for_readers(
        f"keywords:{translation.get_language()}:{article.pk}",
        lambda: render_to_string(
            "articles/_keywords.html", {"keywords": list(article.keywords.all())}
        ),
        scheduled=False,
    )


@register.simple_tag
def teaser_list(
    articles, *, show_section=False, with_image=False, with_lead=False, lead_first=False
) -> SafeString:
    """Teasers of ``articles``, in order. Each teaser's HTML is the same on every page
    that lists the article, so it is rendered once per content version and edition
    and kept; the listing itself (which articles, in which order) is read fresh.

    ``with_lead`` gives every teaser its summary, ``lead_first`` only the first.
    """
    language = translation.get_language()

    def variant(position: int) -> dict:
        return {
            "show_section": show_section,
            "with_image": with_image,
            "with_lead": with_lead or (lead_first and position == 0),
        }

    builds = {}
    names = []
    for position, article in enumerate(articles):
        options = variant(position)
        name = "teaser:{language}:{pk}:{flags}".format(
            language=language,
            pk=article.pk,
            flags="".join("1" if on else "0" for on in options.values()),
        )
        names.append(name)
        builds[name] = partial(
            render_to_string, "articles/_teaser.html", {"article": article, **options}
        )
    teasers = cached_many_for_readers(builds) if builds else {}
    return mark_safe("".join(teasers[name] for name in names))


@dataclass(frozen=True)
class EditionLink:
    language: str
    url: str
    label: str
    # The same page in the other edition (hreflang-worthy), not just its front page.
    is_same_page: bool
    absolute_url: str


def _in_edition(language: str, url_of) -> str:
    with translation.override(language):
        return url_of()


@register.simple_tag(takes_context=True)
def edition_links(context) -> list[EditionLink]:
    """Where this page is in the other edition: an article's translation, the same
    section or keyword page, or else that edition's front page."""
    request = context["request"]
    current = translation.get_language()
    article = context.get("article")
    keyword = context.get("keyword")
    links = []
    for language, _name in settings.LANGUAGES:
        if language == current:
            continue
        url = ""
        if context.get("is_error_page"):
            url = ""
        elif isinstance(article, Article):
            counterpart = article.published_translation
            url = counterpart.get_absolute_url() if counterpart else ""
        elif isinstance(keyword, Keyword):
            url = _in_edition(language, keyword.get_absolute_url)
        elif request.resolver_match and request.resolver_match.namespace == "articles":
            url = translate_url(request.path, language)
        with translation.override(language):
            label = (
                gettext("Read in English")
                if url and isinstance(article, Article)
                else pgettext("name of the edition, in its own language", "English")
            )
        links.append(
            EditionLink(
                language=language,
                url=url or _in_edition(language, lambda: reverse("articles:home")),
                label=label,
                is_same_page=bool(url),
                absolute_url=request.build_absolute_uri(url) if url else "",
            )
        )
    return links


# How times read in each edition: the reference page's "2016-04-28 13:49:48" in
# English; day, Arabic month name and year in Arabic.
TIME_FORMATS = {
    "en": {"seconds": "Y-m-d H:i:s", "minutes": "Y-m-d H:i"},
    "ar": {"seconds": "j F Y، H:i:s", "minutes": "j F Y، H:i"},
}


@register.filter
def edition_time(value: datetime | None, precision: str = "minutes") -> str:
    """``value`` in the site's time zone, written the way the edition reads it."""
    if value is None:
        return ""
    formats = TIME_FORMATS.get(translation.get_language(), TIME_FORMATS["en"])
    return dateformat.format(timezone.localtime(value), formats[precision])


@register.filter
def iso_time(value: datetime | None) -> str:
    """``value`` for a ``<time datetime>`` attribute: ISO 8601 to the second."""
    if value is None:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")
