"""The site's own error pages: a 404 in the site's chrome, a 500 that needs nothing."""

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory
from django.urls import reverse

from articles import views as article_views
from newsportal import views
from tests.articles.pages import assert_site_not_found_page, soup_of, text_of
from tests.factories import ArticleFactory, set_site_settings

pytestmark = pytest.mark.django_db

SERVER_ERROR_TEXT = "Something went wrong on our side"


def refuse_queries(execute, sql, params, many, context):
    raise OperationalError("the database is down")


def test_unknown_address_gets_the_site_not_found_page(client):
    set_site_settings(name="The Valley Courier")
    ArticleFactory(title="Still in the ticker")

    response = client.get("/no/such/page/")

    assert_site_not_found_page(response)
    page = soup_of(response)
    assert text_of(page.title) == "Page not found · The Valley Courier"
    assert "Still in the ticker" in text_of(page.select_one(".ticker"))
    assert page.find("a", href=reverse("articles:home")) is not None


def test_server_error_page_is_rendered_without_touching_the_database(
    django_assert_num_queries,
):
    request = RequestFactory().get("/")

    with django_assert_num_queries(0):
        response = views.server_error(request)

    assert response.status_code == 500
    assert SERVER_ERROR_TEXT in response.content.decode()


def test_server_error_page_renders_while_the_database_is_down():
    with connection.execute_wrapper(refuse_queries):
        response = views.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    page = soup_of(response)
    assert text_of(page.find("h1")) == SERVER_ERROR_TEXT
    assert page.html["lang"] == "en"


def test_a_crashing_page_is_answered_by_the_500_page(
    client, monkeypatch, django_assert_num_queries
):
    def crash(*args, **kwargs):
        raise RuntimeError("the front page broke")

    monkeypatch.setattr(article_views, "render", crash)
    client.raise_request_exception = False

    with django_assert_num_queries(0):
        response = client.get(reverse("articles:home"))

    assert response.status_code == 500
    assert SERVER_ERROR_TEXT in response.content.decode()
