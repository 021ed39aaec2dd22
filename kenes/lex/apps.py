from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kenes.site import nav


def _editor(request: HttpRequest) -> bool:
    from kenes.accounts.roles import is_editor

    return is_editor(getattr(request, "user", None))  # an error page may be drawn before login is known


class LexConfig(nav.NavApp):
    name = "kenes.lex"
    label = "lex"
    verbose_name = _("Legal database")
    # Editors edit the legal database in the admin; nobody else sees the entry.
    nav_entries = (nav.NavEntry("admin:index", _("Edit (admin)"), order=90, visible=_editor),)
