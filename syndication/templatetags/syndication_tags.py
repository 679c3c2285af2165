"""Page metadata for crawlers, link previews and feed readers: the article page's
canonical address, Open Graph, Twitter card and JSON-LD (``article_meta``), and the
listing pages' (``listing_meta``), each with its feeds' autodiscovery links."""

from django import template
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import escape_uri_path
from django.utils.safestring import SafeString

from articles.models import Article, Keyword, Section
from people.models import Person
from people.selectors import credits_of
from readercache.fragments import cached_for_readers
from syndication import meta

register = template.Library()


def _feeds(kind: str, **kwargs) -> dict[str, str]:
    return {
        "atom": reverse(f"syndication:{kind}_atom", kwargs=kwargs or None),
        "rss": reverse(f"syndication:{kind}_rss", kwargs=kwargs or None),
    }


@register.simple_tag(takes_context=True)
def article_meta(context, article: Article) -> SafeString:
    """Everything the article page says of itself in its head, rendered once per
    article, edition, host and content version."""
    request = context["request"]

    def build() -> SafeString:
        # Read into the article itself, so that the page's keyword links, rendered
        # after the head, need no second read of them.
        prefetch_related_objects([article], "keywords")
        details = meta.article_meta(
            article, credits=credits_of(article=article), request=request
        )
        return template.loader.render_to_string(
            "syndication/_article_meta.html",
            {
                "meta": details,
                "feeds": [
                    (details.site_name, _feeds("edition")),
                    (
                        details.section,
                        _feeds("section", slug=article.section.slug),
                    ),
                ],
            },
        )

    name = f"article-meta:{translation.get_language()}:{request.get_host()}"
    return cached_for_readers(f"{name}:{article.pk}", build)


def _listing(context, *, title, description, feed_kind, feed_kwargs, page=None):
    request, site = context["request"], context.get("site")
    # Percent-encoded, as reverse() writes the page's own links (an Arabic slug).
    path = escape_uri_path(request.path)
    if page is not None and page.number > 1:
        path += f"?page={page.number}"
    site_name = getattr(site, "name", "")
    feeds = _feeds(feed_kind, **feed_kwargs)
    return {
        "canonical": meta.canonical_url(path),
        "url": meta.here(request, path),
        "title": title or site_name,
        "description": description,
        "site_name": site_name,
        "locale": meta.og_locale(translation.get_language()),
        "alternate_locales": meta.other_locales(),
        "feeds": [(title or site_name, feeds)],
    }


@register.inclusion_tag("syndication/_listing_meta.html", takes_context=True)
def home_meta(context):
    site = context.get("site")
    return _listing(
        context,
        title="",
        description=getattr(site, "description", "") or getattr(site, "name", ""),
        feed_kind="edition",
        feed_kwargs={},
    )


@register.inclusion_tag("syndication/_listing_meta.html", takes_context=True)
def section_meta(context, section: Section, page=None):
    site_name = getattr(context.get("site"), "name", "")
    return _listing(
        context,
        title=section.local_name,
        description=meta.describe_listing("section", section.local_name, site_name),
        feed_kind="section",
        feed_kwargs={"slug": section.slug},
        page=page,
    )


@register.inclusion_tag("syndication/_listing_meta.html", takes_context=True)
def keyword_meta(context, keyword: Keyword, page=None):
    site_name = getattr(context.get("site"), "name", "")
    return _listing(
        context,
        title=keyword.local_name,
        description=meta.describe_listing("keyword", keyword.local_name, site_name),
        feed_kind="keyword",
        feed_kwargs={"slug": keyword.local_slug},
        page=page,
    )


@register.inclusion_tag("syndication/_listing_meta.html", takes_context=True)
def person_meta(context, person: Person, page=None):
    site_name = getattr(context.get("site"), "name", "")
    return _listing(
        context,
        title=person.local_name,
        description=meta.describe_listing("person", person.local_name, site_name),
        feed_kind="person",
        feed_kwargs={"slug": person.local_slug},
        page=page,
    )
