from django.urls import path

from mirrors import views

app_name = "mirrors"

urlpatterns = [
    path("reach-us/", views.reach, name="reach"),
    path("reach-us.txt", views.reach_text, name="reach_text"),
    path("tips/", views.tips, name="tips"),
]
