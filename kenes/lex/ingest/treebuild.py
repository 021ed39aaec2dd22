"""Stage 5 — nest the classified blocks into a :class:`~kenes.lex.tree.Document`.

Reads: items from :mod:`.headings`. Writes: a Document without eIds (the last stage assigns them).

Containers nest by rank (see :mod:`.locales.base`): a heading closes every open container of equal or higher
rank. Inside a provision, numbered blocks nest by level: a paragraph ("1."), its points ("1)", "(a)"),
their subpoints ("а)", "(i)"). Unnumbered text goes where a reader would put it:

* before any numbered block of the provision: the provision's own text;
* after a numbered paragraph: more of that paragraph (a second sentence-paragraph of a пункт);
* after points: the closing words of their parent (``wrap_up``: "… влечет штраф"), except lowercase
  continuations of a point that ended with ":" (its own list of abzacs).

Before the first provision, text is the preamble (from where the locale says a preamble starts; earlier
lines — banners, the title — are the preface). A note attaches to the innermost open provision at article
level or above, or to the document when no provision has started. An unnumbered heading the source marked
("#### Definition") names the heading just before it when that has no name, else opens a group of articles.
"""

from __future__ import annotations

import re

from ..tree import Document, Node, Note
from .headings import Item
from .locales import Locale
from .locales.base import ARTICLE, GROUP

