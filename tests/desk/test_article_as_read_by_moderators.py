"""A moderator, who may only read articles, sees an article's body rendered as
readers see it, in its own direction, not its HTML source; nothing unsafe comes
through."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection

from articles.models import Article
from tests.desk.helpers import change_url, signed_in
from tests.editions.test_admin_editions import soup_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_moderator_sees_the_body_rendered_not_its_source(client):
    signed_in(client, "mona", "Moderators")
    article = ArticleFactory(
        language="ar", body="<p>الفقرة <strong>الأولى</strong></p><p>الثانية</p>"
    )

    response = client.get(change_url(article))

    assert response.status_code == 200
    shown = soup_of(response).select_one(".article-body-as-read")
    assert shown is not None
    assert (shown["dir"], shown["lang"]) == ("rtl", "ar")
    assert [p.get_text() for p in shown.select("p")] == ["الفقرة الأولى", "الثانية"]
    assert "&lt;p&gt;" not in response.content.decode()


def test_what_a_moderator_is_shown_is_sanitised_even_if_the_stored_body_is_not(client):
    signed_in(client, "mona", "Moderators")
    article = ArticleFactory(body="<p>Fine.</p>")
    # Written past the model's cleaning, as an old row or a raw import might be.
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Article._meta.db_table} SET body = %s WHERE id = %s",
            ['<p onclick="x()">Fine.</p><script>alert(1)</script>', article.pk],
        )

    response = client.get(change_url(article))

    shown = soup_of(response).select_one(".article-body-as-read")
    assert shown.select("script") == []
    assert not shown.select_one("p").has_attr("onclick")


def test_an_editor_still_gets_the_editor(client):
    signed_in(client, "eda", "Editors")
    article = ArticleFactory(body="<p>Editable.</p>")

    response = client.get(change_url(article))

    form = soup_of(response).select_one("form#article_form")
    assert form.select_one("textarea[name=body]") is not None
    assert form.select_one(".article-body-as-read") is None


def test_the_moderators_group_exists_with_view_only_rights():
    moderators = Group.objects.get(name="Moderators")
    user = get_user_model().objects.create_user("m2", is_staff=True)
    user.groups.add(moderators)
    assert user.has_perm("articles.view_article")
    assert not user.has_perm("articles.change_article")
