"""The latest-news ticker: newest headlines plus breaking items, cached, refreshed on
every change readers would see."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article
from articles.selectors import TICKER_COUNT
from tests.articles.pages import soup_of, ticker_links
from tests.factories import ArticleFactory, KeywordFactory

pytestmark = pytest.mark.django_db

TICKER = Template("{% load site_chrome %}{% ticker %}")


def home_ticker(client) -> list[tuple[str, str]]:
    return ticker_links(client.get(reverse("articles:home")))


def headlines(client) -> list[str]:
    return [headline for headline, _href in home_ticker(client)]


def hours_ago(hours: float):
    return timezone.now() - timedelta(hours=hours)


def test_ticker_lists_newest_published_headlines_each_linking_to_its_article(client):
    older = ArticleFactory(title="Older headline", published_at=hours_ago(2))
    newer = ArticleFactory(title="Newer headline", published_at=hours_ago(1))
    ArticleFactory(title="Draft headline", draft=True, published_at=hours_ago(0.5))
    ArticleFactory(title="Scheduled headline", scheduled=True)

    assert home_ticker(client) == [
        ("Newer headline", newer.get_absolute_url()),
        ("Older headline", older.get_absolute_url()),
    ]


def test_older_breaking_item_stays_in_the_ticker_ahead_of_newer_headlines(client):
    breaking = ArticleFactory(
        title="Breaking: dam repairs", is_breaking=True, published_at=hours_ago(72)
    )
    for n in range(30):
        ArticleFactory(published_at=hours_ago(1 + n / 60))

    items = home_ticker(client)

    assert items[0] == ("Breaking: dam repairs", breaking.get_absolute_url())
    assert len(items) == TICKER_COUNT
    assert [headline for headline, _ in items].count("Breaking: dam repairs") == 1


def test_breaking_item_is_marked_as_breaking(client):
    ArticleFactory(title="Breaking item", is_breaking=True)
    ArticleFactory(title="Ordinary item")

    html = client.get(reverse("articles:home")).content.decode()

    assert html.count('class="ticker-badge"') == 1


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_breaking_draft_or_scheduled_item_never_reaches_the_ticker(client, trait):
    ArticleFactory(title="Visible headline")
    ArticleFactory(title="Hidden breaking item", is_breaking=True, **{trait: True})

    assert headlines(client) == ["Visible headline"]


def test_no_ticker_without_published_articles(client):
    ArticleFactory(draft=True)

    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    assert soup_of(response).select_one(".ticker") is None


@pytest.mark.parametrize("page", ["section", "keyword", "article", "not-found"])
def test_ticker_runs_on_every_page(client, page):
    keyword = KeywordFactory()
    article = ArticleFactory(title="On every page", keywords=[keyword])
    url = {
        "section": article.section.get_absolute_url(),
        "keyword": keyword.get_absolute_url(),
        "article": article.get_absolute_url(),
        "not-found": "/no/such/page/",
    }[page]

    assert ticker_links(client.get(url)) == [
        ("On every page", article.get_absolute_url())
    ]


def test_ticker_is_cached_so_a_second_render_runs_no_query(django_assert_num_queries):
    ArticleFactory(title="Cached headline", is_breaking=True)
    ArticleFactory()

    first = TICKER.render(Context())
    with django_assert_num_queries(0):
        second = TICKER.render(Context())

    assert "Cached headline" in first
    assert second == first


def test_ticker_is_served_from_the_cache_until_a_change_is_committed(client):
    article = ArticleFactory(title="Original headline")
    assert headlines(client) == ["Original headline"]

    # A write that announces nothing (no signal, no service) is not seen: the cache
    # answers, which is what the refresh tests below rely on.
    Article.objects.filter(pk=article.pk).update(title="Silent change")

    assert headlines(client) == ["Original headline"]


def test_publishing_a_draft_puts_it_in_the_ticker_at_once(
    client, django_capture_on_commit_callbacks
):
    ArticleFactory(title="Already out")
    draft = ArticleFactory(title="Just published", draft=True)
    assert headlines(client) == ["Already out"]

    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(articles=[draft])

    assert headlines(client) == ["Just published", "Already out"]


def test_editing_a_headline_updates_the_ticker_at_once(
    client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(title="First wording")
    assert headlines(client) == ["First wording"]

    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Corrected wording"
        article.save()

    assert headlines(client) == ["Corrected wording"]


def test_withdrawing_an_article_removes_it_from_the_ticker_at_once(
    client, django_capture_on_commit_callbacks
):
    kept = ArticleFactory(title="Stays", published_at=hours_ago(2))
    withdrawn = ArticleFactory(title="Withdrawn", published_at=hours_ago(1))
    assert headlines(client) == ["Withdrawn", "Stays"]

    with django_capture_on_commit_callbacks(execute=True):
        services.article_withdraw(articles=Article.objects.filter(pk=withdrawn.pk))

    assert home_ticker(client) == [("Stays", kept.get_absolute_url())]


def test_marking_an_article_breaking_moves_it_to_the_front_at_once(
    client, django_capture_on_commit_callbacks
):
    ArticleFactory(title="Newest", published_at=hours_ago(1))
    older = ArticleFactory(title="Now breaking", published_at=hours_ago(5))
    assert headlines(client) == ["Newest", "Now breaking"]

    with django_capture_on_commit_callbacks(execute=True):
        older.breaking_until = timezone.now() + timedelta(hours=2)
        older.save()

    assert headlines(client) == ["Now breaking", "Newest"]


def test_headlines_published_in_the_same_second_are_cut_at_the_ticker_size(client):
    moment = hours_ago(1)
    same_second = [ArticleFactory(published_at=moment) for _ in range(TICKER_COUNT + 8)]
    newest_by_number = sorted(same_second, key=lambda article: -article.pk)

    assert headlines(client) == [
        article.title for article in newest_by_number[:TICKER_COUNT]
    ]
