from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MirrorsConfig(AppConfig):
    name = "mirrors"
    verbose_name = _("When the site is blocked")

    def ready(self):
        import readercache
        from mirrors.models import Mirror, ReachPage, TipsPage

        # The reach page shows the mirrors and its own text; the tips page its own.
        readercache.watch(Mirror, ReachPage, TipsPage)
