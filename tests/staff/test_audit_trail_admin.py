"""Editors and moderators read the audit trail in the admin; nobody, superusers
included, adds, changes or deletes its rows there: the pages answer 403, forged
posts change nothing, and no bulk action is offered or run."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles import services
from staff.models import AuditEntry
from tests.factories import ArticleFactory, make_staff_user
from tests.staff.trail import rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_password_hashing")]

CHANGELIST = reverse("admin:staff_auditentry_changelist")
ADD = reverse("admin:staff_auditentry_add")


def change_url(row) -> str:
    return reverse("admin:staff_auditentry_change", args=[row.pk])


def delete_url(row) -> str:
    return reverse("admin:staff_auditentry_delete", args=[row.pk])


@pytest.fixture
def editor():
    return make_staff_user("editor", "Editors")


@pytest.fixture
def entry(editor):
    services.article_publish(articles=[ArticleFactory(draft=True)], by=editor)
    return AuditEntry.objects.get(action=AuditEntry.Action.ARTICLE_PUBLISH)


@pytest.fixture(params=["superuser", "Editors", "Moderators"])
def reader_client(request, client, admin_user):
    if request.param == "superuser":
        client.force_login(admin_user)
    else:
        client.force_login(make_staff_user(f"reader-{request.param}", request.param))
    return client


def as_stored(row) -> dict:
    return AuditEntry.objects.filter(pk=row.pk).values().get()


FORGED = {
    "action": AuditEntry.Action.ARTICLE_EDIT,
    "username": "someone-else",
    "object_repr": "forged",
    "summary": "forged",
    "sender_hash": "",
    "_save": "Save",
}


def test_editors_and_moderators_may_only_view_the_trail():
    for name in ["Editors", "Moderators"]:
        codenames = set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="staff")
            .values_list("codename", flat=True)
        )
        assert codenames == {"view_auditentry"}, name


def test_editors_moderators_and_superusers_read_the_trail(reader_client, entry):
    listing = reader_client.get(CHANGELIST)
    detail = reader_client.get(change_url(entry))

    assert listing.status_code == 200
    assert entry.object_repr in listing.content.decode()
    assert detail.status_code == 200
    page = BeautifulSoup(detail.content.decode(), "html.parser")
    assert entry.summary in page.get_text()
    # Shown, never offered for editing.
    assert page.select("form#auditentry_form input[name='summary']") == []
    assert page.select("input[name='_save']") == []


def test_staff_outside_the_groups_cannot_read_the_trail(client, entry):
    client.force_login(
        get_user_model().objects.create_user(
            username="no-group", password="pw-for-tests-only", is_staff=True
        )
    )

    assert client.get(CHANGELIST).status_code == 403
    assert client.get(change_url(entry)).status_code == 403


def test_nobody_adds_a_row(reader_client, entry):
    page = reader_client.get(ADD)
    forged = reader_client.post(ADD, FORGED)

    assert page.status_code == forged.status_code == 403
    assert rows() == [entry]
    assert not AuditEntry.objects.filter(username="someone-else").exists()
    listing = reader_client.get(CHANGELIST)
    assert ADD not in listing.content.decode()


def test_nobody_changes_a_row(reader_client, entry):
    stored = as_stored(entry)

    forged = reader_client.post(change_url(entry), FORGED)

    assert forged.status_code == 403
    assert as_stored(entry) == stored


def test_nobody_deletes_a_row(reader_client, entry):
    stored = as_stored(entry)

    page = reader_client.get(delete_url(entry))
    forged = reader_client.post(delete_url(entry), {"post": "yes"})

    assert page.status_code == forged.status_code == 403
    assert as_stored(entry) == stored


def test_the_bulk_delete_action_is_neither_offered_nor_run(reader_client, entry):
    stored = as_stored(entry)

    listing = reader_client.get(CHANGELIST)
    forged = reader_client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )

    assert b'name="action"' not in listing.content
    assert forged.status_code in {200, 302, 403}
    assert as_stored(entry) == stored


def test_a_staff_account_with_a_trail_cannot_be_deleted(admin_client, entry):
    editor = entry.actor
    stored = as_stored(entry)

    response = admin_client.post(
        reverse("admin:auth_user_delete", args=[editor.pk]), {"post": "yes"}
    )

    assert response.status_code == 200  # the page that names what protects it
    assert get_user_model().objects.filter(pk=editor.pk).exists()
    assert as_stored(entry) == stored


def test_lifting_a_ban_is_in_the_trail(admin_client):
    from comments.models import SenderBan

    ban = SenderBan.objects.create(
        sender_hash="f" * 32, until=timezone.now() + timedelta(days=1)
    )

    admin_client.post(
        reverse("admin:comments_senderban_delete", args=[ban.pk]), {"post": "yes"}
    )

    assert not SenderBan.objects.exists()
    assert AuditEntry.objects.filter(action="sender_unban").count() == 1
