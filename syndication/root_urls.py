"""What crawlers ask for at the site's root: the sitemap index and robots.txt."""

from django.urls import path

from syndication import views

app_name = "crawlers"

urlpatterns = [
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("robots.txt", views.robots_txt, name="robots"),
]
