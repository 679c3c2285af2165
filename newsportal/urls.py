from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from newsportal import views

admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom admin")
admin.site.index_title = _("Editors and moderators")

# Every public route stays in this one list so that the editions issue can wrap it
# in i18n_patterns without touching the apps.
public_patterns = [
    path("", include("articles.urls")),
    path("", include("comments.urls")),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("captcha/", include("captcha.urls")),
    path("health/", views.health, name="health"),
    *public_patterns,
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "newsportal.views.page_not_found"
handler500 = "newsportal.views.server_error"
