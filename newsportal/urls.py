from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from mirrors import views as mirrors_views
from newsportal import views

# Every public route lives under its edition's prefix (/en/, /ar/); the bare root
# sends a visitor to the edition their browser prefers (LocaleMiddleware).
public_patterns = [
    path("", include("articles.urls")),
    path("", include("comments.urls")),
    path("", include("people.urls")),
    path("", include("search.urls")),
    path("", include("lite.urls")),
    path("", include("mirrors.urls")),
    # Feeds and sitemaps of each edition.
    path("", include("syndication.urls")),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("staff/", include("staff.urls")),
    path("captcha/", include("captcha.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("health/", views.health, name="health"),
    path("health/live/", views.liveness, name="liveness"),
    # Where the site's mirrors and onion address are, for tools (mirrors/).
    path(".well-known/mirrors.json", mirrors_views.mirrors_json, name="mirrors_json"),
    # The sitemap index and robots.txt, at the root where crawlers ask for them.
    path("", include("syndication.root_urls")),
    *i18n_patterns(*public_patterns),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "newsportal.views.bad_request"
handler403 = "newsportal.views.permission_denied"
handler404 = "newsportal.views.page_not_found"
handler500 = "newsportal.views.server_error"
