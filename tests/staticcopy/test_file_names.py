"""Each site address has one file in the copy, and links between files are relative:
folders get index files by content type, page numbers become folders, nothing
escapes the copy."""

from staticcopy.addresses import file_for, is_inside, relative_link, site_key


def test_folders_get_an_index_file_by_content_type():
    assert file_for("/en/") == "en/index.html"
    assert file_for("/") == "index.html"
    assert file_for("/en/feed/", "application/rss+xml; charset=utf-8") == (
        "en/feed/index.xml"
    )
    assert file_for("/sitemap.xml", "application/xml") == "sitemap.xml"
    assert file_for("/static/css/site.css", "text/css") == "static/css/site.css"


def test_page_numbers_become_folders():
    assert file_for("/en/sections/economy/?page=2") == (
        "en/sections/economy/page/2/index.html"
    )
    assert file_for("/en/articles/5/x/?comments=3") == (
        "en/articles/5/x/comments/3/index.html"
    )
    odd = file_for("/en/lite/?page=%3Cscript%3E")
    assert odd.startswith("en/lite/q-") and odd.endswith("/index.html")


def test_arabic_addresses_are_arabic_file_names_and_encoded_links():
    key = site_key("/ar/keywords/%D8%AD%D9%85%D8%B5/")
    assert key == site_key("/ar/keywords/حمص/")
    assert file_for(key) == "ar/keywords/حمص/index.html"
    assert relative_link("ar/index.html", file_for(key)) == (
        "keywords/%D8%AD%D9%85%D8%B5/index.html"
    )


def test_relative_links_climb_to_the_root():
    assert relative_link("en/articles/5/x/index.html", "en/index.html", "top") == (
        "../../../index.html#top"
    )
    assert relative_link("index.html", "ar/lite/index.html") == "ar/lite/index.html"


def test_nothing_escapes_the_copy():
    assert file_for("/en/../../etc/passwd") == "etc/passwd.html"
    assert not is_inside("../outside.html")
    assert is_inside("en/index.html")
