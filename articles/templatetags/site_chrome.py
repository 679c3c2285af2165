"""What frames every page of an edition, each a tag named for what it shows: the
masthead's settings, the edition switch, the ticker, the section navigation and the
footer. Each is rendered from its include (templates/includes/) once per edition
(and navigation state) and kept until the next change readers see."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.encoding import uri_to_iri
from django.utils.safestring import SafeString
from django.utils.translation import gettext, pgettext

from articles import selectors
from articles.models import Article, Keyword, Masthead, SiteSettings
from readercache.fragments import cached_for_readers

register = template.Library()


@register.simple_tag
def site_settings() -> Masthead:
    return cached_for_readers(
        f"masthead:{translation.get_language()}",
        lambda: SiteSettings.load().for_edition(),
        scheduled=False,
    )


@register.simple_tag
def ticker() -> SafeString:
    """The latest-news ticker: breaking items first, then the newest headlines."""
    return cached_for_readers(
        f"ticker:{translation.get_language()}",
        lambda: render_to_string(
            "includes/_ticker.html", {"ticker_articles": selectors.ticker_articles()}
        ),
    )


@register.simple_tag(takes_context=True)
def section_navigation(context) -> SafeString:
    """The sections, marking the one being read (``current_section``), or the front
    page."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    section = context.get("current_section")
    state = {
        "current_section_pk": getattr(section, "pk", None),
        "current_is_page": bool(context.get("current_section_is_page")),
        "is_home": bool(match and match.url_name == "home"),
    }
    name = "navigation:{lang}:{current_section_pk}:{current_is_page:d}:{is_home:d}"
    return cached_for_readers(
        name.format(lang=translation.get_language(), **state),
        lambda: render_navigation(state),
        scheduled=False,
    )


def render_navigation(state: dict) -> str:
    sections = selectors.navigation_sections()
    return render_to_string(
        "includes/_section_nav.html",
        {
            "sections": sections,
            # The front page's link and one per section.
            "phone_columns": phone_columns(len(sections) + 1),
            **state,
        },
    )


def phone_columns(links: int, *, most: int = 4) -> int:
    """Columns for ``links`` navigation links on a phone: as few rows as ``most``
    links a row allow, filled evenly (six links: two rows of three, never five and
    one alone on a line)."""
    rows = -(-links // most)
    return -(-links // rows)


@register.simple_tag
def site_footer() -> SafeString:
    """Every section, the site's name and its standing line."""
    return cached_for_readers(
        f"footer:{translation.get_language()}",
        lambda: render_to_string(
            "includes/_footer.html",
            {"sections": selectors.navigation_sections(), "site": site_settings()},
        ),
        scheduled=False,
    )


@register.simple_tag(takes_context=True)
def printed_address(context, path: str) -> str:
    """``path`` on the host the page was read from: the address printed under an
    article. A reader who printed it from the onion address or a mirror keeps a way
    back that works for them (the blocked domain may not)."""
    return uri_to_iri(context["request"].build_absolute_uri(path))


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
