"""Sitemaps and robots.txt. Addresses in them are built from the request's host, so
the site, its onion address and each mirror list their own."""

from math import ceil

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, set_response_etag
from django.views.decorators.cache import cache_control

from articles import selectors as article_selectors
from articles.models import SiteSettings
from readercache.pages import cache_page_for_readers
from syndication import selectors
from syndication.selectors import modified_at

XML = "application/xml; charset=utf-8"


def _in_edition(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def sitemap_index(request):
    """Every edition's sitemaps: its pages, its article pages (with the newest
    change on each) and its news sitemaps. Two queries whatever the archive holds:
    the article pages (kept until the next change) and the news counts."""
    news = selectors.news_counts()
    entries = []
    for language in selectors.editions():
        entries.append({"loc": _in_edition(language, "syndication:sitemap_pages")})
        for page in selectors.sitemap_pages():
            if page.language == language:
                loc = _in_edition(
                    language, "syndication:sitemap_articles", number=page.number
                )
                entries.append({"loc": loc, "lastmod": page.lastmod})
        pages = max(1, ceil(news.get(language, 0) / selectors.NEWS_PAGE_SIZE))
        for number in range(1, pages + 1):
            loc = _in_edition(language, "syndication:sitemap_news", number=number)
            entries.append({"loc": loc})
    for entry in entries:
        entry["loc"] = request.build_absolute_uri(entry["loc"])
    return _conditional(
        request,
        render(
            request,
            "syndication/sitemap_index.xml",
            {"sitemaps": entries},
            content_type=XML,
        ),
    )


@cache_page_for_readers
def sitemap_pages(request):
    """The edition's front page and section pages."""
    language = translation.get_language()
    urls = [{"loc": reverse("articles:home")}]
    urls += [
        {"loc": section.get_absolute_url()}
        for section in article_selectors.navigation_sections()
    ]
    urls.append({"loc": reverse("articles:corrections")})
    for url in urls:
        url["loc"] = request.build_absolute_uri(url["loc"])
    return render(
        request,
        "syndication/sitemap.xml",
        {"urls": urls, "language": language},
        content_type=XML,
    )


@cache_page_for_readers
def sitemap_articles(request, number):
    """One page of the edition's articles, each with its translation as an
    hreflang pair: one read of one primary-key range, whatever its number."""
    language = translation.get_language()
    articles = selectors.sitemap_articles(language=language, number=number)
    if not articles:
        raise Http404
    urls = []
    for article in articles:
        url = {
            "loc": request.build_absolute_uri(article.get_absolute_url()),
            "lastmod": modified_at(article),
            "alternates": [],
        }
        counterpart = article.published_translation
        if counterpart is not None:
            url["alternates"] = [
                {"language": language, "href": url["loc"]},
                {
                    "language": counterpart.language,
                    "href": request.build_absolute_uri(counterpart.get_absolute_url()),
                },
            ]
        urls.append(url)
    return render(
        request,
        "syndication/sitemap.xml",
        {"urls": urls, "language": language},
        content_type=XML,
    )


def sitemap_news(request, number):
    """Articles first published in the last 48 hours, at most 1,000 a file.

    Not kept by the reader cache: an article leaves it by time alone, which no
    version bump announces. The read is one range of the edition's index."""
    language = translation.get_language()
    articles = selectors.news_articles(language=language, number=number)
    if not articles and number > 1:
        raise Http404
    name = SiteSettings.load().for_edition().name
    news = [
        {
            "loc": request.build_absolute_uri(article.get_absolute_url()),
            "title": article.title,
            "published": article.published_at,
        }
        for article in articles
    ]
    response = render(
        request,
        "syndication/news_sitemap.xml",
        {"news": news, "publication": name, "language": language},
        content_type=XML,
    )
    return _conditional(request, response)


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
    return get_conditional_response(
        request, etag=response["ETag"], response=response
    ) or response
