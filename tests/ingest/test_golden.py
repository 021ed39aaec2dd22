"""Golden files: each input in golden/ (NAME.txt or NAME.md, written for these tests in the style of the real
texts) beside NAME.json, the tree it must give. A change in structure shows as a readable JSON diff.

The language is the NAME's suffix (``_ru``, ``_kk``, ``_en`` …; ILO-style inputs are English). The tests
only read the expected files: a missing one fails. After a deliberate change (or for a new input), write
them with the explicit command below and review the diff before committing::

    .venv/bin/python -m tests.ingest.test_golden --write
"""

from __future__ import annotations

import json
import sys
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


def parsed(source: Path) -> dict:
    return document_data(parse_text(read_text(source), _lang(source)))


def expected(source: Path) -> dict:
    """The committed tree for ``source``; a missing file fails (it is never written by a test run)."""
    path = source.with_suffix(".json")
    if not path.exists():
        pytest.fail(f"{path.name} is missing: write it with `python -m tests.ingest.test_golden --write`")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("source", INPUTS, ids=[p.name for p in INPUTS])
def test_parsing_a_golden_input_gives_its_expected_tree(source: Path):
    assert parsed(source) == expected(source)


def test_every_golden_input_has_its_expected_tree_committed():
    missing = [p.name for p in INPUTS if not p.with_suffix(".json").exists()]
    assert not missing


def test_an_input_without_its_expected_tree_fails_and_writes_nothing(tmp_path):
    source = tmp_path / "new_input_ru.txt"
    source.write_text("Статья 1. Проверка\n\nТекст.\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="new_input_ru.json is missing"):
        expected(source)
    assert not source.with_suffix(".json").exists()


def write_expected(sources: list[Path]) -> None:
    """The explicit regeneration path: (re)write each input's expected tree."""
    for source in sources:
        source.with_suffix(".json").write_text(
            json.dumps(parsed(source), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"wrote {source.with_suffix('.json')}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m tests.ingest.test_golden --write   (rewrites every expected tree)")
    write_expected(INPUTS)
