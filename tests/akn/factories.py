"""Documents and metadata for the AKN tests, built in code so each test shows the shape it relies on."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from kenes.lex.akn.meta import ExpressionMeta
from kenes.lex.tree import Document, Node, Note, assign_eids

LC = "/akn/kz/act/code/2015-11-23/414-v"


def meta(uri: str = f"{LC}/rus@2024-01-01", **fields: object) -> ExpressionMeta:
    fields.setdefault("title", "Трудовой кодекс Республики Казахстан")
    return ExpressionMeta.for_uri(uri, **fields)  # type: ignore[arg-type]


def full_meta() -> ExpressionMeta:
    """Every optional field set, so every metadata element is written and read back."""
    return meta(
        author="Парламент Республики Казахстан",
        source_name="ИЗПИ (adilet.zan.kz)",
        source_url="https://adilet.zan.kz/rus/docs/K1500000414",
        retrieved_on=dt.date(2025, 3, 1),
        content_hash="0" * 64,
        publication_name="Ведомости Парламента РК",
        publication_date=dt.date(2015, 12, 1),
        publication_number="22-V",
    )


def every_kind() -> Document:
    """A code with one of everything: preamble, part > section > chapter > article > paragraph > point >
    subpoint, intro and closing texts, a leaf with no text, notes, nested annexes."""
    doc = Document(
        title="Трудовой кодекс Республики Казахстан",
        lang="rus",
        preface="Настоящий Кодекс регулирует трудовые отношения.\nВторая строка преамбулы документа.",
        notes=[Note("Примечание ИЗПИ! Порядок введения в действие см. ст. 196.")],
        body=[
            Node("preamble", text="Текст преамбулы."),
            Node(
                "part",
                num="1",
                heading="ОБЩАЯ ЧАСТЬ",
                children=[
                    Node(
                        "section",
                        num="1",
                        heading="ОБЩИЕ ПОЛОЖЕНИЯ",
                        children=[
                            Node(
                                "chapter",
                                num="1",
                                heading="ОСНОВНЫЕ ПОЛОЖЕНИЯ",
                                children=[
                                    Node(
                                        "article",
                                        num="1.",
                                        heading="Основные понятия",
                                        text="В настоящем Кодексе используются следующие понятия:",
                                        wrap_up="Иные понятия используются в значениях законов.",
                                        notes=[
                                            Note("Сноска. Статья 1 с изменениями от 04.05.2020 № 321-VI.")
                                        ],
                                        children=[
                                            Node(
                                                "point",
                                                num="1)",
                                                text="работник – физическое лицо:",
                                                children=[
                                                    Node("subpoint", num="а)", text="в трудовых отношениях;")
                                                ],
                                            ),
                                            Node("point", num="2)", text="работодатель – лицо."),
                                        ],
                                    ),
                                    Node(
                                        "article",
                                        num="2",
                                        heading="",  # empty heading: no <heading> element
                                        children=[
                                            Node("paragraph", num="1.", text="Первый пункт."),
                                            Node("paragraph", num="2.", text=""),  # empty leaf
                                        ],
                                    ),
                                    Node("article", num="3", heading="Исключена", text="", wrap_up=""),
                                ],
                            )
                        ],
                    )
                ],
            ),
            Node(
                "annex",
                num="1",
                heading="Перечень тяжёлых работ",
                text="к Трудовому кодексу",
                children=[
                    Node("paragraph", num="1.", text="Подземные работы."),
                    Node("annex", num="1-1", heading="Форма", text="Заявление"),
                ],
            ),
            Node("annex", num="2", text=""),
        ],
    )
    assign_eids(doc)
    return doc


def collective_agreement() -> tuple[Document, ExpressionMeta]:
    doc = Document(
        title="Коллективный договор ТОО «Казахмыс» на 2024–2026 годы",
        lang="rus",
        body=[
            Node(
                "chapter",
                num="1",
                heading="Общие положения",
                children=[Node("paragraph", num="1.1.", text="Т")],
            )
        ],
    )
    assign_eids(doc)
    return doc, meta(
        "/akn/kz/doc/collective-agreement/kazakhmys/2024-01-15/12/rus@2024-01-15", title=doc.title
    )


# -- random trees for the property tests ----------------------------------------------------------------

#: Which kinds may hold which, as importers produce them; "annex" in a chapter or article and preambles
#: with parts exercise the <hcontainer> fallback. A point in a point is always a subpoint (AKN's rule).
CHILD_KINDS: dict[str, list[str]] = {
    "": ["part", "section", "chapter", "article", "annex"],
    "preamble": ["paragraph"],
    "part": ["section", "chapter", "article"],
    "section": ["chapter", "article"],
    "chapter": ["article", "annex"],
    "article": ["paragraph", "point", "annex"],
    "paragraph": ["point"],
    "point": ["subpoint"],
    "subpoint": ["subpoint"],
    "annex": ["article", "paragraph", "annex"],
}

#: Legal text as it comes: Cyrillic, Latin, markup characters, line breaks, tabs, CRs, no control bytes.
_chars = st.one_of(
    st.characters(exclude_categories=("Cs", "Cc", "Cn")),
    st.sampled_from("\n\t\r &<>\"'№–«»"),
)
texts = st.text(_chars, max_size=40)
nums = st.one_of(
    st.just(""), st.from_regex(r"[0-9]{1,3}(-[0-9])?[.)]?", fullmatch=True), st.sampled_from("аIVх")
)
notes = st.builds(Note, text=texts, kind=st.sampled_from(["editorial", "footnote"]))


@st.composite
def nodes(draw: st.DrawFn, kind: str, depth: int = 0) -> Node:
    node = Node(
        kind=kind,
        num=draw(nums),
        heading=draw(st.one_of(st.just(""), texts)),
        text=draw(texts),
        wrap_up=draw(st.one_of(st.just(""), texts)),
        notes=draw(st.lists(notes, max_size=2)),
    )
    if depth < 4:
        child_kinds = st.sampled_from(CHILD_KINDS[kind])
        node.children = draw(st.lists(child_kinds.flatmap(lambda k: nodes(k, depth + 1)), max_size=3))
    return node


@st.composite
def documents(draw: st.DrawFn, lang: str = "rus") -> Document:
    body = draw(st.lists(st.sampled_from(CHILD_KINDS[""]).flatmap(nodes), min_size=1, max_size=4))
    if draw(st.booleans()):
        plain = Node("preamble", text=draw(texts))
        body.insert(0, plain if draw(st.booleans()) else draw(nodes("preamble", 3)))
    doc = Document(
        title=draw(texts),
        lang=lang,
        preface=draw(texts),
        notes=draw(st.lists(notes, max_size=2)),
        body=body,
    )
    assign_eids(doc)
    return doc


optional_dates = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)))

publications = st.one_of(
    st.just({}),
    st.fixed_dictionaries(
        {"publication_name": texts.filter(bool), "publication_date": optional_dates.filter(bool)},
        optional={"publication_number": texts},
    ),
)

URIS = [
    f"{LC}/rus@2024-01-01",
    "/akn/aa-ilo/act/convention/1949-07-01/c097/eng@1952-01-22",
    "/akn/kz/doc/collective-agreement/kazakhmys/2024-01-15/12/kaz@2024-01-15",
    "/akn/aa-kz-ru/act/bilateral-agreement/2020-05-01/7/rus@2020-05-01",
]


@st.composite
def metas(draw: st.DrawFn) -> ExpressionMeta:
    return ExpressionMeta.for_uri(
        draw(st.sampled_from(URIS)),
        title=draw(texts),
        author=draw(texts),
        source_name=draw(texts),
        source_url=draw(texts),
        retrieved_on=draw(optional_dates),
        content_hash=draw(st.text("0123456789abcdef", max_size=64)),
        **draw(publications),
    )


@st.composite
def expressions(draw: st.DrawFn) -> tuple[Document, ExpressionMeta]:
    """A random tree with random metadata in the same language."""
    m = draw(metas())
    return draw(documents(lang=m.lang)), m
