"""A static host takes no post: the copy's article pages keep the approved comments
but not the comment form, its heading or its hints."""

import pytest

from tests.staticcopy.test_export_since import article_file


@pytest.mark.django_db
def test_article_pages_keep_comments_and_drop_the_form(site, exported, client):
    url = site.english.get_absolute_url()
    live = client.get(url, headers={"host": "news.example.org"}).content.decode()
    assert "<form" in live and "Post Your Comments" in live
    copy = article_file(exported, site.english).read_text()
    assert "Comments (1)" in copy
    assert site.english.title in copy
    assert "<form" not in copy
    assert "Post Your Comments" not in copy
    assert "data-needs-server" not in copy
