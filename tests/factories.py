"""Test data built in code (factories), not fixtures: each test says what it needs."""

from __future__ import annotations

import datetime as dt

from kenes.lex.models import Jurisdiction, Work
from kenes.lex.tree import Document, Node, Note, assign_eids

LC_URI = "/akn/kz/act/code/2015-11-23/414-v"


def jurisdiction(code: str = "kz", name: str = "Kazakhstan", kind: str = "country") -> Jurisdiction:
    obj, _ = Jurisdiction.objects.get_or_create(code=code, defaults={"name": name, "kind": kind})
    return obj


def work(uri: str = LC_URI, **fields) -> Work:
    from kenes.lex.importing import ensure_work

    place = uri.split("/")[2]
    jurisdiction(place)
    w = ensure_work(uri, title=fields.pop("title", "Трудовой кодекс"))
    for k, v in fields.items():
        setattr(w, k, v)
    w.save()
    return w


def article(num: str, heading: str, *paragraphs: str, note: str | None = None) -> Node:
    children = [Node("paragraph", num=f"{i}.", text=t) for i, t in enumerate(paragraphs, 1)]
    return Node("article", num=num, heading=heading, children=children, notes=[Note(note)] if note else [])


def labour_doc(wage_rule: str = "Заработная плата выплачивается не реже одного раза в месяц.") -> Document:
    """A small code shaped like the Kazakh Labour Code.

    One chapter with three articles and a cross-reference.
    """
    doc = Document(
        title="Трудовой кодекс",
        lang="rus",
        body=[
            Node(
                "chapter",
                num="8",
                heading="НОРМИРОВАНИЕ И ОПЛАТА ТРУДА",
                children=[
                    article("112", "Оплата времени простоя", "Простой оплачивается."),
                    article(
                        "113",
                        "Порядок и сроки выплаты заработной платы",
                        wage_rule,
                        "При прекращении трудового договора расчёт производится в срок, "
                        "указанный в статье 112 настоящего Кодекса.",
                        note="Сноска. Статья 113 с изменениями, внесенными законами РК "
                        "от 04.05.2020 № 321-VI (вводится в действие с 15.05.2020).",
                    ),
                    article("124-1", "Гарантия", "Текст статьи."),
                ],
            )
        ],
    )
    assign_eids(doc)
    return doc


DAY = dt.date(2024, 1, 1)
