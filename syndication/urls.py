"""Feeds and sitemaps of one edition, under its prefix (/en/, /ar/)."""

from django.urls import path

import articles.urls  # noqa: F401  (registers the "uslug" converter)
from syndication import feeds, views

app_name = "syndication"

urlpatterns = [
    path("feed/", feeds.edition_atom, name="edition_atom"),
    path("feed/rss/", feeds.edition_rss, name="edition_rss"),
    path("sections/<uslug:slug>/feed/", feeds.section_atom, name="section_atom"),
    path("sections/<uslug:slug>/feed/rss/", feeds.section_rss, name="section_rss"),
    path("keywords/<uslug:slug>/feed/", feeds.keyword_atom, name="keyword_atom"),
    path("keywords/<uslug:slug>/feed/rss/", feeds.keyword_rss, name="keyword_rss"),
    path("people/<uslug:slug>/feed/", feeds.person_atom, name="person_atom"),
    path("people/<uslug:slug>/feed/rss/", feeds.person_rss, name="person_rss"),
    path("sitemaps/pages.xml", views.sitemap_pages, name="sitemap_pages"),
    path(
        "sitemaps/articles-<int:number>.xml",
        views.sitemap_articles,
        name="sitemap_articles",
    ),
    path("sitemaps/news-<int:number>.xml", views.sitemap_news, name="sitemap_news"),
]
