"""Golden files: each input in golden/ (NAME.txt or NAME.md, written for these tests in the style of the real
texts) beside NAME.json, the tree it must give. A change in structure shows as a readable JSON diff.

The language is the NAME's suffix (``_ru``, ``_kk``, ``_en`` …; ILO-style inputs are English). After a
deliberate change, rewrite the expected files and review the diff before committing::

    KENES_UPDATE_GOLDEN=1 .venv/bin/pytest tests/ingest/test_golden.py -p no:django
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kenes.lex.ingest.readers import read_text
from kenes.lex.ingest.structure import parse_text

from .treejson import document_data

GOLDEN = Path(__file__).parent / "golden"
INPUTS = sorted(p for p in GOLDEN.iterdir() if p.suffix in (".txt", ".md"))
LANGS = {"ru": "rus", "kk": "kaz", "ky": "kir", "uz": "uzb", "tg": "tgk", "en": "eng"}


def _lang(path: Path) -> str:
    return LANGS.get(path.stem.rsplit("_", 1)[-1], "eng")


@pytest.mark.parametrize("source", INPUTS, ids=[p.name for p in INPUTS])
def test_parsing_a_golden_input_gives_its_expected_tree(source: Path):
    got = document_data(parse_text(read_text(source), _lang(source)))
    expected_path = source.with_suffix(".json")
    if os.environ.get("KENES_UPDATE_GOLDEN") or not expected_path.exists():
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


def test_every_golden_input_has_its_expected_tree_committed():
    missing = [p.name for p in INPUTS if not p.with_suffix(".json").exists()]
    assert not missing
