"""robots.txt keeps crawlers out of the admin, staff sign-in, previews and search
results, and points at the sitemap index and each edition's news sitemap."""

import pytest

pytestmark = pytest.mark.django_db


def test_robots_txt_points_at_the_sitemaps_and_keeps_private_paths_out(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = {
        line.split(": ", 1)[1] for line in lines if line.startswith("Disallow")
    }
    assert disallowed == {
        "/admin/",
        "/staff/",
        "/en/preview/",
        "/ar/preview/",
        "/en/search/",
        "/ar/search/",
    }
    sitemaps = [line.split(": ", 1)[1] for line in lines if line.startswith("Sitemap")]
    assert sitemaps == [
        "http://testserver/sitemap.xml",
        "http://testserver/en/sitemaps/news-1.xml",
        "http://testserver/ar/sitemaps/news-1.xml",
    ]


def test_the_sitemaps_robots_names_answer(client):
    for line in client.get("/robots.txt").content.decode().splitlines():
        if line.startswith("Sitemap: "):
            address = line.removeprefix("Sitemap: http://testserver")
            assert client.get(address).status_code == 200
