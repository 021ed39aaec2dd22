"""Run the lawyer-readable cases of kenes/rights/tests/*.yaml: each case is one test, named after it.

A case gives a ``situation`` and either ``expect`` (fields the answer must have, in JSON form; others are
not checked), ``expect_citations`` (eIds the answer must cite) and ``expect_warnings_contain``, or
``error`` (the field and a piece of the message of the InvalidSituation it must raise).
"""

from __future__ import annotations

import pytest

from kenes.rights import RULES, InvalidSituation, evaluate
from tests.rights.helpers import TODAY, load_cases, same

CASES = load_cases()


def test_there_are_cases_for_every_rule():
    covered = {case["rule"] for _id, case in CASES if "expect" in case}
    assert covered == set(RULES)


@pytest.mark.parametrize("case", [c for _id, c in CASES], ids=[i for i, _c in CASES])
def test_case(case):
    assert set(case) <= {
        "name",
        "rule",
        "situation",
        "expect",
        "expect_citations",
        "expect_warnings_contain",
        "error",
    }
    if "error" in case:
        with pytest.raises(InvalidSituation) as info:
            evaluate(case["rule"], case["situation"], today=TODAY)
        assert info.value.field == case["error"]["field"], str(info.value)
        assert case["error"]["message"] in info.value.message
        return

    answer = evaluate(case["rule"], case["situation"], today=TODAY).to_dict()
    mismatched = {
        key: {"expected": want, "got": answer.get(key, "<missing>")}
        for key, want in case.get("expect", {}).items()
        if key not in answer or not same(want, answer[key])
    }
    assert not mismatched, mismatched
    cited = {c["eid"] for c in answer["citations"]}
    missing = [eid for eid in case.get("expect_citations", []) if eid not in cited]
    assert not missing, f"not cited: {missing}; cited: {sorted(cited)}"
    for piece in case.get("expect_warnings_contain", []):
        assert any(piece in w for w in answer["warnings"]), answer["warnings"]
    # Every answer says how it was reached.
    assert answer["explanation"]
