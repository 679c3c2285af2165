from django.urls import path

import articles.urls  # noqa: F401  (registers the "uslug" converter)
from people import views

app_name = "people"

urlpatterns = [
    path("people/<uslug:slug>/", views.person_detail, name="detail"),
]
