from django.urls import path

from .views import competitions, statistics, topics

app_name = "observatory"

urlpatterns = [
    path("", statistics.landing, name="landing"),
    path("statistics/", statistics.indicators, name="indicators"),
    path("statistics/<slug:code>/", statistics.indicator, name="indicator"),
    path("countries/<str:code>/", statistics.country, name="country"),
    path("minimum-wage/", topics.minimum_wage_page, name="minimum-wage"),
    path("minimum-wage/<str:code>/", topics.minimum_wage_country, name="minimum-wage-country"),
    path("disputes/", topics.disputes_page, name="disputes"),
    path("ratifications/", topics.ratifications_page, name="ratifications"),
    path("ratifications/<str:code>/gaps/", topics.gaps_page, name="gaps"),
    path("desk/", topics.desk_page, name="desk"),
    path("competitions/", competitions.winners, name="winners"),
    path("competitions/<int:pk>/results/", competitions.edition_results, name="results"),
    path("jury/", competitions.jury, name="jury"),
    path("jury/<int:pk>/", competitions.ballot, name="ballot"),
]
