"""Every save of an article keeps a version naming who saved it; an editor sees a
word diff of title, lead and body between two versions and restores an earlier
one through a service that records an audit row."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from reversion.models import Version

from articles import history, services
from staff.models import AuditEntry
from tests.articles.pages import soup_of
from tests.desk.helpers import change_form_data, change_url, signed_in
from tests.factories import ArticleFactory, KeywordFactory, make_staff_user

pytestmark = pytest.mark.django_db


def save_through_form(client, article, **changes):
    data = change_form_data(client, article)
    data.update(changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:1000]


def test_each_save_through_the_form_keeps_a_version_with_who_saved_it(client):
    editor = signed_in(client, "eda", "Editors")
    article = ArticleFactory(title="First headline")

    save_through_form(client, article, title="Second headline")
    save_through_form(client, article, title="Third headline")

    versions = list(history.versions_of(article))
    assert [v.field_dict["title"] for v in versions] == [
        "Third headline",
        "Second headline",
    ]
    assert {v.revision.user for v in versions} == {editor}


def test_a_version_keeps_the_keywords_saved_with_it(client):
    signed_in(client, "eda", "Editors")
    keyword = KeywordFactory()
    article = ArticleFactory()

    save_through_form(client, article, keywords=[keyword.pk])

    assert history.versions_of(article).first().field_dict["keywords"] == [keyword.pk]


def test_publishing_and_withdrawing_keep_versions_too():
    editor = make_staff_user("eda", "Editors")
    draft = ArticleFactory(draft=True)

    services.article_publish(articles=[draft], by=editor)
    services.article_withdraw(articles=[draft], by=editor)

    assert Version.objects.get_for_object(draft).count() == 2


def test_the_word_diff_marks_removed_and_added_words_and_escapes_them():
    html = history.word_diff(
        "Shelling <b>hit</b> the market", "Shelling hit the old <i>market</i>"
    )

    assert "<del>&lt;b&gt;hit&lt;/b&gt;</del>" in html
    assert "<ins>hit</ins>" in html
    assert "<ins>old &lt;i&gt;market&lt;/i&gt;</ins>" in html or (
        "<ins>old</ins>" in html
    )
    assert "<b>" not in html and "<i>" not in html


def test_an_editor_compares_two_versions(client):
    signed_in(client, "eda", "Editors")
    article = ArticleFactory(title="Water returns", lead="Pumps restart in Homs.")
    save_through_form(client, article)
    save_through_form(
        client, article, title="Water returns slowly", lead="Pumps restart."
    )

    page = soup_of(
        client.get(reverse("admin:articles_article_versions", args=[article.pk]))
    )

    diff = page.select_one(".version-diff")
    assert [ins.get_text() for ins in diff.select("ins")] == [" slowly"] or (
        "slowly" in " ".join(ins.get_text() for ins in diff.select("ins"))
    )
    assert "in Homs" in " ".join(d.get_text() for d in diff.select("del"))


def test_restoring_brings_back_the_text_keeps_the_state_and_is_audited(client):
    editor = signed_in(client, "eda", "Editors")
    article = ArticleFactory(title="The right headline")
    save_through_form(client, article)
    save_through_form(client, article, title="A wrong headline")
    earlier = history.versions_of(article)[1]

    confirm = client.get(
        reverse("admin:articles_article_restore", args=[article.pk, earlier.pk])
    )
    response = client.post(
        reverse("admin:articles_article_restore", args=[article.pk, earlier.pk])
    )

    assert confirm.status_code == 200
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "The right headline"
    assert article.is_published
    row = AuditEntry.objects.filter(object_id=str(article.pk)).latest("at")
    assert row.actor == editor
    assert row.summary.startswith("restored the version saved")
    assert history.versions_of(article).first().field_dict["title"] == (
        "The right headline"
    )


def test_a_reporter_cannot_see_versions_or_restore(client):
    reporter = signed_in(client, "rima", "Reporters")
    own = ArticleFactory(draft=True, created_by=reporter)
    save_through_form(client, own, title="Second")
    version = history.versions_of(own).first()

    assert (
        client.get(
            reverse("admin:articles_article_versions", args=[own.pk])
        ).status_code
        == 403
    )
    client.post(reverse("admin:articles_article_restore", args=[own.pk, version.pk]))
    with pytest.raises(PermissionDenied):
        services.article_version_restore(article=own, version=version, by=reporter)
