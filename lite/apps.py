from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiteConfig(AppConfig):
    # Lite pages show articles and comment counts, which their own apps declare to
    # the reader cache (articles, comments, people): nothing of its own to watch.
    name = "lite"
    verbose_name = _("Lite edition")
