"""Each rule registers once: its heading, question, headline, quantities, cases and form hang off its Rule,
and the per-country provisions it cites are data."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kenes import quantities
from kenes.rights import RULES, basis, evaluate
from kenes.rights.answer import Context
from tests.rights.helpers import TODAY

RIGHTS = Path(__file__).resolve().parents[2] / "kenes" / "rights"


@pytest.mark.parametrize("name", list(RULES))
def test_every_rule_registers_its_heading_question_headline_and_cases(name):
    rule = RULES[name]
    assert rule.heading and rule.question.endswith("?")
    assert rule.headline.__module__ == "kenes.rights.headlines"
    assert (RIGHTS / "tests" / rule.cases).is_file()
    example = evaluate(name, rule.example, today=TODAY).to_dict()
    assert rule.headline(example), "the example's answer has a headline"


def test_every_case_file_belongs_to_one_rule():
    files = sorted(p.name for p in (RIGHTS / "tests").glob("*.yaml") if p.name != "invalid.yaml")
    assert files == sorted(rule.cases for rule in RULES.values())


@pytest.mark.django_db
def test_every_rule_has_exactly_one_form_and_every_form_a_rule():
    from kenes.rights.web.forms import FORMS

    assert sorted(FORMS) == sorted(RULES)
    assert all(form.rule is RULES[name] for name, form in FORMS.items())


@pytest.mark.parametrize("name", list(RULES))
def test_every_quantity_a_rule_registers_exists_for_some_country(name):
    for quantity in RULES[name].quantities:
        assert any(quantities.exists(c, quantity) for c in ("kz", "ru", "eaeu")), quantity


def test_a_rule_reading_a_quantity_it_did_not_register_is_a_programming_error():
    ctx = Context("leave", TODAY, RULES["leave"].quantities)
    with pytest.raises(LookupError, match="minimum_wage"):
        ctx.value("kz", "minimum_wage", TODAY)


def test_the_rules_name_no_country_and_no_article_in_code():
    """Per-country citations are data (provisions/*.yaml); rules ask for them by what they rely on."""
    for path in sorted((RIGHTS / "rules").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [
            n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "cite"
        ]
        assert calls == [], path.name
        named = [
            n.lineno
            for n in ast.walk(tree)
            if (isinstance(n, ast.Compare) and any(_country_literal(c) for c in [n.left, *n.comparators]))
            or (isinstance(n, ast.Call) and any(_country_literal(a) for a in n.args))
        ]
        assert named == [], (path.name, "a country is named in code: make it data")


def _country_literal(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value in {"kz", "ru", "tj", "kg", "uz"}


def test_a_country_without_provisions_for_a_check_is_sent_to_an_advisory_centre():
    assert basis.covers("kz", "wage-payment") and not basis.covers("tj", "wage-payment")
    answer = evaluate("wage-payment", {"month": "2026-05", "country": "tj"}, today=TODAY)
    assert answer["payment_due"] is None and answer.refer_to_advisory_centre


def test_every_country_name_of_the_kernel_table_is_marked_for_the_rights_catalogue():
    from kenes.kernel.countries import COUNTRIES
    from kenes.rights.countries import CATALOGUE_NAMES

    assert sorted(c.name for c in COUNTRIES) == sorted(CATALOGUE_NAMES)
