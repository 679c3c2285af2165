"""Emergency withdrawal: one editors' action, confirmed with a reason, takes an
article off every page at once, deletes its image files and renditions, records who
and why; its page then answers 410 Gone in either edition."""

import pytest
from django.core.files.storage import default_storage

from articles import services
from articles.images import stored_names
from articles.models import Article
from staff.models import AuditEntry
from tests.articles.pages import soup_of, teaser_titles, ticker_links
from tests.desk.helpers import CHANGELIST, run_action, signed_in
from tests.factories import ArticleFactory, KeywordFactory, make_staff_user
from tests.photos import camera_jpeg, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(django_capture_on_commit_callbacks):
    keyword = KeywordFactory(name="Dam")
    article = ArticleFactory(title="Names of the sources", keywords=[keyword])
    article.image.save("photo.jpg", upload(camera_jpeg()), save=False)
    with django_capture_on_commit_callbacks(execute=True):
        article.save()
    return article


def take_down(client, article, reason="A source is in danger."):
    first = run_action(client, "take_down", [article])
    with_reason = client.post(
        CHANGELIST,
        {
            "action": "take_down",
            "_selected_action": [article.pk],
            "confirm": "yes",
            "reason": reason,
        },
        follow=True,
    )
    return first, with_reason


def test_the_action_asks_for_a_reason_before_anything_happens(client, story):
    signed_in(client, "eda", "Editors")

    page = run_action(client, "take_down", [story])

    assert soup_of(page).select_one("textarea[name=reason]")
    story.refresh_from_db()
    assert story.is_published


def test_taking_down_removes_it_everywhere_and_deletes_its_files(
    client, story, django_capture_on_commit_callbacks
):
    editor = signed_in(client, "eda", "Editors")
    files = stored_names(story.image.name, story.image_renditions)
    assert all(default_storage.exists(name) for name in files)
    keyword_url = story.keywords.get().get_absolute_url()
    section_url = story.section.get_absolute_url()

    with django_capture_on_commit_callbacks(execute=True):
        take_down(client, story)
    client.logout()

    story.refresh_from_db()
    assert story.status == Article.Status.REMOVED
    assert not story.image
    assert not any(default_storage.exists(name) for name in files)
    for url in ("/en/", section_url, keyword_url):
        response = client.get(url)
        assert "Names of the sources" not in teaser_titles(response)
        assert story.get_absolute_url() not in dict(ticker_links(response)).values()
    row = AuditEntry.objects.filter(object_id=str(story.pk)).latest("at")
    assert row.actor == editor
    assert "A source is in danger." in row.summary


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_page_of_a_taken_down_article_answers_410_gone(client, language):
    article = ArticleFactory(language=language)
    services.article_take_down(
        article=article, by=make_staff_user("eda", "Editors"), reason="Legal order."
    )

    response = client.get(article.get_absolute_url())

    assert response.status_code == 410
    page = soup_of(response)
    assert page.select_one(".error-code").get_text() == "410"
    assert page.html["lang"] == language
    assert article.title not in response.content.decode()


def test_an_ordinary_withdrawal_still_answers_404(client):
    article = ArticleFactory()
    services.article_withdraw(articles=[article])
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_take_down_needs_a_reason():
    article = ArticleFactory()
    with pytest.raises(ValueError):
        services.article_take_down(article=article, by=None, reason="  ")
    article.refresh_from_db()
    assert article.is_published
