"""The parameter files: every one loads, says where its values come from, and ages visibly."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.rights import STALE_AFTER_DAYS, evaluate, parameter
from kenes.rights.parameters import NoValue, ParameterFileError, all_parameters, citation, parse
from tests.rights.helpers import TODAY

PARAMETERS = all_parameters()


def test_there_are_parameters_for_kazakhstan_russia_and_the_eaeu():
    folders = {p.name.split("/")[0] for p in PARAMETERS}
    assert {"kz", "ru", "eaeu"} <= folders


@pytest.mark.parametrize("param", PARAMETERS, ids=[p.name for p in PARAMETERS])
def test_every_value_says_where_it_comes_from_and_when_it_was_checked(param):
    for value in param.values:
        assert value.last_verified is not None, value
        if value.status == "verified":
            assert value.reference is not None and citation(value).verified
        elif value.status == "unverified":
            assert value.source_needed
        else:
            assert value.reference is not None and value.note


def test_a_value_is_in_force_from_its_date_until_the_next_one():
    assert parameter("kz", "stay_limit_days", dt.date(2025, 9, 26)).status == "unverified"
    verified = parameter("kz", "stay_limit_days", dt.date(2025, 9, 27))
    assert verified.status == "verified" and verified.value == 90
    assert verified.reference.eid == "art_6__para_4"


def test_no_value_before_the_first_date():
    with pytest.raises(NoValue):
        parameter("kz", "annual_leave_days", dt.date(2015, 12, 31))


def test_a_budget_year_value_ends_with_its_year():
    assert parameter("kz", "minimum_wage", dt.date(2026, 12, 31)).value == 85000
    with pytest.raises(NoValue):
        parameter("kz", "minimum_wage", dt.date(2027, 1, 1))


def test_amounts_that_rest_on_budget_laws_are_unverified():
    assert parameter("kz", "minimum_wage", dt.date(2025, 6, 1)).status == "unverified"
    assert parameter("kz", "median_wage", dt.date(2025, 6, 1)).status == "unverified"


def test_a_value_not_checked_for_more_than_the_threshold_is_reported_stale():
    value = parameter("kz", "annual_leave_days", dt.date(2026, 1, 1))
    assert not value.is_stale(value.last_verified + dt.timedelta(days=STALE_AFTER_DAYS))
    assert value.is_stale(value.last_verified + dt.timedelta(days=STALE_AFTER_DAYS + 1))
    later = TODAY + dt.timedelta(days=STALE_AFTER_DAYS + 30)
    answer = evaluate("leave", {"employment_start": "2025-01-01", "on": "2025-12-31"}, today=later)
    assert any("was last checked against its source on 2026-11-23" in w for w in answer.warnings)
    assert not any("kz/" in w for w in answer.warnings), "parameter names stay in the technical part"
    fresh = evaluate("leave", {"employment_start": "2025-01-01", "on": "2025-12-31"}, today=TODAY)
    assert not any("last checked" in w for w in fresh.warnings)


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("description: x\nunit: day\nvalues:\n  2020-01-01: {value: 1}\n", "reference"),
        (
            "description: x\nunit: day\nvalues:\n  2020-01-01: {value: 1, status: unverified}\n",
            "which source",
        ),
        ("description: x\nunit: day\nvalues:\n  2020-01-01: {value: null, status: policy}\n", "policy"),
        (
            "description: x\nunit: day\nvalues:\n"
            "  2020-01-01: {value: 1, status: unverified, source_needed: s, x: 1}\n",
            "unknown keys",
        ),
        (
            "description: x\nunit: day\nvalues:\n  2020-01-01:\n    value: 1\n    reference:\n"
            "      work: /akn/kz/act/code/2015-11-23/414-v\n      eid: art_88\n      label: ст. 89 ТК РК\n",
            "should read",
        ),
        (
            "description: x\nunit: day\nvalues:\n  2020-01-01:\n    value: 1\n    reference:\n"
            "      work: /akn/aa-eaeu/act/treaty/2014-05-29/eaeu-treaty\n      eid: art_97\n"
            "      label: ст. 97 Договора о ЕАЭС\n",
            "text in our corpus",
        ),
        (
            "description: x\nunit: day\nvalues:\n  soon: {value: 1, status: unverified, source_needed: s}\n",
            "date",
        ),
        ("unit: day\nvalues: {}\n", "required"),
    ],
)
def test_a_malformed_parameter_file_is_refused_with_the_reason(text, complaint):
    with pytest.raises(ParameterFileError, match=complaint):
        parse("test/x", text)
