"""The library contract the API relies on: RULES documents every rule, answers match their schema, and
every input ends in an answer or an InvalidSituation — never another exception."""

from __future__ import annotations

import datetime as dt
import doctest
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kenes.rights
from kenes.quantities import yamlfile
from kenes.rights import (
    RULES,
    InvalidSituation,
    UnknownRule,
    basis,
    daycount,
    delay,
    evaluate,
    parameters,
    works,
)
from kenes.rights.works import WORKS
from tests.conftest import corpus_file
from tests.rights.helpers import TODAY, find_provision, load_cases


def test_the_library_does_not_need_django():
    import subprocess
    import sys

    code = "import sys, kenes.rights; kenes.rights.evaluate('leave', {'employment_start': '2025-01-01'}); "
    code += "assert not [m for m in sys.modules if m.startswith('django')]"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("module", [kenes.rights, daycount, works, yamlfile, basis, delay])
def test_docstring_examples_run(module):
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize("name", list(RULES))
def test_each_rule_documents_itself_and_its_example_answers_in_json(name):
    rule = RULES[name]
    assert rule.title and rule.description and rule.example
    assert rule.input_schema["type"] == "object"
    answer = evaluate(name, rule.example, today=TODAY).to_dict()
    json.dumps(answer)  # plain JSON, dates as strings
    assert list(answer) == list(rule.answer_schema["properties"])


@pytest.mark.parametrize("case", [c for _i, c in load_cases() if "expect" in c], ids=lambda c: c["name"])
def test_every_answer_has_exactly_the_keys_its_schema_lists(case):
    answer = evaluate(case["rule"], case["situation"], today=TODAY).to_dict()
    assert list(answer) == list(RULES[case["rule"]].answer_schema["properties"])
    for citation in answer["citations"]:
        assert set(citation) == {"work", "eid", "label", "lang", "verified"}
    assert answer["verified"] is (not answer["advisory_reasons"])


def test_an_unverified_value_sends_the_question_to_an_advisory_centre():
    answer = evaluate("minimum-wage", {"on": "2025-03-01", "monthly_wage": 80000}, today=TODAY)
    assert answer.refer_to_advisory_centre and not answer.verified
    assert any("republican budget" in reason for reason in answer.advisory_reasons)


def test_the_stay_answer_has_the_keys_of_the_issue():
    answer = evaluate("stay", RULES["stay"].example, today=TODAY).to_dict()
    for key in (
        "window_start",
        "days_used",
        "days_remaining",
        "overstay_days",
        "compliant",
        "first_violation_day",
        "latest_exit",
        "max_stay_days",
        "next_possible_entry",
        "citations",
        "explanation",
    ):
        assert key in answer


def test_an_unknown_rule_is_an_invalid_situation():
    with pytest.raises(UnknownRule) as info:
        evaluate("visa", {})
    assert isinstance(info.value, InvalidSituation) and info.value.field == "rule"


@pytest.mark.parametrize("situation", [None, [], "stay", 5])
def test_a_situation_that_is_not_an_object_is_refused(situation):
    with pytest.raises(InvalidSituation):
        evaluate("stay", situation, today=TODAY)


def test_a_history_of_more_than_a_thousand_stays_is_refused():
    day = {"entry": "2024-01-01", "exit": "2024-01-01"}
    evaluate("stay", {"stays": [day] * 1000, "window": 180, "limit": 90, "on": "2024-02-01"}, today=TODAY)
    with pytest.raises(InvalidSituation, match="at most 1000") as info:
        evaluate("stay", {"stays": [day] * 10_000, "window": 180, "limit": 90}, today=TODAY)
    assert info.value.field == "stays"


def test_the_control_date_defaults_to_today():
    answer = evaluate("stay", {"stays": [{"entry": "2026-11-01"}], "window": 180, "limit": 90}, today=TODAY)
    assert answer["on"] == TODAY and answer["days_used"] == 23


def test_the_error_knows_its_field_for_a_form():
    with pytest.raises(InvalidSituation) as info:
        evaluate(
            "stay", {"stays": [{"entry": "2024-01-10", "exit": "2024-01-01"}], "window": 180, "limit": 90}
        )
    assert info.value.to_dict() == {
        "error": "invalid_situation",
        "field": "stays[0].exit",
        "message": "exit 2024-01-01 is before entry 2024-01-10",
    }


# -- fuzzing: junk in, a clear error or an answer out -------------------------------------------------------

junk_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(
        ["2024-01-01", "2024-02-30", "1990-05-05", "2099-01-01", "2026-05", "kz", "KG", "xx", "stateless"]
    ),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
)
junk = st.recursive(
    junk_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def situations(rule):
    keys = list(RULES[rule].inputs["properties"]) + ["entry", "exit", "bogus"]
    stay_items = st.fixed_dictionaries({}, optional={"entry": junk_scalars, "exit": junk_scalars})
    values = st.one_of(junk, st.lists(stay_items, max_size=5))
    return st.dictionaries(st.sampled_from(keys), values, max_size=8)


@pytest.mark.parametrize("rule", list(RULES))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_junk_gets_an_answer_or_an_invalid_situation_never_a_crash(rule, data):
    situation = data.draw(situations(rule))
    try:
        answer = evaluate(rule, situation, today=TODAY)
    except InvalidSituation as exc:
        assert exc.message
        return
    json.dumps(answer.to_dict())


# -- every provision cited exists in the corpus -------------------------------------------------------------


def _all_citations():
    seen = {}
    for _i, case in load_cases():
        if "expect" in case:
            for c in evaluate(case["rule"], case["situation"], today=TODAY).citations:
                seen[(c.work, c.eid)] = c
    for _country, _check, _key, work, eid in basis.all_provisions():
        c = works.cite(work, eid)
        seen[(c.work, c.eid)] = c
    for param in parameters.all_parameters():
        for value in param.values:
            if value.reference:
                seen[(value.reference.work, value.reference.eid)] = parameters.citation(value)
    return sorted(seen.values(), key=lambda c: (c.work, c.eid))


CITATIONS = _all_citations()


@pytest.mark.corpus
@pytest.mark.parametrize("citation", [c for c in CITATIONS if c.verified], ids=lambda c: c.label)
def test_every_verified_citation_points_at_a_provision_in_the_corpus(citation):
    work = WORKS[citation.work]
    text = corpus_file(*work.corpus.split("/")).read_text(encoding="utf-8")
    assert find_provision(text, citation.eid, markdown=work.corpus.startswith("ilo/")), citation


def test_citations_of_texts_we_do_not_hold_are_marked_unverified():
    for c in CITATIONS:
        assert c.verified is (WORKS[c.work].corpus is not None)
