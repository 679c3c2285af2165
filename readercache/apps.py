from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReaderCacheConfig(AppConfig):
    name = "readercache"
    verbose_name = _("Reader cache")

    def ready(self):
        from readercache import versions

        versions.check_deployment()