GROUP_KIND = "section"  # KINDS has no "subheading"/"hcontainer"; a named group of articles is a section
_SENTENCE_END = re.compile(r"[.;:!?…]\s*[»\"”)]?\s*$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


class TreeBuilder:
    """Feed items in order with :meth:`add`; :meth:`finish` returns the document."""

    def __init__(self, locale: Locale, title: str | None = None) -> None:
        self.locale = locale
        self.doc = Document(title=title or "", lang=locale.code)
        self.stack: list[tuple[int, Node]] = []  # open containers and the open article, outermost first
        self.in_annex = False
        self.body_kinds: set[str] = set()  # container kinds met outside annexes
        self.started = False  # a provision (heading or numbered block) has been seen
        self.preamble: Node | None = None
        self.preamble_begun = not locale.preamble_starts
        self.preface: list[str] = []
        self.front_headings: list[str] = []
        self.previous: Item | None = None
        self._reset_numbered()

    # --- numbered state ------------------------------------------------------------------------------

    def _reset_numbered(self) -> None:
        self.para: Node | None = None
        self.point: Node | None = None
        self.sub: Node | None = None
        self.list_parent: Node | None = None  # the node whose points are open
        self.list_open = False  # the open point ended with ":" and owns the lowercase abzacs that follow
        self.wrapping: Node | None = None  # text now goes to this node's wrap_up
        self.wrapped: list[str] = []  # … these texts so far, taken back if another point follows
        self.wrap_before = ""
        self.wrap_owner: Node | None = None  # the point they would belong to then

    @property
    def top(self) -> Node | None:
        return self.stack[-1][1] if self.stack else None

    def _article(self) -> Node | None:
        top = self.top
        return top if top is not None and top.kind == "article" else None

    # --- items ---------------------------------------------------------------------------------------

    def add(self, item: Item, following: Item | None) -> None:
        handler = getattr(self, f"_on_{item.role}")
        handler(item, following)
        self.previous = item

    def _on_heading(self, item: Item, following: Item | None) -> None:
        status = "repealed" if self.locale.is_repealed(item.heading) else ""
        self._open(Node(item.kind, num=item.num, heading=item.heading, status=status), item.rank)

    def _open(self, node: Node, rank: int) -> None:
        if node.kind == "annex":
            self.stack.clear()
            self.in_annex = True
        elif self.in_annex and node.kind != "article" and node.kind in self.body_kinds and rank < GROUP:
            self.stack.clear()  # "PART XII" after "SCHEDULE TO PART XI": the main text goes on
            self.in_annex = False
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()
        self._attach(node, self.top)
        self.stack.append((rank, node))
        if not self.in_annex and node.kind != "article":
            self.body_kinds.add(node.kind)
        self.started = True
        self._reset_numbered()

    def _attach(self, node: Node, parent: Node | None) -> None:
        (parent.children if parent is not None else self.doc.body).append(node)

    def _on_free(self, item: Item, following: Item | None) -> None:
        prev = self.previous
        if prev is not None and prev.role == "heading" and self.top is not None and not self.top.heading:
            self.top.heading = item.text  # "### Article 1" / "#### Definition"
            return
        if not self.started and (following is None or following.role != "heading"):
            self.front_headings.append(item.text)
            self.preface.append(item.text)
            return
        self._open(Node(GROUP_KIND, heading=item.text), GROUP)

    def _on_numbered(self, item: Item, following: Item | None) -> None:
        level = self._level(item)
        article = self._article()
        if level == "paragraph" and article is not None and self._lost_article_label(item, article):
            self._open(Node("article", num=item.num.rstrip(". "), heading=item.text), ARTICLE)
            return
        node = Node(
            "point" if level == "subpoint" and self.point is None else level, num=item.num, text=item.text
        )
        container = article or self.top
        if node.kind == "paragraph":
            self._attach(node, container)
            self._reset_numbered()
            self.para = node
        elif node.kind == "point":
            parent = self.para or container
            self._take_back_wrap_up(parent)
            self._attach(node, parent)
            self.point, self.sub, self.list_parent = node, None, parent
            self.list_open = item.text.endswith(":")
        else:
            assert self.point is not None
            self._take_back_wrap_up(self.list_parent)
            self._attach(node, self.point)
            self.sub = node
            self.list_open = item.text.endswith(":")
        self.wrapping = None
        self.wrapped = []
        self.started = True

    def _take_back_wrap_up(self, parent: Node | None) -> None:
        """Text between two points of one list was not the list's closing words but more of the point
        before it ("18) плательщик … ;" / "В качестве плательщика признаются …" / "19) …")."""
        if (
            self.wrapping is not None
            and self.wrapping is parent
            and self.wrapped
            and self.wrap_owner is not None
        ):
            parent.wrap_up = self.wrap_before
            _append(self.wrap_owner, "text", "\n".join(self.wrapped))

    def _on_text(self, item: Item, following: Item | None) -> None:
        text = item.text
        if not self.started:
            self._front_text(text)
            return
        current = self.sub or self.point
        if current is not None and self.wrapping is None:
            if self.list_open and text[:1].islower():
                _append(current, "text", text)
                return
            self.wrapping, self.wrap_owner, self.wrapped = self.list_parent, current, []
            self.wrap_before = self.wrapping.wrap_up if self.wrapping is not None else ""
        if self.wrapping is not None:
            _append(self.wrapping, "wrap_up", text)
            self.wrapped.append(text)
            return
        if self.para is not None:
            _append(self.para, "text", text)
            return
        node = self.top or (self.doc.body[-1] if self.doc.body else None)
        if node is None:
            self._front_text(text)
        else:
            _append(node, "wrap_up" if node.children else "text", text)

    def _front_text(self, text: str) -> None:
        if not self.preamble_begun:
            for pattern in self.locale.preamble_starts:
                m = pattern.search(text)
                if m:
                    before = text[: m.start()].strip(" *_")
                    if before and not any(p.match(before) for p in self.locale.drop_lines):
                        self.preface.append(before)
                    text = text[m.start() :]
                    self.preamble_begun = True
                    break
            else:
                self.preface.append(text)
                return
        if self.preamble is None:
            self.preamble = Node("preamble")
            self.doc.body.insert(0, self.preamble)
        _append(self.preamble, "text", text)

    def _on_note(self, item: Item, following: Item | None) -> None:
        target = self.top if self.started else None
        (target.notes if target is not None else self.doc.notes).append(Note(item.text, kind=item.note_kind))

    def _on_signature(self, item: Item, following: Item | None) -> None:
        notes = self.doc.notes
        if notes and notes[-1].kind == "signature":
            notes[-1].text += "\n" + item.text
        else:
            notes.append(Note(item.text, kind="signature"))

    # --- numbering -----------------------------------------------------------------------------------

    def _level(self, item: Item) -> str:
        """Which level a numbered block is; "(i)" after "(h)" is a point, under "(a)" a subpoint."""
        if len(item.levels) == 1:
            return item.levels[0][0]
        current = {"paragraph": self.para, "point": self.point, "subpoint": self.sub}
        for level, style in item.levels:
            node = current[level]
            if node is not None and _is_next(node.num, item.num, style):
                return level
        for level, style in item.levels:
            if level == "subpoint" and self.point is not None and _value(item.num, style) == 1:
                return level
        return item.levels[0][0]

    def _lost_article_label(self, item: Item, article: Node) -> bool:
        """ "173. Незаконное вмешательство …" between articles 172 and 174: the portal dropped "Статья".

        A paragraph numbered as the next article, out of sequence with the paragraphs before it, whose text
        is a title (short, no final punctuation), is that article's heading.
        """
        number = item.num.rstrip(". ")
        if not (number.isdigit() and article.num.split("-")[0].isdigit()):
            return False
        if int(number) != int(article.num.split("-")[0]) + 1:
            return False
        if self.para is not None and _is_next(self.para.num, item.num, "arabic"):
            return False
        text = item.text
        return bool(text) and len(text) < 200 and text[0].isupper() and not _SENTENCE_END.search(text)

    def finish(self) -> Document:
        if self.preface:
            self.doc.preface = "\n".join(self.preface)
        if not self.doc.title:
            self.doc.title = self._title()
        return self.doc

    def _title(self) -> str:
        """The short title the text gives itself ("may be cited as …"), else its first marked heading."""
        front = "\n".join([*self.preface, self.preamble.text if self.preamble else ""])
        for pattern in self.locale.title_patterns:
            m = pattern.search(front)
            if m:
                return m.group("title").strip()
        named = [h for h in self.front_headings if h.upper() != h]
        return (named or self.front_headings or [""])[0]


def build_tree(items: list[Item], locale: Locale, title: str | None = None) -> Document:
    """Nest ``items`` into a document (see the module docstring)."""
    builder = TreeBuilder(locale, title)
    for i, item in enumerate(items):
        builder.add(item, items[i + 1] if i + 1 < len(items) else None)
    return builder.finish()


def _append(node: Node, attr: str, text: str) -> None:
    current = getattr(node, attr)
    setattr(node, attr, f"{current}\n{text}" if current else text)


def _core(token: str) -> str:
    return token.strip().strip("().").lower()


def _value(token: str, style: str) -> int:
    """1 for "1." / "(a)" / "(i)"; 0 when the token is not of that style."""
    core = _core(token)
    if style == "arabic":
        head = core.split("-")[0]
        return int(head) if head.isdigit() else 0
    if style == "letter":
        return ord(core) - ord("a") + 1 if len(core) == 1 and core.isalpha() else 0
    if style == "roman" and core and all(ch in _ROMAN_VALUES for ch in core):
        total = 0
        for ch, nxt in zip(core, core[1:] + " ", strict=True):
            value = _ROMAN_VALUES[ch]
            total += -value if nxt in _ROMAN_VALUES and _ROMAN_VALUES[nxt] > value else value
        return total
    return 0


def _is_next(previous: str, token: str, style: str) -> bool:
    """Whether ``token`` continues a list whose last item was ``previous`` ("18)" -> "18-1)" or "19)")."""
    if style == "arabic" and "-" in _core(token):
        return _value(token, style) == _value(previous, style)
    before, now = _value(previous, style), _value(token, style)
    return before > 0 and now == before + 1
