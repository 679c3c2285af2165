from django.urls import path

from lite import views

app_name = "lite"

# Short addresses on purpose: an Arabic slug costs six bytes a letter once
# percent-encoded, and the front page has a byte budget.
urlpatterns = [
    path("lite/", views.front, name="front"),
    path("lite/<int:pk>/", views.article, name="article"),
]
