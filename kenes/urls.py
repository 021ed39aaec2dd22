from django.contrib import admin
from django.urls import include, path

from .api import api

urlpatterns = [
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("kenes.accounts.urls")),
    path("rights/", include("kenes.rights.web.urls")),
    path("", include("kenes.desk.urls")),  # /desk/… and /help/ (by dotted path: nothing imports the desk)
    path("observatory/", include("kenes.observatory.urls")),
    path("", include("kenes.portal.urls")),
]
