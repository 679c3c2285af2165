"""The app's error answers other than 404 and 500 are styled pages in the reader's
edition too: 400 (a foreign Host), 403 (also a failed CSRF check), and 503 when the
database does not answer, a passing state nginx shows as such (deploy/nginx.conf)."""

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from newsportal import views
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def refuse_queries(execute, sql, params, many, context):
    raise OperationalError("the database is down")


def page_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "The site is briefly unavailable"), ("ar", "الموقع غير متاح لفترة قصيرة")],
)
def test_a_database_that_does_not_answer_gives_the_styled_503(
    client, language, heading
):
    ArticleFactory()
    client.raise_request_exception = False
    with translation.override(language):
        home = reverse("articles:home")
    with connection.execute_wrapper(refuse_queries):
        response = client.get(home)

    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    page = page_of(response)
    assert page.html["lang"] == language
    assert page.find("h1").get_text(strip=True) == heading
    assert page.select_one(".error-code").get_text() == "503"


def test_other_crashes_stay_500(client, monkeypatch):
    from articles import views as article_views

    def crash(*args, **kwargs):
        raise RuntimeError("the front page broke")

    monkeypatch.setattr(article_views, "render", crash)
    client.raise_request_exception = False
    assert client.get(reverse("articles:home")).status_code == 500


def test_a_foreign_host_gets_the_styled_400_in_its_edition(client):
    response = client.get("/ar/", headers={"host": "evil.example"})

    assert response.status_code == 400
    page = page_of(response)
    assert page.html["dir"] == "rtl"
    assert page.find("h1").get_text(strip=True) == "لم نتمكّن من فهم هذا الطلب"


def test_a_staff_form_without_its_csrf_token_gets_the_styled_403():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/staff/login/", {"login": "lina", "password": "x"})

    assert response.status_code == 403
    page = page_of(response)
    assert page.find("h1").get_text(strip=True) == "This form has expired"
    assert page.find("link", rel="stylesheet") is not None


def test_permission_denied_is_styled():
    response = views.permission_denied(RequestFactory().get("/"), None)

    assert response.status_code == 403
    assert page_of(response).find("h1").get_text(strip=True) == (
        "You cannot open this page"
    )
