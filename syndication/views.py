"""Sitemaps and robots.txt. Addresses in them are built from the request's host, so
the site, its onion address and each mirror list their own."""

from math import ceil

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, set_response_etag
from django.views.decorators.cache import cache_control

from articles import selectors as article_selectors
from articles.models import SiteSettings
from readercache.pages import cache_page_for_readers
from syndication import selectors, sitemapxml

XML = "application/xml; charset=utf-8"


def _in_edition(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def sitemap_index(request):
    """Every edition's sitemaps: its pages, its article pages (with the newest
    change on each) and its news sitemaps. Two queries whatever the archive holds:
    the article pages (kept until the next change) and the news counts."""
    news = selectors.news_counts()
    pages = selectors.sitemap_pages()
    sitemaps = []
    for language in selectors.editions():
        with translation.override(language):
            sitemaps.append((reverse("syndication:sitemap_pages"), None))
            sitemaps += [
                (
                    reverse("syndication:sitemap_articles", args=[page.number]),
                    page.lastmod,
                )
                for page in pages
                if page.language == language
            ]
            count = max(1, ceil(news.get(language, 0) / selectors.NEWS_PAGE_SIZE))
            sitemaps += [
                (reverse("syndication:sitemap_news", args=[number]), None)
                for number in range(1, count + 1)
            ]
    base = _base(request)
    content = sitemapxml.index([(base + loc, lastmod) for loc, lastmod in sitemaps])
    return _conditional(request, HttpResponse(content, content_type=XML))


def _base(request) -> str:
    """The scheme and host asked for, which every address in a sitemap begins with."""
    return request.build_absolute_uri("/")[:-1]


@cache_page_for_readers
def sitemap_pages(request):
    """The edition's front page, section pages and corrections."""
    paths = [
        reverse("articles:home"),
        *(s.get_absolute_url() for s in article_selectors.navigation_sections()),
        reverse("articles:corrections"),
    ]
    base = _base(request)
    content = sitemapxml.urlset([(base + path, None, []) for path in paths])
    return HttpResponse(content, content_type=XML)


@cache_page_for_readers
def sitemap_articles(request, number):
    """One page of the edition's articles, each with its translation as an
    hreflang pair: one read of one primary-key range, whatever its number."""
    language = translation.get_language()
    entries = selectors.sitemap_articles(language=language, number=number)
    if not entries:
        raise Http404
    base = _base(request)
    urls = []
    for entry in entries:
        loc = base + reverse("articles:detail", args=[entry.pk, entry.slug])
        alternates = []
        if entry.translation is not None:
            other, pk, slug = entry.translation
            with translation.override(other):
                href = base + reverse("articles:detail", args=[pk, slug])
            alternates = [(language, loc), (other, href)]
        urls.append((loc, entry.lastmod, alternates))
    return HttpResponse(sitemapxml.urlset(urls), content_type=XML)


def sitemap_news(request, number):
    """Articles first published in the last 48 hours, at most 1,000 a file.

    Not kept by the reader cache: an article leaves it by time alone, which no
    version bump announces. The read is one range of the edition's index."""
    language = translation.get_language()
    articles = selectors.news_articles(language=language, number=number)
    if not articles and number > 1:
        raise Http404
    base = _base(request)
    content = sitemapxml.news(
        [(base + article.get_absolute_url(), article) for article in articles],
        publication=SiteSettings.load().for_edition().name,
        language=language,
    )
    return _conditional(request, HttpResponse(content, content_type=XML))


@cache_control(public=True, max_age=3600)
def robots_txt(request):
    """Crawlers keep out of the admin, staff sign-in, previews and search results,
    and are pointed at the sitemap index and each edition's news sitemap."""
    editions = selectors.editions()
    staff = reverse("account_login").removesuffix("login/")
    private = [reverse("admin:index"), staff]
    for language in editions:
        home = _in_edition(language, "articles:home")
        preview = _in_edition(language, "articles:preview", token="-")
        private.append(preview.removesuffix("-/"))
        # The search app's results (its route name is not known here yet).
        private.append(f"{home}search/")
    sitemaps = [request.build_absolute_uri(reverse("crawlers:sitemap_index"))]
    sitemaps += [
        request.build_absolute_uri(
            _in_edition(language, "syndication:sitemap_news", number=1)
        )
        for language in editions
    ]
    return render(
        request,
        "syndication/robots.txt",
        {"private": private, "sitemaps": sitemaps},
        content_type="text/plain; charset=utf-8",
    )


def _conditional(request, response):
    set_response_etag(response)
    return (
        get_conditional_response(request, etag=response["ETag"], response=response)
        or response
    )
