"""Reporters write and edit their own drafts and submit them for review; they
cannot publish, schedule, withdraw, or change a published article or someone else's
draft, whether through the admin's screens, a forged post or the services. Editors
do all of it; moderators keep to comments."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles import services
from articles.models import Article
from tests.articles.pages import soup_of
from tests.desk.helpers import (
    ADD,
    CHANGELIST,
    change_form_data,
    change_url,
    new_article_form,
    run_action,
    signed_in,
)
from tests.factories import ArticleFactory, SectionFactory, make_staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter(client):
    return signed_in(client, "rima", "Reporters")


def test_the_reporters_group_may_add_and_change_but_not_publish_or_delete():
    codenames = set(
        Group.objects.get(name="Reporters").permissions.values_list(
            "codename", flat=True
        )
    )
    assert {"add_article", "change_article", "view_article"} <= codenames
    assert "publish_article" not in codenames
    assert "delete_article" not in codenames
    editors = Group.objects.get(name="Editors").permissions
    assert editors.filter(codename="publish_article").exists()


def test_a_reporter_writes_a_draft_that_is_recorded_as_theirs(client, reporter):
    section = SectionFactory()

    response = client.post(ADD, new_article_form(section))

    assert response.status_code == 302
    article = Article.objects.get(slug="filed-from-the-desk")
    assert article.created_by == reporter
    assert article.status == Article.Status.DRAFT


def test_a_reporter_edits_their_own_draft(client, reporter):
    draft = ArticleFactory(draft=True, created_by=reporter)
    data = change_form_data(client, draft)
    data["title"] = "A better headline"

    assert client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.title == "A better headline"


def test_a_reporter_sees_only_their_own_articles_in_the_list(client, reporter):
    ArticleFactory(draft=True, created_by=reporter, title="Mine")
    ArticleFactory(draft=True, title="Someone else's")

    titles = [
        a.get_text()
        for a in soup_of(client.get(CHANGELIST)).select("#result_list tbody th a")
    ]

    assert titles == ["Mine"]


def test_a_reporter_cannot_open_or_post_to_someone_elses_draft(client, reporter):
    other = make_staff_user("other", "Reporters")
    theirs = ArticleFactory(draft=True, created_by=other, title="Theirs")
    data = {**new_article_form(theirs.section), "title": "Overwritten"}

    page = client.get(change_url(theirs))
    post = client.post(change_url(theirs), data)

    assert page.status_code == 302  # to the admin index: "does not exist"
    assert post.status_code == 302
    theirs.refresh_from_db()
    assert theirs.title == "Theirs"


def test_a_reporter_cannot_change_a_published_article_even_their_own(client, reporter):
    published = ArticleFactory(created_by=reporter, title="Out already")
    data = {**new_article_form(published.section), "title": "Changed after"}

    page = client.get(change_url(published))
    client.post(change_url(published), data)

    published.refresh_from_db()
    assert published.title == "Out already"
    # The form is shown read-only: no save button.
    assert not soup_of(page).select("input[name=_save]")


def test_a_forged_status_in_the_form_does_not_publish_a_reporters_draft(
    client, reporter
):
    draft = ArticleFactory(draft=True, created_by=reporter)
    data = change_form_data(client, draft)
    data["status"] = Article.Status.PUBLISHED
    data["published_at_0"] = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%d")
    data["published_at_1"] = "10:00:00"

    client.post(change_url(draft), data)

    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()


@pytest.mark.parametrize("action", ["publish", "withdraw", "take_down"])
def test_a_forged_editor_action_does_nothing_for_a_reporter(client, reporter, action):
    draft = ArticleFactory(draft=True, created_by=reporter)
    live = ArticleFactory(created_by=reporter)

    run_action(client, action, [draft, live], confirm="yes", reason="forged")

    draft.refresh_from_db()
    live.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert live.status == Article.Status.PUBLISHED


def test_the_reporters_actions_are_only_submit_for_review(client, reporter):
    ArticleFactory(draft=True, created_by=reporter)
    options = {
        option["value"]
        for option in soup_of(client.get(CHANGELIST)).select(
            "select[name=action] option"
        )
    }
    assert options - {""} == {"submit_for_review"}


def test_the_services_refuse_a_reporter(reporter):
    own = ArticleFactory(draft=True, created_by=reporter)
    live = ArticleFactory(created_by=reporter)

    with pytest.raises(PermissionDenied):
        services.article_publish(articles=[own], by=reporter)
    with pytest.raises(PermissionDenied):
        services.article_withdraw(articles=[live], by=reporter)
    with pytest.raises(PermissionDenied):
        services.article_take_down(article=live, by=reporter, reason="no")
    with pytest.raises(PermissionDenied):
        services.article_delete(articles=[own], by=reporter)
    own.status = Article.Status.PUBLISHED
    with pytest.raises(PermissionDenied):
        services.article_save(
            article=own, by=reporter, changed_fields=["status"], created=False
        )
    live.title = "Edited after publication"
    with pytest.raises(PermissionDenied):
        services.article_save(
            article=live, by=reporter, changed_fields=["title"], created=False
        )
    own.refresh_from_db()
    live.refresh_from_db()
    assert own.status == Article.Status.DRAFT
    assert live.title != "Edited after publication"


def test_the_submit_service_refuses_someone_elses_draft(reporter):
    theirs = ArticleFactory(draft=True, created_by=make_staff_user("o", "Reporters"))
    with pytest.raises(PermissionDenied):
        services.article_submit_for_review(articles=[theirs], by=reporter)


def test_an_editor_publishes_and_changes_anyones_article(client):
    signed_in(client, "eda", "Editors")
    draft = ArticleFactory(draft=True, created_by=make_staff_user("r", "Reporters"))

    run_action(client, "publish", [draft])
    data = change_form_data(client, draft)
    data["title"] = "Edited by the editor"
    client.post(change_url(draft), data)

    draft.refresh_from_db()
    assert draft.is_published
    assert draft.title == "Edited by the editor"


def test_a_moderator_cannot_add_or_change_articles(client):
    moderator = signed_in(client, "mona", "Moderators")
    article = ArticleFactory(draft=True)

    assert client.get(ADD).status_code == 403
    client.post(change_url(article), {**new_article_form(article.section)})
    article.refresh_from_db()
    assert article.title != "Filed from the desk"
    with pytest.raises(PermissionDenied):
        services.article_publish(articles=[article], by=moderator)
