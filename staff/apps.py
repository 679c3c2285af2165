from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Staff and audit trail")

    def ready(self):
        from staff import receivers  # noqa: F401


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on the site that asks for the second factor."""

    default = False
    default_site = "staff.admin_site.NewsroomAdminSite"
