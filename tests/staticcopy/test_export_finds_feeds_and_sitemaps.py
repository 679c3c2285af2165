"""Feeds and sitemaps are in the copy by their links alone (robots.txt, sitemap
<loc>, feed <link>), written as files whose links are the copy's own."""

import pytest
from django.core.management import call_command

from tests.staticcopy.offline import check_links, served


@pytest.mark.django_db
def test_robots_sitemap_and_feed_are_exported_with_relative_links(
    site, settings, tmp_path
):
    settings.ROOT_URLCONF = "tests.staticcopy.feeds_urls"
    directory = tmp_path / "copy"
    call_command("export_static", str(directory), "--key", str(site.key))

    assert "Sitemap: sitemap.xml" in (directory / "robots.txt").read_text()
    sitemap = (directory / "sitemap.xml").read_text()
    assert "<loc>en/index.html</loc>" in sitemap
    assert "<loc>feeds/latest/index.xml</loc>" in sitemap
    feed = (directory / "feeds" / "latest" / "index.xml").read_text()
    assert "<link>../../en/index.html</link>" in feed
    assert "<guid>../../en/lite/index.html</guid>" in feed
    with served(directory) as base:
        for start in ("/sitemap.xml", "/feeds/latest/index.xml"):
            check = check_links(base, start)
            assert check.broken == [] and check.leaving == []
