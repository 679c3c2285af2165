"""The audit trail names each desk step by what it was, so an editor can filter for
take-downs or restores: a submission for review, a restore of an earlier version
and an emergency take-down each have their own action, beside the editor's name."""

import pytest

from articles import history, services
from articles.models import Article
from staff.models import AuditEntry
from tests.desk.helpers import change_form_data, change_url, signed_in
from tests.factories import ArticleFactory, make_staff_user

pytestmark = pytest.mark.django_db
Action = AuditEntry.Action


def actions_for(article) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_id=str(article.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_a_submission_for_review_is_recorded_as_one():
    reporter = make_staff_user("rami", "Reporters")
    draft = ArticleFactory(status=Article.Status.DRAFT, created_by=reporter)

    services.article_submit_for_review(articles=[draft], by=reporter)

    assert actions_for(draft)[-1] == Action.ARTICLE_SUBMIT
    assert AuditEntry.objects.get(action=Action.ARTICLE_SUBMIT).actor == reporter


def test_a_restore_is_recorded_as_a_restore(client):
    editor = signed_in(client, "eda", "Editors")
    article = ArticleFactory(title="First headline")
    for title in ["Second headline", "Third headline"]:
        data = change_form_data(client, article)
        data["title"] = title
        assert client.post(change_url(article), data).status_code == 302
    earlier = list(history.versions_of(article))[-1]

    services.article_version_restore(article=article, version=earlier, by=editor)

    assert actions_for(article)[-1] == Action.ARTICLE_RESTORE


def test_a_take_down_is_recorded_apart_from_a_withdrawal():
    editor = make_staff_user("eda", "Editors")
    article = ArticleFactory()

    services.article_take_down(article=article, by=editor, reason="Source at risk.")

    entry = AuditEntry.objects.get(action=Action.ARTICLE_TAKE_DOWN)
    assert "Source at risk." in entry.summary
    assert not AuditEntry.objects.filter(action=Action.ARTICLE_WITHDRAW).exists()
