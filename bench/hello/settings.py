"""Settings of the bench's hello-world: nothing but what Django needs to answer."""

SECRET_KEY = "bench-hello-world-has-no-secrets"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.hello.urls"
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict = {}
USE_TZ = True
