"""Django app config, so the rights pages find their templates, static files and translations.

Importing :mod:`kenes.rights` itself never loads Django; only this module and :mod:`kenes.rights.web` do.
"""

from django.utils.translation import gettext_lazy as _

from kenes.site import nav


class RightsConfig(nav.NavApp):
    name = "kenes.rights"
    label = "rights"
    verbose_name = _("Rights checks")
    nav_entries = (nav.NavEntry("rights:index", _("Know your rights"), order=30),)

    def connect(self) -> None:
        # search names checks by their words; what each covers is ours to say (search, our sibling in the
        # layers, never imports us: check_scope is its seam)
        from kenes.rights import coverage
        from kenes.rights.web.links import basis_links
        from kenes.search import check_scope

        check_scope.register(check_scope.CheckScope(coverage.answers_in, coverage.link, basis_links))
