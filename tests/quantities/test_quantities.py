"""The dated legal quantities: read by date, kinds kept apart, every value traceable to its source."""

from __future__ import annotations

import datetime as dt
import doctest
import subprocess
import sys

import pytest

from kenes import quantities
from kenes.quantities import model, yamlfile

QUANTITIES = quantities.all_quantities()


@pytest.mark.parametrize("module", [quantities, model, yamlfile])
def test_the_docstring_examples_run(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_a_value_is_read_on_a_date_from_its_start_until_the_next_one():
    before = quantities.value("kz", "stay_limit_days", dt.date(2025, 9, 26))
    after = quantities.value("kz", "stay_limit_days", dt.date(2025, 9, 27))
    assert (before.status, after.status) == ("unverified", "verified")
    assert after.reference.label == "п. 4 ст. 6 Закона РК «О миграции населения»"
    assert after.reference.reader_path == "/akn/kz/act/law/2011-07-22/477-iv/~art_6__para_4"


def test_a_budget_year_value_ends_with_its_year():
    assert quantities.value("kz", "minimum_wage", dt.date(2026, 12, 31)).value == 85000
    with pytest.raises(quantities.NoValue):
        quantities.value("kz", "minimum_wage", dt.date(2027, 1, 1))


def test_a_quantity_kenes_does_not_hold_is_a_key_error_not_a_missing_value():
    assert not quantities.exists("uz", "minimum_wage")
    with pytest.raises(KeyError, match="uz/minimum_wage"):
        quantities.value("uz", "minimum_wage", dt.date(2026, 1, 1))


def test_a_median_wage_is_a_statistic_and_the_unions_target_a_policy_not_law():
    assert quantities.get("kz", "median_wage").kind == "statistics"
    assert quantities.get("kz", "minimum_wage_target_share").kind == "policy"
    law = {q.name for q in quantities.all_quantities("law")}
    assert "kz/minimum_wage" in law and "kz/median_wage" not in law


@pytest.mark.parametrize("quantity", QUANTITIES, ids=[q.name for q in QUANTITIES])
def test_every_value_names_its_provision_or_the_source_that_would_settle_it(quantity):
    for value in quantity.values:
        assert value.last_verified is not None, value
        if value.status == "unverified":
            assert value.source_needed
        else:
            assert value.reference is not None and value.reference.label


def test_the_package_reads_without_django():
    code = "import sys, kenes.quantities as q; q.all_quantities(); print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("description: x\nunit: day\nvalues:\n  2020-01-01: {value: 1}\n", "reference"),
        ("description: x\nunit: day\nvalues:\n  2020-01-01: {value: 1, status: unverified}\n", "source"),
        ("description: x\nunit: day\nvalues:\n  2020-01-01: {value: null, status: policy}\n", "policy"),
        (
            "description: x\nunit: day\nvalues:\n  2020-01-01:\n    value: 1\n    reference: {work: x}\n",
            "work, eid, label",
        ),
        (
            "description: x\nunit: day\nvalues:\n  soon: {value: 1, status: unverified, source_needed: s}\n",
            "date",
        ),
        ("unit: day\nvalues: {}\n", "required"),
    ],
)
def test_a_malformed_file_is_refused_with_the_reason(text, complaint):
    with pytest.raises(quantities.QuantityFileError, match=complaint):
        quantities.parse("test/x", text)
