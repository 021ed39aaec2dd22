"""Cutting a long act into pages a cheap phone can open: a chapter per page, never megabytes.

Why pages and not one document: the Labour Code is 221 articles and some 800 KB of text; on slow, metered
mobile data a reader wants the table of contents and the chapter they asked for, then the next chapter as
they scroll. A page is a run of provisions in document order (``order`` from ``start`` to ``end``): it
starts at each chapter (or part, section, annex, preamble) that follows some text, and a chapter longer
than the budget is cut between articles. An article is never cut, so its anchor is always on one page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models.functions import Length

from kenes.lex.models import Expression

#: Kinds that open a new page when some text is already on the current one.
CONTAINERS = frozenset({"preamble", "part", "section", "chapter", "annex"})
#: Kinds listed in the table of contents.
TOC_KINDS = CONTAINERS | {"article"}

#: Characters of law text per page (Cyrillic is two bytes in UTF-8: ~50 KB of HTML, ~10 KB gzipped);
#: settings.KENES_READER_PAGE_CHARS overrides it.
PAGE_CHARS = 24_000
#: Articles per page at most, whatever their length.
PAGE_ARTICLES = 30


@dataclass(frozen=True)
class Row:
    """What paging and the table of contents need of a provision: no text, so the whole act is cheap."""

    order: int
    depth: int
    kind: str
    eid: str
    num: str
    heading: str
    size: int


@dataclass
class Page:
    number: int  # 1-based
    start: int  # first provision order on the page
    end: int  # first order after the page (exclusive); -1 for "to the end"
    eids: list[str] = field(default_factory=list)  # TOC entries (containers and articles) on the page

    def holds(self, order: int) -> bool:
        return order >= self.start and (self.end == -1 or order < self.end)


@dataclass
class Layout:
    rows: list[Row]
    pages: list[Page]
    page_of: dict[str, int]  # eId (every provision) -> page number

    @property
    def toc(self) -> list[Row]:
        return [r for r in self.rows if r.kind in TOC_KINDS]


def outline(expression: Expression) -> list[Row]:
    """Every provision of the expression without its text, in document order (one query)."""
    qs = (
        expression.provisions.order_by("order")
        .annotate(size=Length("text") + Length("wrap_up") + Length("heading"))
        .values_list("order", "depth", "kind", "eid", "num", "heading", "size")
    )
    return [Row(*values) for values in qs]


def paginate(rows: list[Row], page_chars: int = PAGE_CHARS, page_articles: int = PAGE_ARTICLES) -> list[Page]:
    """Pages over ``rows`` (see the module docstring for where they break)."""
    article_size: dict[int, int] = {}
    open_article: Row | None = None
    for r in rows:
        if open_article is not None and r.depth <= open_article.depth:
            open_article = None
        if r.kind == "article":
            open_article = r
            article_size[r.order] = 0
        if open_article is not None:
            article_size[open_article.order] += r.size

    pages: list[Page] = []
    page: Page | None = None
    size = articles = 0
    has_text = False
    for r in rows:
        if r.kind in CONTAINERS:
            new = page is None or has_text
        elif r.kind == "article":
            fits = size + article_size[r.order] <= page_chars and articles < page_articles
            new = page is None or (articles > 0 and not fits)
        else:
            new = page is None
        if new:
            if page is not None:
                page.end = r.order
            page = Page(number=len(pages) + 1, start=r.order, end=-1)
            pages.append(page)
            size = articles = 0
            has_text = False
        assert page is not None
        size += r.size
        if r.kind == "article":
            articles += 1
            has_text = True
        elif r.kind not in CONTAINERS:
            has_text = has_text or r.size > 0
        if r.kind in TOC_KINDS:
            page.eids.append(r.eid)
    return pages


def layout(expression: Expression) -> Layout:
    """The expression's pages, cached by its content hash (an import of new text gets new pages)."""
    budget = getattr(settings, "KENES_READER_PAGE_CHARS", PAGE_CHARS)
    key = f"portal:layout:{expression.pk}:{expression.content_hash}:{budget}"
    found = cache.get(key)
    if found is not None:
        return found
    rows = outline(expression)
    pages = paginate(rows, page_chars=budget)
    page_of: dict[str, int] = {}
    i = 0
    for r in rows:
        while i + 1 < len(pages) and r.order >= pages[i + 1].start:
            i += 1
        page_of[r.eid] = pages[i].number
    result = Layout(rows=rows, pages=pages, page_of=page_of)
    cache.set(key, result, 3600)
    return result
