"""Cached reader data follows every committed change, and time alone publishes a
scheduled article."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import SiteSettings
from tests.articles.pages import soup_of, teaser_titles, text_of
from tests.factories import ArticleFactory, SectionFactory, set_site_settings

pytestmark = pytest.mark.django_db


def home(client):
    response = client.get(reverse("articles:home"))
    assert response.status_code == 200
    return response


def days_ago(days: float):
    return timezone.now() - timedelta(days=days)


def lead_title(client) -> str:
    return text_of(soup_of(home(client)).select_one(".lead-title"))


def test_editing_site_settings_refreshes_the_masthead_at_once(
    client, django_capture_on_commit_callbacks
):
    set_site_settings(name="Old Name", standing_line="Established 2005")
    assert "Old Name" in text_of(soup_of(home(client)).select_one(".masthead"))

    with django_capture_on_commit_callbacks(execute=True):
        site = SiteSettings.objects.get(pk=1)
        site.name = "New Name"
        site.standing_line = "Established by Nour Kassem 2005 - Homs"
        site.save()

    masthead = soup_of(home(client)).select_one(".masthead")
    assert text_of(masthead.select_one(".masthead-name")) == "New Name"
    assert text_of(masthead.select_one(".masthead-line")) == (
        "Established by Nour Kassem 2005 - Homs"
    )


def test_renaming_a_section_refreshes_the_navigation_at_once(
    client, django_capture_on_commit_callbacks
):
    section = SectionFactory(name="Culture")
    ArticleFactory(section=section)
    nav = soup_of(home(client)).select_one(".section-nav")
    assert "Culture" in text_of(nav)

    with django_capture_on_commit_callbacks(execute=True):
        section.name = "Arts and Culture"
        section.save()

    nav = soup_of(home(client)).select_one(".section-nav")
    assert "Arts and Culture" in text_of(nav)


def test_new_article_leads_the_front_page_once_committed(
    client, django_capture_on_commit_callbacks
):
    ArticleFactory(title="Yesterday's lead", published_at=days_ago(1))
    assert lead_title(client) == "Yesterday's lead"

    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(title="Today's lead", published_at=days_ago(0))

    assert lead_title(client) == "Today's lead"


def test_deleting_an_article_removes_it_from_the_front_page_at_once(
    client, django_capture_on_commit_callbacks
):
    ArticleFactory(title="Stays", published_at=days_ago(1))
    doomed = ArticleFactory(title="Deleted", published_at=days_ago(0))
    assert lead_title(client) == "Deleted"

    with django_capture_on_commit_callbacks(execute=True):
        doomed.delete()

    assert lead_title(client) == "Stays"
    assert "Deleted" not in teaser_titles(home(client))


def test_refresh_waits_for_the_commit(client, django_capture_on_commit_callbacks):
    # Refreshing before the commit would let a concurrent reader cache the old rows
    # again under the new version; so the bump runs on commit, not at save time.
    ArticleFactory(title="Committed headline", published_at=days_ago(1))
    assert lead_title(client) == "Committed headline"

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ArticleFactory(title="Saved, not yet committed", published_at=days_ago(0))
        assert lead_title(client) == "Committed headline"

    assert callbacks
    for callback in callbacks:
        callback()
    assert lead_title(client) == "Saved, not yet committed"


def test_scheduled_article_appears_on_time_without_any_job(client):
    ArticleFactory(title="Earlier story", published_at=days_ago(1))
    due = timezone.now() + timedelta(seconds=1)
    ArticleFactory(title="Scheduled story", published_at=due)
    # The front page is cached now, before the scheduled time...
    assert lead_title(client) == "Earlier story"

    # ...and its cache lives no longer than until the scheduled time comes.
    time.sleep((due - timezone.now()).total_seconds() + 1.2)

    assert lead_title(client) == "Scheduled story"
