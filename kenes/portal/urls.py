from django.urls import path, re_path

from . import editions, language_switch, reader, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("search", views.search, name="search"),
    path("search/language", language_switch.switch_and_search, name="search-language"),
    path("compare", views.compare, name="compare"),
    path("countries/", views.countries, name="countries"),
    path("countries/<str:code>", views.country, name="country"),
    path("conventions/<str:code>", views.convention, name="convention"),
    re_path(r"^akn/(?P<path>.+)$", reader.akn, name="akn"),
    path("editions/diff", editions.diff_page, name="editions-diff"),
    path("healthz", views.healthz, name="healthz"),
]
