"""The masthead's edition switch leads to the same page in the other edition when
there is one (an article's published translation, the same section, the keyword),
else to that edition's front page; article pages with a translation name it in
<link rel="alternate" hreflang>, and never name a translation readers cannot see."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from articles.models import Article
from tests.editions.conftest import link_both_ways
from tests.editions.pages import (
    ARABIC_EDITION,
    ENGLISH_EDITION,
    READ_IN_ARABIC,
    READ_IN_ENGLISH,
    alternates,
    path_of,
    the_switch,
)
from tests.factories import ArticleFactory, KeywordFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_english_article_links_to_its_arabic_translation(client, story):
    switch = the_switch(client.get(story.english.get_absolute_url()))

    assert switch.path == path_of(story.arabic.get_absolute_url())
    assert switch.label == READ_IN_ARABIC
    assert switch.lang == "ar"
    assert switch.hreflang == "ar"


def test_arabic_article_links_to_its_english_original(client, story):
    switch = the_switch(client.get(story.arabic.get_absolute_url()))

    assert switch.path == story.english.get_absolute_url()
    assert switch.label == READ_IN_ENGLISH
    assert switch.lang == "en"


@pytest.mark.parametrize(
    "translation_state",
    [
        {"status": Article.Status.DRAFT},
        {"published_at": timezone.now() + timedelta(days=1)},  # scheduled
    ],
    ids=["draft", "scheduled"],
)
def test_an_unpublished_translation_is_not_offered(client, story, translation_state):
    Article.objects.filter(pk=story.arabic.pk).update(**translation_state)

    response = client.get(story.english.get_absolute_url())
    switch = the_switch(response)

    assert switch.path == "/ar/"
    assert switch.label == ARABIC_EDITION
    assert switch.lang == "ar"
    assert path_of(story.arabic.get_absolute_url()) not in response.content.decode()
    assert alternates(response) == {}


def test_an_unpublished_original_is_not_offered_from_the_arabic_page(client, story):
    Article.objects.filter(pk=story.english.pk).update(status=Article.Status.DRAFT)

    response = client.get(story.arabic.get_absolute_url())
    switch = the_switch(response)

    assert switch.path == "/en/"
    assert switch.label == ENGLISH_EDITION
    assert alternates(response) == {}


def test_an_article_without_translation_leads_to_the_other_front_page(client):
    english = ArticleFactory()
    arabic = ArticleFactory(language="ar", title="خبر بلا ترجمة")

    from_english = client.get(english.get_absolute_url())
    from_arabic = client.get(arabic.get_absolute_url())

    assert the_switch(from_english).path == "/ar/"
    assert the_switch(from_english).label == ARABIC_EDITION
    assert the_switch(from_arabic).path == "/en/"
    assert the_switch(from_arabic).label == ENGLISH_EDITION
    assert alternates(from_english) == alternates(from_arabic) == {}


def test_front_pages_lead_to_each_other(client):
    from_english = the_switch(client.get("/en/"))
    from_arabic = the_switch(client.get("/ar/"))

    assert (from_english.path, from_english.label, from_english.lang) == (
        "/ar/",
        ARABIC_EDITION,
        "ar",
    )
    assert (from_arabic.path, from_arabic.label, from_arabic.lang) == (
        "/en/",
        ENGLISH_EDITION,
        "en",
    )


def test_section_page_leads_to_the_same_section_in_the_other_edition(client):
    section = SectionFactory(name="Culture", name_ar="ثقافة")

    from_english = the_switch(client.get("/en/sections/culture/"))
    from_arabic = the_switch(client.get("/ar/sections/culture/"))

    assert from_english.path == "/ar/sections/culture/"
    assert from_english.label == ARABIC_EDITION
    assert from_arabic.path == "/en/sections/culture/"
    assert from_arabic.label == ENGLISH_EDITION
    with translation.override("ar"):
        assert section.get_absolute_url() == "/ar/sections/culture/"


def test_section_page_two_leads_to_the_other_section_page(client):
    section = SectionFactory(name="Society")
    for _ in range(25):
        ArticleFactory(section=section)

    switch = the_switch(client.get("/en/sections/society/", {"page": 2}))

    assert switch.path == "/ar/sections/society/"


def test_keyword_page_leads_to_the_keyword_under_its_arabic_slug(client, story):
    english_page = client.get("/en/keywords/homs/")
    switch = the_switch(english_page)

    assert switch.path == "/ar/keywords/حمص/"
    assert switch.label == ARABIC_EDITION
    assert client.get(switch.path).status_code == 200


def test_arabic_keyword_page_leads_to_the_keyword_under_its_english_slug(client, story):
    switch = the_switch(client.get("/ar/keywords/حمص/"))

    assert switch.path == "/en/keywords/homs/"
    assert switch.label == ENGLISH_EDITION


def test_keyword_without_arabic_slug_keeps_its_english_slug_in_arabic(client):
    KeywordFactory(name="Water", slug="water")

    switch = the_switch(client.get("/en/keywords/water/"))

    assert switch.path == "/ar/keywords/water/"
    assert client.get("/ar/keywords/water/").status_code == 200


def test_article_with_translation_names_both_editions_in_absolute_alternates(
    client, story
):
    english = client.get(story.english.get_absolute_url())
    arabic = client.get(story.arabic.get_absolute_url())

    english_url = "http://testserver" + story.english.get_absolute_url()
    arabic_url = "http://testserver" + story.arabic.get_absolute_url()
    for response in [english, arabic]:
        found = alternates(response)
        assert set(found) == {"en", "ar"}
        assert found["en"] == english_url
        assert path_of(found["ar"]) == path_of(arabic_url)
        assert found["ar"].startswith("http://testserver/ar/articles/")


def test_alternates_never_point_to_an_unpublished_translation(client, story):
    Article.objects.filter(pk=story.arabic.pk).update(status=Article.Status.DRAFT)

    response = client.get(story.english.get_absolute_url())

    found = alternates(response)
    assert "ar" not in found
    assert all(
        path_of(href) != path_of(story.arabic.get_absolute_url())
        for href in found.values()
    )


def test_relinked_article_offers_only_its_new_translation(client, story):
    newer = ArticleFactory(language="ar", title="أفران حمص: الأسعار الجديدة")
    Article.objects.filter(pk=story.arabic.pk).update(translation=None)
    link_both_ways(story.english, newer)

    response = client.get(story.english.get_absolute_url())

    assert the_switch(response).path == path_of(newer.get_absolute_url())
    assert path_of(alternates(response)["ar"]) == path_of(newer.get_absolute_url())
    assert the_switch(client.get(story.arabic.get_absolute_url())).path == "/en/"


NOT_FOUND_SWITCH_BUG = (
    "articles/templatetags/site_chrome.py edition_links: on a 404 under an articles "
    "route (missing or unpublished article, unknown keyword) the resolver_match "
    "branch translates the missing address, so the switch leads to the same missing "
    "page in the other edition and base.html emits hreflang alternates for both"
)


@pytest.mark.parametrize(
    "path", ["/ar/articles/999999/missing/", "/ar/keywords/no-such-keyword/"]
)
def test_not_found_page_offers_the_other_front_page(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert the_switch(response).path == "/en/"
    assert alternates(response) == {}


def test_an_unpublished_article_address_names_no_alternates(client, story):
    Article.objects.filter(pk=story.arabic.pk).update(status=Article.Status.DRAFT)

    response = client.get(story.arabic.get_absolute_url())

    assert response.status_code == 404
    assert alternates(response) == {}
    # Its English original is published: that, or the front page, is where to go.
    assert the_switch(response).path in {"/en/", story.english.get_absolute_url()}


def test_a_not_found_page_outside_the_articles_routes_offers_the_front_page(client):
    response = client.get("/ar/no-such-page/")

    assert the_switch(response).path == "/en/"
    assert alternates(response) == {}
