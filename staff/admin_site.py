"""The admin site: no admin page opens on a password alone.

Signing in happens at allauth's pages (``/staff/login/``): password, then the second
factor. Here the admin lets in only a staff session that has passed that factor; a
staff member who has none is sent to set one up first.
"""

from urllib.parse import quote

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from staff.factors import factor_passed, has_factor


class NewsroomAdminSite(admin.AdminSite):
    site_header = _("Newsroom")
    site_title = _("Newsroom admin")
    index_title = _("Editors and moderators")

    def has_permission(self, request):
        # A factor removed in this session shuts the admin until a new one is set up.
        return (
            super().has_permission(request)
            and factor_passed(request)
            and has_factor(request.user)
        )

    def login(self, request, extra_context=None):
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}
        ):
            next_url = resolve_url("admin:index")
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff:
            if not has_factor(user):
                return redirect_with_next("mfa_activate_totp", next_url)
            if factor_passed(request):
                return redirect(next_url)
        return redirect_with_next("account_login", next_url)


def redirect_with_next(view_name: str, next_url: str):
    response = redirect(view_name)
    response["Location"] += "?" + REDIRECT_FIELD_NAME + "=" + quote(next_url, safe="/")
    return response
