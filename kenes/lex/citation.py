"""What a citation names: one type for a phrase found in law text and for a citation typed as a query.

"пунктом 2 статьи 31 настоящего Кодекса" in a code and "п. 2 ст. 31 ТК" in the search box name the same
thing: a work (this one, or one named by a hint) and a path of article, paragraph and point. Both become a
:class:`Citation`, and both are turned into eIds by the same :meth:`Citation.eid_candidates`, so a query
finds exactly the provision the linker would have linked.

The work is a *hint*, resolved later against the database: ``None`` for the act the text stands in, an
``ilo:c097``-style id for an ILO instrument cited by number, otherwise the name as written ("ТК РК").
"""

from __future__ import annotations

from dataclasses import dataclass

from . import eid as eids

__all__ = ["Citation"]

#: What ``anchor`` says about where the numbers belong (see :attr:`Citation.relative`).
ANCHORS = ("implicit", "named", "article", "paragraph", "annex")


@dataclass(frozen=True)
class Citation:
    """One provision (or a whole work) that a phrase or a query points at.

    ``start``/``end``/``text`` say where the phrase stands when it was read from a text (all citations read
    from one phrase share them); a citation typed as a query has none (0, 0, ""). ``work_uri`` and
    ``jurisdiction`` are set when they are known without the database (a query's alias list, "РК").
    """

    start: int = 0
    end: int = 0
    text: str = ""
    work: str | None = None  # None: this act; else a hint ("ТК РК", "ilo:c097", a title as written)
    article: str | None = None
    paragraph: str | None = None
    point: str | None = None
    annex: str | None = None  # "II" for "Article 3 of Annex II"
    part: str | None = None  # "II" for "Part II of this Convention"
    anchor: str = "implicit"  # named | implicit | article | paragraph | annex (see eid_candidates)
    work_uri: str | None = None
    jurisdiction: str | None = None

    @property
    def relative(self) -> bool:
        """True when the target depends on the provision the text stands in ("настоящей статьи")."""
        return self.anchor in ("article", "paragraph", "annex")

    @property
    def ilo_number(self) -> str | None:
        """``c097`` when the work is an ILO instrument cited by number, else None."""
        if self.work and self.work.lower().startswith("ilo:"):
            return self.work.split(":", 1)[1].lower()
        return None

    def eid_candidates(self, context: str | None = None) -> list[str]:
        """eIds to try in the cited work, most specific first.

        Several forms because structure parsers differ: "подпункт 1) статьи 49" is ``art_49__point_1``
        where the points hang from the article and ``art_49__para_1__point_1`` where an unnumbered
        paragraph holds them; the article itself is the last resort. ``context`` is the eId of the
        provision the citation stands in: it is needed for relative citations (otherwise they give no
        candidates) and, inside an annex, makes an implicit "Article 2" try that annex first.

        >>> Citation(article="49", paragraph="2", point="1").eid_candidates()
        ['art_49__para_2__point_1', 'art_49__para_2', 'art_49']
        >>> Citation(paragraph="2", anchor="article").eid_candidates("art_7__para_1")
        ['art_7__para_2', 'art_7']
        >>> Citation(article="288(1)").eid_candidates()
        ['art_288-1']
        """
        if self.relative:
            base = eids.context_base(context, self.anchor)
            if base is None:
                return []
            if self.anchor == "annex":
                if not self.article:
                    return [base]
                article = eids.join(base, eids.step("article", self.article))
                return _descend(article, self.paragraph, self.point)
            if self.anchor == "paragraph":
                return [eids.join(base, eids.step("point", self.point)), base] if self.point else [base]
            return _descend(base, self.paragraph, self.point)
        tops: list[str] = []
        if self.article:
            art = eids.step("article", self.article)
            if self.annex:
                tops.append(eids.join(eids.step("annex", self.annex), art))
            else:
                home = eids.context_base(context, "annex") if self.anchor == "implicit" else None
                if home:
                    tops.append(eids.join(home, art))
                tops.append(art)
        elif self.annex:
            tops.append(eids.step("annex", self.annex))
        elif self.part:
            tops.append(eids.step("part", self.part))
        elif self.paragraph or self.point:  # a decree's "пункт 3 настоящего Указа": paragraphs at the top
            return _descend("", self.paragraph, self.point)
        out: list[str] = []
        for top in tops:
            out += [e for e in _descend(top, self.paragraph, self.point) if e not in out]
        return out


def _descend(base: str, paragraph: str | None, point: str | None) -> list[str]:
    para = eids.step("paragraph", paragraph) if paragraph else ""
    pt = eids.step("point", point) if point else ""
    if para and pt:
        out = [eids.join(base, para, pt), eids.join(base, para)]
    elif para:
        out = [eids.join(base, para)]
    elif pt:
        out = [eids.join(base, pt), eids.join(base, eids.step("paragraph", "1"), pt)]
    else:
        out = []
    return out + ([base] if base else [])
