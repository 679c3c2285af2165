from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from tests.search.helpers import article


def search_url(language="ar", **query) -> str:
    with translation.override(language):
        return f"{reverse('search:results')}?{urlencode(query)}"


@pytest.fixture
def story(db):
    return article(
        title="القصف على حمص",
        body="قالت مصادر محلية إن القصف استهدف حيّ الوعر في مدينة حِمص صباح اليوم.",
    )


def test_the_masthead_has_a_search_box_that_works_without_javascript(client, story):
    page = BeautifulSoup(client.get(reverse("articles:home")).content, "html.parser")
    form = page.select_one(".masthead form[role=search]")
    assert form["method"] == "get"
    assert form["action"] == reverse("search:results")
    box = form.select_one("input[name=q]")
    assert (box["type"], box["lang"], box["dir"]) == ("search", "en", "ltr")


def test_the_arabic_box_is_right_to_left(client, db):
    response = client.get(search_url())
    box = BeautifulSoup(response.content, "html.parser").select_one("#search-page-q")
    assert (box["lang"], box["dir"]) == ("ar", "rtl")


def test_results_show_a_highlighted_snippet_of_the_original_text(client, story):
    response = client.get(search_url(q="حمص"))
    page = BeautifulSoup(response.content, "html.parser")
    hit = page.select_one(".search-hit")
    assert hit.select_one(".search-hit-title a")["href"] == story.get_absolute_url()
    # The words as written, harakat and all, not as normalised.
    assert [mark.text for mark in hit.select(".search-hit-snippet mark")] == ["حِمص"]
    assert [mark.text for mark in hit.select(".search-hit-title mark")] == ["حمص"]
    assert "الوعر" in hit.select_one(".search-hit-snippet").text


def test_the_results_page_is_not_for_search_engines(client, story):
    response = client.get(search_url(q="حمص"))
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.django_db
def test_hostile_text_is_shown_as_text(client):
    article(
        title="<script>alert(1)</script> حلب",
        body="&lt;img src=x onerror=alert(1)&gt; حلب",
    )
    response = client.get(search_url(q="<b>حلب</b>"))
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "<img src=x" not in content
    assert "&lt;script&gt;" in content
    assert "<b>حلب</b>" not in content


@pytest.mark.django_db
def test_a_long_query_is_refused_with_what_was_typed_kept(client):
    typed = "حلب " * 30
    response = client.get(search_url(q=typed))
    page = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert page.select_one("#search-error").text
    assert page.select_one("#search-page-q")["value"] == typed
    assert not page.select(".search-hit")


def test_results_are_paginated(client, db):
    for n in range(12):
        article(title=f"حلب {n}", body="")
    first = BeautifulSoup(client.get(search_url(q="حلب")).content, "html.parser")
    assert len(first.select(".search-hit")) == 10
    second_url = first.select_one("a[rel=next]")["href"]
    second = BeautifulSoup(
        client.get(search_url() + second_url.lstrip("?").join(["&", ""])).content,
        "html.parser",
    )
    assert len(second.select(".search-hit")) == 2
    assert second.select_one(".search-results")["start"] == "11"
    assert client.get(search_url(q="حلب", page="3")).status_code == 404
    assert client.get(search_url(q="حلب", page="x")).status_code == 404


def test_a_repeated_query_runs_no_sql(client, story, django_assert_num_queries):
    client.get(search_url(q="حمص"))
    with django_assert_num_queries(0):
        response = client.get(search_url(q="حمص"))
    assert "حِمص" in response.content.decode()
    # The same search typed otherwise is the same cached result.
    with django_assert_num_queries(0):
        client.get(search_url(q="  حِمْص "))


def test_one_sender_gets_429_past_the_limit(client, story, settings):
    settings.SEARCH_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get(search_url(q="حمص")).status_code == 200
    refused = client.get(search_url(q="حمص"))
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= settings.SEARCH_RATE_LIMIT_SECONDS + 1
    assert refused["Cache-Control"] == "no-store"
    # Another sender is not held back.
    other = client.get(search_url(q="حمص"), REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 200


def test_only_anonymous_readers_results_may_be_kept_by_a_proxy(
    client, admin_client, story
):
    assert "public" in client.get(search_url(q="حمص"))["Cache-Control"]
    assert admin_client.get(search_url(q="حمص"))["Cache-Control"] == "private, no-store"
