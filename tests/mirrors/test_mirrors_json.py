"""/.well-known/mirrors.json: the onion address, the published mirrors and each
edition's reach and tips pages, in a stable format (version 1, see the README)."""

import json

import pytest

from mirrors.models import Mirror
from tests.mirrors.hosts import MAIN, MIRROR, ONION

pytestmark = pytest.mark.django_db


def document(client, host=MAIN):
    response = client.get("/.well-known/mirrors.json", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response, json.loads(response.content)


def test_the_document_lists_the_onion_address_and_the_mirrors(client):
    Mirror.objects.create(
        url="https://copy.example.com/", note="Hourly", note_ar="كل ساعة"
    )
    Mirror.objects.create(url="https://secret.example.com/", is_listed=False)
    _response, data = document(client)
    assert data == {
        "version": 1,
        "onion": f"http://{ONION}/",
        "mirrors": [
            {
                "url": "https://copy.example.com/",
                "note": {"en": "Hourly", "ar": "كل ساعة"},
            },
            {"url": f"https://{MIRROR}/", "note": {"en": "", "ar": ""}},
        ],
        "editions": {
            "en": {
                "reach": f"http://{MAIN}/en/reach-us/",
                "tips": f"http://{MAIN}/en/tips/",
            },
            "ar": {
                "reach": f"http://{MAIN}/ar/reach-us/",
                "tips": f"http://{MAIN}/ar/tips/",
            },
        },
    }


def test_on_the_onion_host_the_pages_are_the_onions(client):
    _response, data = document(client, ONION)
    assert data["editions"]["ar"]["reach"] == f"http://{ONION}/ar/reach-us/"
    assert MAIN not in json.dumps(data)


def test_without_an_onion_address_it_says_null(client, settings):
    settings.ONION_HOST = ""
    settings.MIRROR_HOSTS = []
    _response, data = document(client)
    assert data["onion"] is None
    assert data["mirrors"] == []


def test_tools_elsewhere_may_read_it_and_caches_may_keep_it_briefly(client):
    response, _data = document(client)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"
    assert not response.cookies
