from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    name = "syndication"
    verbose_name = _("Feeds, sitemaps and structured data")
    # Nothing to watch: what feeds, sitemaps and page metadata show (articles,
    # sections, keywords, people, the masthead) is watched by the apps that own it.
