"""The site as it will be once feeds and sitemaps are merged: a robots.txt naming a
sitemap, a sitemap listing a feed, and a feed announced on the front page; the export
knows none of their names and must find them by their links."""

from django.http import HttpResponse
from django.urls import path

from newsportal.urls import urlpatterns as site_patterns

ORIGIN = "https://news.example.org"


def robots(request):
    return HttpResponse(
        f"User-agent: *\nSitemap: {ORIGIN}/sitemap.xml\n", content_type="text/plain"
    )


def sitemap(request):
    return HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{ORIGIN}/en/</loc></url>"
        f"<url><loc>{ORIGIN}/feeds/latest/</loc></url>"
        "</urlset>",
        content_type="application/xml",
    )


def feed(request):
    return HttpResponse(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Latest</title><link>{ORIGIN}/en/</link>"
        f"<item><title>Bread</title><link>{ORIGIN}/en/lite/</link>"
        f"<guid>{ORIGIN}/en/lite/</guid></item></channel></rss>",
        content_type="application/rss+xml; charset=utf-8",
    )


urlpatterns = [
    path("robots.txt", robots),
    path("sitemap.xml", sitemap),
    path("feeds/latest/", feed),
    *site_patterns,
]
