"""``manage.py load_demo``: an invented newsroom for a fresh site, loaded once."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Keyword, Section, SiteSettings
from tests.articles.pages import soup_of, text_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_fills_an_empty_database_with_about_forty_articles():
    load_demo()

    assert 35 <= Article.objects.count() <= 45
    assert Article.objects.published().count() >= 30
    assert Section.objects.count() >= 3
    assert Keyword.objects.count() >= 10
    assert SiteSettings.load().name == "The Orontes Dispatch"


def test_load_demo_creates_an_editor_and_a_moderator_in_their_groups():
    output = load_demo()

    users = {user.username: user for user in get_user_model().objects.all()}
    assert set(users) == {"editor", "moderator"}
    assert list(users["editor"].groups.values_list("name", flat=True)) == ["Editors"]
    assert list(users["moderator"].groups.values_list("name", flat=True)) == [
        "Moderators"
    ]
    assert users["editor"].is_staff and users["moderator"].is_staff
    assert not users["editor"].is_superuser
    assert users["editor"].has_perm("articles.change_article")
    assert not users["moderator"].has_perm("articles.change_article")
    # The generated passwords are shown once, in the command's output.
    assert "username editor, password " in output


def test_second_load_adds_nothing_and_does_not_fail():
    load_demo()
    counts = (
        Article.objects.count(),
        Section.objects.count(),
        Keyword.objects.count(),
        get_user_model().objects.count(),
    )

    output = load_demo()

    assert (
        Article.objects.count(),
        Section.objects.count(),
        Keyword.objects.count(),
        get_user_model().objects.count(),
    ) == counts
    assert "nothing loaded" in output


def test_load_demo_leaves_a_database_with_articles_alone():
    ArticleFactory(title="A real newsroom's story")

    load_demo()

    assert list(Article.objects.values_list("title", flat=True)) == [
        "A real newsroom's story"
    ]
    assert not get_user_model().objects.exists()


def test_demo_front_page_and_articles_render(client):
    load_demo()
    newest = Article.objects.published().newest_first().first()

    home = client.get(reverse("articles:home"))
    article = client.get(newest.get_absolute_url())

    assert home.status_code == article.status_code == 200
    assert text_of(soup_of(home).select_one(".lead-title")) == newest.title
    assert text_of(soup_of(article).find("h1")) == newest.title
