from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")

    def ready(self):
        import readercache
        from people.models import Credit, Person

        # Names, bios and photos show on article and person pages.
        readercache.watch(Person, Credit)
