"""Clearnet pages offer the onion address of the page being read; the onion host's
own pages do not."""

import pytest

from tests.factories import ArticleFactory, SectionFactory
from tests.mirrors.hosts import MAIN, MIRROR, ONION

pytestmark = pytest.mark.django_db


def test_a_clearnet_page_carries_its_onion_address_with_path_and_query(client):
    section = SectionFactory(slug="economy")
    ArticleFactory.create_batch(21, section=section)
    response = client.get("/en/sections/economy/?page=2", HTTP_HOST=MAIN)
    assert response.status_code == 200
    assert response["Onion-Location"] == f"http://{ONION}/en/sections/economy/?page=2"


def test_an_article_page_carries_its_own_onion_address(client):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url(), HTTP_HOST=MAIN)
    assert response["Onion-Location"] == f"http://{ONION}{article.get_absolute_url()}"


@pytest.mark.parametrize("path", ["/ar/", "/ar/reach-us/", "/en/tips/", "/en/nowhere/"])
def test_every_html_answer_on_the_main_domain_and_mirrors_carries_it(client, path):
    for host in (MAIN, MIRROR):
        response = client.get(path, HTTP_HOST=host)
        assert response["Content-Type"].startswith("text/html")
        assert response["Onion-Location"] == f"http://{ONION}{path}"


def test_the_cached_copy_carries_it_too(client):
    client.get("/en/", HTTP_HOST=MAIN)
    again = client.get("/en/", HTTP_HOST=MAIN)
    assert again["Onion-Location"] == f"http://{ONION}/en/"


@pytest.mark.parametrize("path", ["/en/", "/ar/reach-us/", "/en/tips/"])
def test_no_onion_location_on_the_onion_host(client, path):
    response = client.get(path, HTTP_HOST=ONION)
    assert response.status_code == 200
    assert "Onion-Location" not in response


def test_not_on_what_is_not_html(client):
    response = client.get("/.well-known/mirrors.json", HTTP_HOST=MAIN)
    assert "Onion-Location" not in response
    assert "Onion-Location" not in client.get("/en/reach-us.txt", HTTP_HOST=MAIN)


def test_none_without_an_onion_address(client, settings):
    settings.ONION_HOST = ""
    assert "Onion-Location" not in client.get("/en/", HTTP_HOST=MAIN)
