"""Submitting for review puts a draft in the editors' queue with the time it was
submitted; the queue lists what waits, longest waiting first, and since when."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from staff.models import AuditEntry
from tests.articles.pages import soup_of, text_of
from tests.desk.helpers import CHANGELIST, run_action, signed_in
from tests.factories import ArticleFactory, make_staff_user

pytestmark = pytest.mark.django_db


def test_a_reporter_submits_a_draft_and_its_submission_time_is_kept(client):
    reporter = signed_in(client, "rima", "Reporters")
    draft = ArticleFactory(draft=True, created_by=reporter)

    run_action(client, "submit_for_review", [draft])

    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW
    assert timezone.now() - draft.submitted_at < timedelta(seconds=5)
    assert AuditEntry.objects.filter(
        object_id=str(draft.pk), summary="submitted for review", actor=reporter
    ).exists()


def test_a_reporter_still_edits_a_draft_waiting_for_review(client):
    reporter = signed_in(client, "rima", "Reporters")
    waiting = ArticleFactory(review=True, created_by=reporter)
    from tests.desk.helpers import change_form_data, change_url

    data = change_form_data(client, waiting)
    data["lead"] = "A sharper lead."
    client.post(change_url(waiting), data)

    waiting.refresh_from_db()
    assert waiting.lead == "A sharper lead."
    assert waiting.status == Article.Status.REVIEW


def test_the_review_queue_lists_what_waits_longest_waiting_first_with_since_when(
    client,
):
    signed_in(client, "eda", "Editors")
    reporter = make_staff_user("rima", "Reporters")
    now = timezone.now()
    with time_machine.travel(now - timedelta(hours=3), tick=False):
        ArticleFactory(review=True, created_by=reporter, title="Waiting three hours")
    with time_machine.travel(now - timedelta(minutes=20), tick=False):
        ArticleFactory(review=True, created_by=reporter, title="Waiting twenty minutes")
    ArticleFactory(draft=True, title="Still a draft")
    ArticleFactory(title="Already out")

    page = soup_of(client.get(CHANGELIST, {"review": "waiting"}))

    rows = page.select("#result_list tbody tr")
    assert [text_of(row.select_one("th a")) for row in rows] == [
        "Waiting three hours",
        "Waiting twenty minutes",
    ]
    waited = [text_of(row.select_one("td.field-waiting_since")) for row in rows]
    assert "(3 hours)" in waited[0]
    assert "(20 minutes)" in waited[1]


def test_the_review_queue_is_offered_as_a_filter(client):
    signed_in(client, "eda", "Editors")
    page = client.get(CHANGELIST).content.decode()
    assert "?review=waiting" in page
