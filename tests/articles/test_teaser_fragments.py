"""Teasers are rendered once per content version and reused on every listing that
shows the article, while what each listing shows is read fresh: an edit or a section
rename shows on every listing at once, in each edition's own words."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.test.signals import template_rendered
from django.utils import timezone, translation

from tests.articles.pages import soup_of, teaser_titles, text_of
from tests.factories import ArticleFactory, KeywordFactory, SectionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def no_page_cache():
    # Every request renders its page: what is reused is the teasers alone.
    with override_settings(PAGE_CACHE=False):
        yield


@pytest.fixture
def teaser_renders():
    rendered = []

    def count(sender, template, **kwargs):
        if template.name == "articles/_teaser.html":
            rendered.append(template)

    template_rendered.connect(count)
    yield rendered
    template_rendered.disconnect(count)


def hours_ago(hours: float):
    return timezone.now() - timedelta(hours=hours)


@pytest.fixture
def listed():
    section = SectionFactory(name="Health", name_ar="الصحة")
    keyword = KeywordFactory(name="Clinics")
    articles = [
        ArticleFactory(title=f"Clinic report {n}", section=section, published_at=at)
        for n, at in enumerate(hours_ago(hours) for hours in (3, 2, 1))
    ]
    for article in articles:
        article.keywords.add(keyword)
    return section, keyword, articles


def listing_urls(section, keyword) -> list[str]:
    return ["/en/", section.get_absolute_url(), keyword.get_absolute_url()]


def test_a_second_visit_renders_no_teaser_again(client, listed, teaser_renders):
    section, keyword, _articles = listed
    for url in listing_urls(section, keyword):
        client.get(url)
    first_visits = len(teaser_renders)

    for url in listing_urls(section, keyword):
        client.get(url)

    assert first_visits > 0
    assert len(teaser_renders) == first_visits


def test_an_edit_shows_in_every_listing_at_once(
    client, listed, django_capture_on_commit_callbacks
):
    section, keyword, articles = listed
    for url in listing_urls(section, keyword):
        client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        articles[0].title = "Clinic opens at night"
        articles[0].save()

    for url in listing_urls(section, keyword):
        assert "Clinic opens at night" in client.get(url).content.decode(), url


def test_a_newly_published_article_joins_the_listing_next_to_cached_teasers(
    client, listed, django_capture_on_commit_callbacks
):
    section, _keyword, _articles = listed
    client.get(section.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(
            title="Vaccines arrive", section=section, published_at=hours_ago(0.5)
        )

    assert teaser_titles(client.get(section.get_absolute_url())) == [
        "Vaccines arrive",
        "Clinic report 2",
        "Clinic report 1",
        "Clinic report 0",
    ]


def test_a_section_rename_shows_on_the_teasers_of_other_listings(
    client, listed, django_capture_on_commit_callbacks
):
    section, keyword, _articles = listed
    client.get(keyword.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        section.name = "Public health"
        section.save()

    page = soup_of(client.get(keyword.get_absolute_url()))
    assert {text_of(label) for label in page.select(".teaser-section")} == {
        "Public health"
    }


def test_each_edition_has_its_own_teasers(client, listed):
    section, _keyword, _articles = listed
    ArticleFactory(title="تقرير العيادة", section=section, language="ar")
    english = soup_of(client.get(section.get_absolute_url()))

    with translation.override("ar"):
        arabic = soup_of(client.get(section.get_absolute_url()))

    assert [text_of(title) for title in arabic.select(".teaser-title")] == [
        "تقرير العيادة"
    ]
    assert "تقرير العيادة" not in text_of(english)


# The article page's keyword line is a fragment of the same kind.


def keyword_names(client, article) -> list[str]:
    page = soup_of(client.get(article.get_absolute_url()))
    return [text_of(link) for link in page.select(".article-keywords a.keyword")]


def test_a_keyword_added_to_an_article_shows_on_its_page_at_once(
    client, listed, django_capture_on_commit_callbacks
):
    _section, _keyword, articles = listed
    assert keyword_names(client, articles[0]) == ["Clinics"]

    with django_capture_on_commit_callbacks(execute=True):
        articles[0].keywords.add(KeywordFactory(name="Vaccines"))

    assert sorted(keyword_names(client, articles[0])) == ["Clinics", "Vaccines"]


def test_a_renamed_keyword_shows_on_every_article_page_at_once(
    client, listed, django_capture_on_commit_callbacks
):
    _section, keyword, articles = listed
    for article in articles:
        keyword_names(client, article)

    with django_capture_on_commit_callbacks(execute=True):
        keyword.name = "Field clinics"
        keyword.save()

    assert [keyword_names(client, article) for article in articles] == [
        ["Field clinics"]
    ] * 3


# A listing's count (how many pages it has) is kept until the next visible change.


def test_a_listing_counts_a_newly_published_article_at_once(
    client, listed, django_capture_on_commit_callbacks
):
    section, _keyword, _articles = listed
    for n in range(20):
        ArticleFactory(section=section, published_at=hours_ago(5 + n))
    assert "?page=2" in client.get(section.get_absolute_url()).content.decode()
    assert client.get(section.get_absolute_url(), {"page": 3}).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        for n in range(20):
            ArticleFactory(section=section, published_at=hours_ago(30 + n))

    assert client.get(section.get_absolute_url(), {"page": 3}).status_code == 200
