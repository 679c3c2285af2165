"""The captcha can be heard: Debian's flite speaks the code (installed for the suite
by scripts/ensure-system-packages)."""

import shutil

import pytest
from django.conf import settings

from tests.comments.helpers import soup_of
from tests.factories import ArticleFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("flite") is None, reason="flite is not installed on this machine"
    ),
]


def test_the_form_offers_the_code_as_speech(client):
    assert settings.CAPTCHA_FLITE_PATH
    page = soup_of(client.get(ArticleFactory().get_absolute_url()))
    challenge = client.get(
        page.select_one("form[data-challenge-url]")["data-challenge-url"]
    )
    link = soup_of(challenge).select_one("a[data-captcha-audio]")
    assert link is not None
    assert link.get_text(strip=True) == "Listen to the code"

    response = client.get(link["href"])

    assert response.status_code == 200
    assert response["Content-Type"] == "audio/wav"
    audio = b"".join(response.streaming_content)
    assert audio[:4] == b"RIFF" and audio[8:12] == b"WAVE"
    assert len(audio) > 10_000
