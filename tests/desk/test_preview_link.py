"""A draft's signed preview link: the real article page marked as a preview, not
indexed, never cached, for anyone who has the link and only until it expires."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from articles.preview import preview_token, preview_url
from tests.articles.pages import soup_of
from tests.desk.helpers import change_url, signed_in
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return ArticleFactory(draft=True, title="Not out yet")


def test_the_link_shows_the_draft_marked_as_a_preview_to_a_stranger(client, draft):
    response = client.get(preview_url(draft))

    assert response.status_code == 200
    page = soup_of(response)
    assert page.select_one("h1.article-title").get_text() == "Not out yet"
    assert page.select_one(".preview-note")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert not page.select_one('link[rel="canonical"]')
    assert response["Cache-Control"] == "private, no-store" or set(
        response["Cache-Control"].replace(" ", "").split(",")
    ) == {"private", "no-store"}


def test_the_preview_is_never_stored_in_the_reader_cache(client, draft):
    url = preview_url(draft)
    client.get(url)
    # A change that refreshes no cache: only a page rendered anew shows it.
    Article.objects.filter(pk=draft.pk).update(title="Retitled")

    # Had the first answer been stored, the same page would come back.
    assert soup_of(client.get(url)).select_one("h1").get_text() == "Retitled"
    assert "ETag" not in client.get(url)


def test_without_a_token_or_with_a_wrong_one_it_is_404(client, draft):
    url = preview_url(draft)
    assert client.get(url.replace(preview_token(draft), "")).status_code == 404
    assert client.get(url[:-3] + "xx/").status_code == 404
    other = ArticleFactory(draft=True)
    forged = preview_token(other).replace(str(other.pk), str(draft.pk), 1)
    assert client.get(url.replace(preview_token(draft), forged)).status_code == 404


def test_the_link_expires_after_the_configured_days(client, draft, settings):
    settings.ARTICLE_PREVIEW_DAYS = 2
    url = preview_url(draft)

    with time_machine.travel(timezone.now() + timedelta(days=1, hours=23)):
        assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=2, minutes=1)):
        assert client.get(url).status_code == 404


def test_an_editor_finds_the_link_on_the_change_form(client, draft):
    signed_in(client, "eda", "Editors")

    field = soup_of(client.get(change_url(draft))).select_one("input#preview-url")

    assert field is not None
    assert "/en/preview/" in field["value"]
    assert field["value"].startswith("http://testserver/")


def test_a_reporter_gets_no_preview_link(client):
    reporter = signed_in(client, "rima", "Reporters")
    own = ArticleFactory(draft=True, created_by=reporter)

    assert not soup_of(client.get(change_url(own))).select_one("input#preview-url")


def test_an_arabic_draft_previews_in_the_arabic_edition(client):
    draft = ArticleFactory(draft=True, language="ar", title="مسودة")
    url = preview_url(draft)

    assert url.startswith("/ar/preview/")
    assert client.get(url).status_code == 200
