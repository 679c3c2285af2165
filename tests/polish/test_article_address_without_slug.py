"""/en/articles/<id>/ without its slug leads to the article's full address (issue
13); what readers may not see stays a 404."""

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_an_address_without_the_slug_redirects_permanently(client):
    article = ArticleFactory(title="Pumps restart")
    response = client.get(f"/en/articles/{article.pk}/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_the_redirect_goes_to_the_article_s_own_edition(client):
    article = ArticleFactory(language="ar", title="عودة المضخات")
    response = client.get(f"/en/articles/{article.pk}/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    assert response["Location"].startswith("/ar/")


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_an_unpublished_article_is_not_found_by_number(client, trait):
    article = ArticleFactory(**{trait: True})
    assert client.get(f"/en/articles/{article.pk}/").status_code == 404


def test_an_unknown_number_is_not_found(client):
    assert client.get("/en/articles/999999/").status_code == 404
