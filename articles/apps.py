from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        import readercache
        from articles import selectors, signals  # noqa: F401  (keyword listing)
        from articles.models import Article, Correction, Keyword, Section, SiteSettings

        # All of these show on readers' pages: any change of them refreshes readers.
        readercache.watch(Article, Correction, Keyword, Section, SiteSettings)
        # Scheduled articles go live by time alone: nothing cached outlives that.
        readercache.expire_at(selectors.next_scheduled_publication)
