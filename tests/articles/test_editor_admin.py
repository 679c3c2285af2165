"""The newsroom admin: staff groups, the article screens, bulk actions, the masthead."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, SiteSettings, now_to_the_second
from tests.articles.pages import soup_of
from tests.factories import ArticleFactory, make_staff_user, set_site_settings

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:articles_article_changelist"


def article_permissions(group_name: str) -> set[str]:
    return set(
        Group.objects.get(name=group_name)
        .permissions.filter(content_type__app_label="articles")
        .values_list("codename", flat=True)
    )


@pytest.fixture
def editor_client(client):
    client.force_login(make_staff_user("editor", "Editors"))
    return client


@pytest.fixture
def moderator_client(client):
    client.force_login(make_staff_user("moderator", "Moderators"))
    return client


def run_action(client, action: str, articles):
    """POST the changelist's bulk action; follow the redirect back to the list."""
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [article.pk for article in articles]},
        follow=True,
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def action_names(response) -> set[str]:
    select = soup_of(response).find("select", attrs={"name": "action"})
    if select is None:
        return set()
    return {option["value"] for option in select.find_all("option") if option["value"]}


def test_editors_group_may_write_articles_sections_keywords_and_masthead():
    assert {
        "add_article",
        "change_article",
        "delete_article",
        "view_article",
        "add_keyword",
        "change_keyword",
        "add_section",
        "change_section",
        "change_sitesettings",
    } <= article_permissions("Editors")
    # One record, created by a migration: nobody adds or deletes it.
    assert "add_sitesettings" not in article_permissions("Editors")
    assert "delete_sitesettings" not in article_permissions("Editors")


def test_moderators_group_may_only_view_articles():
    permissions = article_permissions("Moderators")

    assert "view_article" in permissions
    assert not {"add_article", "change_article", "delete_article"} & permissions
    assert not {"change_sitesettings", "change_section"} & permissions


def test_editor_opens_the_article_changelist_with_publish_and_withdraw(editor_client):
    ArticleFactory(title="Listed for editors")

    response = editor_client.get(reverse(CHANGELIST))

    assert response.status_code == 200
    assert "Listed for editors" in response.content.decode()
    assert {"publish", "withdraw"} <= action_names(response)


def test_editor_add_form_uses_the_rich_text_editor(editor_client):
    response = editor_client.get(reverse("admin:articles_article_add"))

    assert response.status_code == 200
    body = soup_of(response).find("textarea", attrs={"name": "body"})
    assert any(name.startswith("data-django-prose-editor") for name in body.attrs)


def test_add_form_offers_the_site_name_as_source_label(editor_client):
    set_site_settings(name="The Valley Courier")

    response = editor_client.get(reverse("admin:articles_article_add"))

    source = soup_of(response).find("input", attrs={"name": "source_label"})
    assert source["value"] == "The Valley Courier"


def test_editor_publishes_drafts_with_the_bulk_action(editor_client):
    drafts = [ArticleFactory(draft=True) for _ in range(2)]
    untouched = ArticleFactory(draft=True)

    response = run_action(editor_client, "publish", drafts)

    assert response.redirect_chain == [(reverse(CHANGELIST), 302)]
    assert messages_of(response) == ["2 articles published."]
    assert set(Article.objects.published()) == set(drafts)
    untouched.refresh_from_db()
    assert untouched.status == Article.Status.DRAFT


def test_editor_withdraws_articles_with_the_bulk_action(editor_client):
    published = [ArticleFactory(), ArticleFactory(scheduled=True)]
    kept = ArticleFactory()

    response = run_action(editor_client, "withdraw", published)

    assert messages_of(response) == ["2 articles withdrawn."]
    statuses = dict(Article.objects.values_list("pk", "status"))
    assert [statuses[article.pk] for article in published] == ["draft", "draft"]
    assert statuses[kept.pk] == "published"


def test_publishing_a_draft_with_a_past_time_moves_it_to_now(editor_client):
    draft = ArticleFactory(draft=True, published_at=timezone.now() - timedelta(days=3))
    before = now_to_the_second()

    run_action(editor_client, "publish", [draft])

    draft.refresh_from_db()
    assert draft.is_published
    assert before <= draft.published_at <= timezone.now()


def test_publishing_a_draft_with_a_future_time_schedules_it(editor_client):
    at = now_to_the_second() + timedelta(days=2)
    draft = ArticleFactory(draft=True, published_at=at)

    run_action(editor_client, "publish", [draft])

    draft.refresh_from_db()
    assert draft.is_scheduled
    assert draft.published_at == at


def test_moderator_sees_articles_but_cannot_change_them(moderator_client):
    article = ArticleFactory(title="Moderators read this")
    change_url = reverse("admin:articles_article_change", args=[article.pk])

    page = moderator_client.get(change_url)
    post = moderator_client.post(change_url, {"title": "Changed by a moderator"})

    # Viewing is allowed (read-only, with nothing to save); changing is forbidden.
    assert page.status_code == 200
    assert soup_of(page).find("input", attrs={"name": "_save"}) is None
    assert post.status_code == 403
    article.refresh_from_db()
    assert article.title == "Moderators read this"


def test_moderator_cannot_add_articles(moderator_client):
    response = moderator_client.get(reverse("admin:articles_article_add"))

    assert response.status_code == 403


def test_moderator_has_no_publish_or_withdraw_action(moderator_client):
    draft = ArticleFactory(draft=True)

    changelist = moderator_client.get(reverse(CHANGELIST))
    run_action(moderator_client, "publish", [draft])

    assert changelist.status_code == 200
    assert not {"publish", "withdraw"} & action_names(changelist)
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_change_page_links_to_the_article_on_the_site(editor_client):
    article = ArticleFactory()

    response = editor_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )
    link = soup_of(response).select_one("a.viewsitelink")
    followed = editor_client.get(link["href"])

    assert followed.status_code == 302
    assert followed["Location"].endswith(article.get_absolute_url())


def test_site_settings_admin_refuses_a_second_record(admin_client):
    add_url = reverse("admin:articles_sitesettings_add")

    changelist = admin_client.get(reverse("admin:articles_sitesettings_changelist"))
    add_page = admin_client.get(add_url)
    add_post = admin_client.post(add_url, {"name": "A second masthead"})

    assert changelist.status_code == 200
    assert soup_of(changelist).find("a", href=add_url) is None
    assert add_page.status_code == add_post.status_code == 403
    assert SiteSettings.objects.count() == 1


def test_site_settings_cannot_be_deleted(admin_client):
    delete_url = reverse("admin:articles_sitesettings_delete", args=[1])

    page = admin_client.get(delete_url)
    post = admin_client.post(delete_url, {"post": "yes"})
    changelist = admin_client.get(reverse("admin:articles_sitesettings_changelist"))

    assert page.status_code == post.status_code == 403
    assert "delete_selected" not in action_names(changelist)
    assert SiteSettings.objects.filter(pk=1).exists()


def test_editor_edits_the_masthead(editor_client):
    response = editor_client.post(
        reverse("admin:articles_sitesettings_change", args=[1]),
        {
            "name": "The Valley Courier",
            "standing_line": "Established by Maha Idris 2007 - Hama",
            "description": "",
        },
    )

    assert response.status_code == 302
    assert SiteSettings.objects.get(pk=1).name == "The Valley Courier"
