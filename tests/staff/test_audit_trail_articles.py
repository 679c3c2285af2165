"""Every publish, schedule, withdraw, creation, edit and delete of an article keeps
an audit row: who, when, which article, a short summary, and the sender's keyed hash
when it came through the admin; a change that is rolled back leaves no row."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, now_to_the_second
from staff.models import AuditEntry
from staff.services import trail_time
from tests.articles.test_body_sanitisation import admin_add_form
from tests.editions.test_admin_editions import change_form_data, change_url
from tests.factories import ArticleFactory, SectionFactory, make_staff_user
from tests.staff.trail import (
    CLIENT_ADDRESS,
    client_sender,
    done_by,
    from_client_address,
    is_about,
    rows,
    the_row,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_password_hashing")]

Action = AuditEntry.Action
CHANGELIST = reverse("admin:articles_article_changelist")
FUTURE = datetime(2040, 5, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def editor():
    return make_staff_user("editor", "Editors")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return from_client_address(client)


def run_action(client, action: str, articles, **extra):
    return client.post(
        CHANGELIST,
        {
            "action": action,
            "_selected_action": [article.pk for article in articles],
            **extra,
        },
        follow=True,
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_publishing_records_the_editor_the_article_and_its_time(editor):
    draft = ArticleFactory(draft=True, published_at=timezone.now() - timedelta(days=2))
    before = timezone.now()

    services.article_publish(articles=[draft], by=editor)

    row = the_row(Action.ARTICLE_PUBLISH)
    draft.refresh_from_db()
    assert done_by(row, editor)
    assert is_about(row, draft)
    assert before <= row.at <= timezone.now()
    assert row.summary == f"live since {trail_time(draft.published_at)}"
    # Called from no request: no sender to name.
    assert row.sender_hash == ""
    assert rows() == [row]


def test_scheduling_records_the_publication_time_in_the_sites_zone(editor, settings):
    settings.TIME_ZONE = "Asia/Beirut"
    draft = ArticleFactory(draft=True, published_at=FUTURE)

    services.article_publish(articles=[draft], by=editor)

    row = the_row(Action.ARTICLE_SCHEDULE)
    assert done_by(row, editor)
    assert is_about(row, draft)
    assert row.summary == "scheduled for 2040-05-01 12:30 EEST"
    assert not rows(Action.ARTICLE_PUBLISH)


def test_publishing_what_is_already_published_records_nothing(editor):
    article = ArticleFactory()

    assert services.article_publish(articles=[article], by=editor) == 0

    assert rows() == []


def test_withdrawing_records_what_readers_saw_until_then(editor):
    live = ArticleFactory(published_at=now_to_the_second() - timedelta(hours=3))
    scheduled = ArticleFactory(published_at=FUTURE)
    ArticleFactory(draft=True)

    count = services.article_withdraw(articles=Article.objects.all(), by=editor)

    assert count == 2
    withdrawn = rows(Action.ARTICLE_WITHDRAW)
    assert len(withdrawn) == len(rows()) == 2
    by_article = {row.object_id: row for row in withdrawn}
    assert by_article[str(live.pk)].summary == (
        f"had been live since {trail_time(live.published_at)}"
    )
    assert by_article[str(scheduled.pk)].summary == (
        "had been scheduled for 2040-05-01 09:30 UTC"
    )
    assert all(done_by(row, editor) for row in withdrawn)
    assert is_about(by_article[str(live.pk)], live)


def test_admin_publish_action_records_the_editor_and_their_senders_hash(
    editor_client, editor
):
    drafts = [
        ArticleFactory(draft=True),
        ArticleFactory(draft=True, published_at=FUTURE),
    ]

    response = run_action(editor_client, "publish", drafts)

    assert messages_of(response) == ["2 articles published."]
    published, scheduled = (
        the_row(Action.ARTICLE_PUBLISH),
        the_row(Action.ARTICLE_SCHEDULE),
    )
    assert is_about(published, drafts[0])
    assert is_about(scheduled, drafts[1])
    for row in (published, scheduled):
        assert done_by(row, editor)
        assert row.sender_hash == client_sender()


def test_admin_withdraw_action_records_each_article(editor_client, editor):
    articles = [ArticleFactory(), ArticleFactory()]

    response = run_action(editor_client, "withdraw", articles)

    assert messages_of(response) == ["2 articles withdrawn."]
    withdrawn = rows(Action.ARTICLE_WITHDRAW)
    assert {row.object_id for row in withdrawn} == {str(a.pk) for a in articles}
    assert all(done_by(row, editor) for row in withdrawn)
    assert all(row.sender_hash == client_sender() for row in withdrawn)


def test_creating_an_article_in_the_admin_records_it_and_its_publication(
    editor_client, editor
):
    form = admin_add_form(SectionFactory(), "<p>Body.</p>")
    form["published_at_0"] = "2040-05-01"
    form["published_at_1"] = "09:30:00"

    response = editor_client.post(reverse("admin:articles_article_add"), form)

    assert response.status_code == 302
    article = Article.objects.get()
    created, scheduled = rows()
    assert created.action == Action.ARTICLE_CREATE
    assert created.summary == ("English edition, scheduled for 2040-05-01 09:30 UTC")
    assert scheduled.action == Action.ARTICLE_SCHEDULE
    assert scheduled.summary == "scheduled for 2040-05-01 09:30 UTC"
    for row in (created, scheduled):
        assert done_by(row, editor)
        assert is_about(row, article)
        assert row.sender_hash == client_sender()


def test_a_draft_created_in_the_admin_is_recorded_as_created_only(editor_client):
    form = admin_add_form(SectionFactory(), "<p>Body.</p>")
    form["status"] = Article.Status.DRAFT

    editor_client.post(reverse("admin:articles_article_add"), form)

    (created,) = rows()
    assert created.action == Action.ARTICLE_CREATE
    assert created.summary == "English edition, draft"


def test_an_edit_in_the_admin_records_which_fields_changed(editor_client, editor):
    article = ArticleFactory(title="Before")
    data = change_form_data(editor_client, article)
    data["title"] = "After"
    data["lead"] = "A corrected lead."

    response = editor_client.post(change_url(article), data)

    assert response.status_code == 302
    row = the_row(Action.ARTICLE_EDIT)
    article.refresh_from_db()
    assert article.title == "After"
    assert row.summary == "changed: title, lead"
    assert row.object_repr == "After"
    assert done_by(row, editor)
    assert row.sender_hash == client_sender()
    # It changed no publication: no publish, schedule or withdraw row.
    assert rows() == [row]


def test_saving_unchanged_records_a_save_with_no_change(editor_client):
    article = ArticleFactory()

    editor_client.post(change_url(article), change_form_data(editor_client, article))

    assert the_row(Action.ARTICLE_EDIT).summary == "saved with no change"
    assert len(rows()) == 1


def test_publishing_through_the_change_form_is_recorded_as_a_publish(
    editor_client, editor
):
    draft = ArticleFactory(draft=True, published_at=now_to_the_second())
    data = change_form_data(editor_client, draft)
    data["status"] = Article.Status.PUBLISHED

    editor_client.post(change_url(draft), data)

    edit, publish = rows()
    assert edit.action == Action.ARTICLE_EDIT
    assert edit.summary == "changed: status"
    assert publish.action == Action.ARTICLE_PUBLISH
    draft.refresh_from_db()
    assert publish.summary == f"live since {trail_time(draft.published_at)}"
    assert done_by(publish, editor)
    assert is_about(publish, draft)


def test_moving_a_live_article_to_a_future_time_is_recorded_as_a_schedule(
    editor_client,
):
    article = ArticleFactory()
    data = change_form_data(editor_client, article)
    data["published_at_0"], data["published_at_1"] = "2040-05-01", "09:30:00"

    editor_client.post(change_url(article), data)

    edit, schedule = rows()
    assert edit.summary == "changed: publication time"
    assert schedule.action == Action.ARTICLE_SCHEDULE
    assert schedule.summary == "scheduled for 2040-05-01 09:30 UTC"


def test_setting_a_live_article_back_to_draft_in_the_form_is_a_withdraw(
    editor_client,
):
    article = ArticleFactory(published_at=now_to_the_second() - timedelta(days=1))
    data = change_form_data(editor_client, article)
    data["status"] = Article.Status.DRAFT

    editor_client.post(change_url(article), data)

    edit, withdraw = rows()
    assert edit.action == Action.ARTICLE_EDIT
    assert withdraw.action == Action.ARTICLE_WITHDRAW
    assert withdraw.summary == (
        f"had been live since {trail_time(article.published_at)}"
    )


def test_deleting_an_article_in_the_admin_records_it(editor_client, editor):
    article = ArticleFactory(title="A story to delete", published_at=FUTURE)
    pk = article.pk

    response = editor_client.post(
        reverse("admin:articles_article_delete", args=[pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Article.objects.filter(pk=pk).exists()
    row = the_row(Action.ARTICLE_DELETE)
    assert row.object_id == str(pk)
    assert row.object_repr == "A story to delete"
    assert row.summary == "English edition, scheduled for 2040-05-01 09:30 UTC"
    assert done_by(row, editor)
    assert row.sender_hash == client_sender()


def test_bulk_delete_in_the_admin_records_one_row_per_article(editor_client, editor):
    doomed = [ArticleFactory(), ArticleFactory(draft=True, language="ar")]
    kept = ArticleFactory()

    response = run_action(editor_client, "delete_selected", doomed, post="yes")

    assert messages_of(response) == ["Successfully deleted 2 articles."]
    assert list(Article.objects.all()) == [kept]
    deleted = rows(Action.ARTICLE_DELETE)
    assert len(deleted) == len(rows()) == 2
    by_article = {row.object_id: row for row in deleted}
    assert set(by_article) == {str(article.pk) for article in doomed}
    assert by_article[str(doomed[1].pk)].summary == "Arabic edition, draft"
    assert all(done_by(row, editor) for row in deleted)


def test_the_confirmation_page_of_a_bulk_delete_records_nothing(editor_client):
    articles = [ArticleFactory(), ArticleFactory()]

    response = run_action(editor_client, "delete_selected", articles)

    assert response.status_code == 200
    assert Article.objects.count() == 2
    assert rows() == []


def test_no_row_keeps_the_senders_address(editor_client):
    draft = ArticleFactory(draft=True)

    run_action(editor_client, "publish", [draft])
    editor_client.post(change_url(draft), change_form_data(editor_client, draft))

    assert len(rows()) == 2
    for row in AuditEntry.objects.values():
        assert not any(CLIENT_ADDRESS in str(value) for value in row.values())


def test_a_publish_that_fails_keeps_no_row_for_the_drafts_before_it(editor):
    first = ArticleFactory(draft=True)
    # A lead over 600 characters: the database takes it, validation does not.
    invalid = ArticleFactory(draft=True, lead="x" * 700)

    with pytest.raises(ValidationError):
        services.article_publish(
            articles=Article.objects.filter(pk__in=[first.pk, invalid.pk]).order_by(
                "pk"
            ),
            by=editor,
        )

    assert rows() == []
    assert not Article.objects.published().exists()


def test_a_change_rolled_back_with_its_caller_keeps_no_row(editor):
    article = ArticleFactory()

    with pytest.raises(RuntimeError), transaction.atomic():
        services.article_withdraw(articles=[article], by=editor)
        services.article_delete(articles=[article], by=editor)
        assert len(rows()) == 2
        raise RuntimeError("the caller fails after the service")

    assert rows() == []
    assert Article.objects.published().get() == article


def test_an_editor_in_the_arabic_admin_writes_the_trail_in_the_sites_language(
    editor_client,
):
    drafts = [ArticleFactory(draft=True, published_at=FUTURE)]
    editor_client.cookies["django_language"] = "ar"

    response = run_action(editor_client, "publish", drafts)

    # The editor's admin speaks Arabic...
    assert messages_of(response) == ["تم نشر 1 مقال."]
    # ...and the trail the site's language.
    assert the_row(Action.ARTICLE_SCHEDULE).summary == (
        "scheduled for 2040-05-01 09:30 UTC"
    )


def test_an_arabic_site_writes_its_trail_in_arabic(editor, settings):
    settings.LANGUAGE_CODE = "ar"
    article = ArticleFactory(language="ar", published_at=FUTURE)

    services.article_delete(articles=[article], by=editor)

    assert the_row(Action.ARTICLE_DELETE).summary == (
        "النسخة العربية، مجدول للنشر في 2040-05-01 09:30 UTC"
    )
