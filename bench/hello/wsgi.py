import os

from django.core.wsgi import get_wsgi_application

# Always these settings, whatever the environment names for the site.
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.hello.settings"
application = get_wsgi_application()
