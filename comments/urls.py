from django.urls import path

from comments import views

app_name = "comments"

urlpatterns = [
    path("comments/post/<int:article_pk>/", views.comment_submit, name="submit"),
    path(
        "comments/challenge/<int:article_pk>/",
        views.comment_challenge,
        name="challenge",
    ),
]
