import pytest
from django.conf import settings
from django.utils import translation

from tests.caches import empty_reader_caches
from tests.staff_login import SignedInClient


@pytest.fixture(scope="session")
def _reader_versions_file(tmp_path_factory):
    return tmp_path_factory.mktemp("readercache") / "versions.sqlite3"


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path, _reader_versions_file):
    # Hashed static names need `collectstatic`; tests use plain names instead, and
    # uploaded images go to a throwaway folder.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    # Readers' versions of this run alone: another run on the same checkout must not
    # retire what this one cached.
    settings.READER_CACHE_VERSIONS_FILE = _reader_versions_file
    # Requests write the readings counted (readership/) once an interval; a test
    # that counts a page's queries must not meet that batch by chance.
    settings.READERSHIP_FLUSH_SECONDS = 10**9
    # Password-check slots of this test alone (staff.password_checks).
    settings.STAFF_PASSWORD_CHECK_LOCK_DIR = tmp_path / "password-checks"


@pytest.fixture(autouse=True)
def _default_language():
    # Addresses built in a test (reverse, get_absolute_url) follow the active
    # language; a test that switched it must not send the next one to /ar/.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    empty_reader_caches()
    yield
    empty_reader_caches()


@pytest.fixture
def client():
    """Django's test client, whose ``force_login`` passes the second factor too
    (see tests.staff_login)."""
    return SignedInClient()


@pytest.fixture
def admin_client(admin_user):
    signed_in = SignedInClient()
    signed_in.force_login(admin_user)
    return signed_in
