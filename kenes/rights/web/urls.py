from django.urls import path

from . import views

app_name = "rights"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:rule>/", views.check, name="check"),
]
