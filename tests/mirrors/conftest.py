import pytest

from tests.mirrors.hosts import MAIN, MIRROR, ONION


@pytest.fixture(autouse=True)
def _site_names(settings):
    """The main domain, an onion address and a mirror, as the environment would
    set them (newsportal/settings.py adds the onion and mirror hosts to
    ALLOWED_HOSTS the same way)."""
    settings.SITE_URL = f"https://{MAIN}"
    settings.ONION_HOST = ONION
    settings.MIRROR_HOSTS = [MIRROR]
    settings.ALLOWED_HOSTS = ["testserver", MAIN, ONION, MIRROR]
