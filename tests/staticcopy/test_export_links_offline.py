"""The copy works from any static host: served by python -m http.server, every link
of every page, feed, sitemap and stylesheet leads to a file of the copy, and none
leads to the origin or to any other host."""

import pytest

from tests.staticcopy.conftest import SITE_URL
from tests.staticcopy.offline import check_links, served


@pytest.mark.django_db
def test_every_link_of_the_copy_works_offline(exported):
    with served(exported) as base:
        check = check_links(base)
    assert check.pages > 60
    assert check.broken == []
    assert check.leaving == []


@pytest.mark.django_db
def test_no_file_names_the_origin(exported):
    origin_host = SITE_URL.split("://")[1].encode()
    naming = [
        path.relative_to(exported).as_posix()
        for path in exported.rglob("*")
        if path.is_file() and origin_host in path.read_bytes()
    ]
    # The allowed_signers line names the newsroom (newsroom@host), not a link.
    assert naming == ["allowed_signers"]


@pytest.mark.django_db
def test_the_copy_opens_from_disk(exported):
    # Opened from disk there is no server to find a folder's index: every link
    # names a file.
    home = (exported / "en" / "index.html").read_text()
    assert 'href="../static/css/site.css"' in home
    assert 'href="lite/index.html"' in home
    assert 'href="../ar/index.html"' in home
