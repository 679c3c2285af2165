"""The article page: who may see it, and its one canonical address."""

from urllib.parse import quote, unquote

import pytest

from tests.articles.pages import assert_site_not_found_page, soup_of, text_of
from tests.factories import ArticleFactory, make_staff_user

pytestmark = pytest.mark.django_db

DRAFT_NOTE = "Draft: readers cannot see this article."
SCHEDULED_NOTE = "Scheduled: readers cannot see this article until its publication"


def test_published_article_page_shows_the_article(client):
    article = ArticleFactory(title="Bakeries reopen in the old city")

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    page = soup_of(response)
    assert text_of(page.find("h1")) == "Bakeries reopen in the old city"
    assert article.lead in text_of(page.select_one(".article-lead"))
    # Readers see no staff note.
    assert page.select_one(".staff-note") is None


def test_wrong_slug_redirects_permanently_to_the_canonical_address(client):
    article = ArticleFactory(title="Water returns to the eastern districts")
    wrong = article.get_absolute_url().replace(article.slug, "an-old-headline")

    response = client.get(wrong)

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_unknown_article_is_not_found_with_the_site_page(client):
    article = ArticleFactory()
    missing = article.get_absolute_url().replace(f"/{article.pk}/", "/987654/")

    assert_site_not_found_page(client.get(missing))


@pytest.mark.parametrize("pk", ["0", "9223372036854775808", "9" * 40])
def test_out_of_range_article_id_is_not_found_rather_than_an_error(client, pk):
    article = ArticleFactory()
    address = article.get_absolute_url().replace(f"/{article.pk}/", f"/{pk}/")

    assert_site_not_found_page(client.get(address))


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_hidden_article_is_not_found_for_readers(client, trait):
    article = ArticleFactory(**{trait: True})

    assert_site_not_found_page(client.get(article.get_absolute_url()))


def test_hidden_article_with_wrong_slug_does_not_reveal_its_address(client):
    article = ArticleFactory(draft=True)
    wrong = article.get_absolute_url().replace(article.slug, "guess")

    assert_site_not_found_page(client.get(wrong))


def test_editor_previews_a_draft_with_the_draft_note(client):
    article = ArticleFactory(draft=True, title="Draft about the wheat harvest")
    client.force_login(make_staff_user("editor", "Editors"))

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    page = soup_of(response)
    assert text_of(page.find("h1")) == "Draft about the wheat harvest"
    assert text_of(page.select_one(".staff-note")) == DRAFT_NOTE


def test_editor_previews_a_scheduled_article_with_the_scheduled_note(client):
    article = ArticleFactory(scheduled=True)
    client.force_login(make_staff_user("editor", "Editors"))

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert text_of(soup_of(response).select_one(".staff-note")).startswith(
        SCHEDULED_NOTE
    )


def test_superuser_previews_a_draft(admin_client):
    article = ArticleFactory(draft=True)

    response = admin_client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert DRAFT_NOTE in text_of(soup_of(response).select_one(".staff-note"))


def test_moderator_without_change_permission_cannot_preview_a_draft(client):
    article = ArticleFactory(draft=True)
    client.force_login(make_staff_user("moderator", "Moderators"))

    assert_site_not_found_page(client.get(article.get_absolute_url()))


def test_arabic_article_slug_resolves_raw_and_percent_encoded(client):
    article = ArticleFactory(title="عودة المياه إلى حمص")
    encoded = article.get_absolute_url()
    raw = unquote(encoded)

    assert article.slug in raw
    assert quote(article.slug) in encoded
    assert client.get(raw).status_code == 200
    assert client.get(encoded).status_code == 200
