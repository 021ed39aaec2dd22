"""The law the desk's rules rest on, linked by identity (work URI + eId) into the legal database.

Kazakhstan's Law "On personal data and their protection" (21 May 2013 No. 94-V): consent and its form
(art. 7, 8), withdrawal (art. 8), processing without consent (art. 9: the basis of the urgent override),
cross-border transfer (art. 16). The pages link these as ``/akn/…/~eId``; when the law is not imported yet
the link still names the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from kenes.lex.akn.uri import provision_uri

PERSONAL_DATA_LAW = "/akn/kz/act/law/2013-05-21/94-v"


@dataclass(frozen=True)
class Basis:
    eid: str
    label: object  # lazy translation

    @property
    def uri(self) -> str:
        return provision_uri(PERSONAL_DATA_LAW, self.eid)


CONSENT = Basis("art_8", _("Consent and its withdrawal: Law of the RK on personal data, art. 8"))
CONDITIONS = Basis(
    "art_7", _("Conditions of collecting personal data: Law of the RK on personal data, art. 7")
)
WITHOUT_CONSENT = Basis(
    "art_9", _("Processing without consent (urgent override): Law of the RK on personal data, art. 9")
)
CROSS_BORDER = Basis("art_16", _("Cross-border transfer: Law of the RK on personal data, art. 16"))
