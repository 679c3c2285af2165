from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # The index follows every save and delete of an article (derived data).
        from search import signals  # noqa: F401
