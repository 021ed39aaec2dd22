"""The examples in docstrings run, so a docstring that shows how a function answers stays true.

Every module of ``kenes`` with a ``>>>`` example is collected here; a new module with examples needs no
registration.
"""

from __future__ import annotations

import doctest
import importlib
import io
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kenes"


def modules_with_examples() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if ">>> " not in path.read_text(encoding="utf-8"):
            continue
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found.append(".".join(parts))
    return found


def test_the_modules_known_to_have_examples_are_collected():
    assert {
        "kenes.lex.akn.uri",
        "kenes.lex.akn.meta",
        "kenes.rights.daycount",
        "kenes.search.citations",
    } <= set(modules_with_examples())


@pytest.mark.parametrize("name", modules_with_examples())
def test_the_docstring_examples_of_the_module_run(name):
    module = importlib.import_module(name)
    tests = doctest.DocTestFinder().find(module, name)
    examples = sum(len(t.examples) for t in tests)
    assert examples, f"{name} mentions >>> but no docstring example was found in it"
    out = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in tests:
        runner.run(test, out=out.write)
    assert runner.failures == 0, out.getvalue()
