"""Junk thrown at the parser: it may refuse a text, but only with IngestError, and never repeats an eId."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kenes.lex.ingest.errors import IngestError
from kenes.lex.ingest.locales import all_locales
from kenes.lex.ingest.structure import parse_text

# Pieces that steer the stages into their corners, mixed with arbitrary text.
PIECES = [
    "Статья 1.", "Статья 12-1. Заголовок", "Cтатья 2", "Глава 2.", "РАЗДЕЛ I", "ОБЩАЯ ЧАСТЬ", "Параграф 1.",
    "1.", "1)", "18-1)", "а)", "(a)", "(h)", "(i)", "(ii)", "a.", "173.", "12-бап.", "2-тарау.", "3-берене.",
    "4-modda.", "Моддаи 5.", "Article 3", "ANNEX I", "SCHEDULE TO PART XI", "PART I", "Title 1:", "I",
    "Regulation 1.1", "Standard A1.1 – x", "#", "### ", "#### Definition", "Сноска.", "Сноска:",
    "Примечание ИЗПИ!", "ЗҚАИ-ның ескертпесі!", "СОДЕРЖАНИЕ", "ПРЕСС-РЕЛИЗ", "Президент", "Recommendation 5",
    "Preamble", "The General Conference of the International Labour Organisation",
    "may be cited as the X, 2000",
    "the of and shall", "de het een van", "және бойынша", "\n", "\n\n", "      ", "\xa0", ":", ";", "текст",
]  # fmt: skip
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=80).map(" ".join)
langs = st.sampled_from([loc.code for loc in all_locales()])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, langs)
def test_parse_text_raises_only_ingest_error_and_every_eid_is_unique(text: str, lang: str):
    try:
        doc = parse_text(text, lang)
    except IngestError:
        return
    eids = [node.eid for node in doc.walk()]
    assert len(eids) == len(set(eids))
    assert all(eids)
