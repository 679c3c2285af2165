from django.urls import path, register_converter

from articles import views
from articles.converters import UnicodeSlugConverter

register_converter(UnicodeSlugConverter, "uslug")

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/<uslug:slug>/", views.article_detail, name="detail"),
    path("articles/<int:pk>/", views.article_by_number, name="by_number"),
    path("sections/<uslug:slug>/", views.section_detail, name="section"),
    path("keywords/<uslug:slug>/", views.keyword_detail, name="keyword"),
    path("corrections/", views.corrections, name="corrections"),
    path("preview/<str:token>/", views.article_preview, name="preview"),
]
