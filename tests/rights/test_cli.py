"""The ``kenes rights`` command, driven through :func:`kenes.rights.cli.main`."""

from __future__ import annotations

import argparse
import json

import pytest

from kenes.rights import RULES
from kenes.rights.cli import add_parser, main

SPEC = ["stay", "--stay", "2024-01-01:2024-01-10", "--stay", "2024-06-01:", "--on", "2024-06-14"]


def run_json(capsys, argv):
    assert main([*argv, "--json", "--today", "2026-11-23"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_issue_example_prints_the_stay_answer_as_json(capsys):
    answer = run_json(capsys, [*SPEC, "--window", "180", "--limit", "90"])
    assert answer["window_start"] == "2023-12-18"
    assert answer["days_used"] == 24 and answer["days_remaining"] == 66
    assert answer["compliant"] is True and answer["first_violation_day"] is None
    assert answer["latest_exit"] == "2024-08-29"


def test_a_planned_entry_and_stay_length(capsys):
    argv = [
        "stay",
        "--stay",
        "2024-01-01:2024-03-30",
        "--on",
        "2024-03-31",
        "--window",
        "180",
        "--limit",
        "90",
    ]
    answer = run_json(capsys, [*argv, "--plan-entry", "2024-04-01", "--stay-length", "30"])
    assert answer["max_stay_days"] == 0 and answer["latest_exit"] is None
    assert answer["next_possible_entry"] == "2024-06-29"


def test_host_and_citizenship_instead_of_window_and_limit(capsys):
    answer = run_json(
        capsys, ["stay", "--stay", "2026-09-01:", "--on", "2026-09-20", "--host", "kz", "--citizenship", "uz"]
    )
    assert answer["single_stay_limit_days"] == 30 and answer["latest_exit"] == "2026-09-30"
    assert any(c["eid"] == "art_6__para_4" for c in answer["citations"])


def test_the_text_answer_explains_and_cites(capsys):
    assert (
        main([*SPEC, "--host", "kz", "--citizenship", "uz", "--on", "2026-10-05", "--today", "2026-11-23"])
        == 0
    )
    out = capsys.readouterr().out
    assert "days used:" in out and "Why:" in out and "Provisions:" in out
    assert "п. 4 ст. 6 Закона РК «О миграции населения»" in out


def test_invalid_input_prints_one_line_naming_the_field_and_exits_2(capsys):
    assert main(["stay", "--stay", "2024-01-10:2024-01-01", "--window", "180", "--limit", "90"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "error: stays[0].exit: exit 2024-01-01 is before entry 2024-01-10"


def test_a_stay_without_a_colon_is_refused(capsys):
    assert main(["stay", "--stay", "2024-01-10", "--window", "180", "--limit", "90"]) == 2
    assert "ENTRY:EXIT" in capsys.readouterr().err


def test_an_unknown_country_is_refused(capsys):
    assert main(["permit", "--host", "kz", "--citizenship", "xx"]) == 2
    assert "unknown country code" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["permit", "--host", "kz", "--citizenship", "uz", "--work", "domestic"],
        [
            "registration",
            "--host",
            "kz",
            "--citizenship",
            "kg",
            "--entry",
            "2026-03-02",
            "--intended-days",
            "60",
        ],
        ["minimum-wage", "--on", "2025-03-01", "--monthly-wage", "80000", "--part-time-share", "0.5"],
        ["wage-payment", "--month", "2026-05", "--paid-on", "2026-06-15"],
        [
            "final-settlement",
            "--terminated-on",
            "2026-12-14",
            "--holiday",
            "2026-12-16",
            "--holiday",
            "2026-12-17",
        ],
        ["leave", "--employment-start", "2024-03-15", "--on", "2026-06-30", "--leave-taken-days", "24"],
    ],
)
def test_every_rule_has_a_subcommand(capsys, argv):
    answer = run_json(capsys, argv)
    assert answer["rule"] == argv[0]


def test_repeated_holidays_are_all_used(capsys):
    answer = run_json(
        capsys,
        [
            "final-settlement",
            "--terminated-on",
            "2026-12-14",
            "--holiday",
            "2026-12-16",
            "--holiday",
            "2026-12-17",
        ],
    )
    assert answer["settlement_deadline"] == "2026-12-21"


def test_list_names_every_rule(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in RULES)
    assert main(["list", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in listing] == list(RULES) and "input_schema" in listing[0]


def test_it_mounts_under_the_main_kenes_command(capsys):
    parser = argparse.ArgumentParser(prog="kenes")
    sub = parser.add_subparsers(dest="command", required=True)
    assert add_parser(sub) is None
    args = parser.parse_args(
        ["rights", *SPEC, "--window", "180", "--limit", "90", "--json", "--today", "2026-11-23"]
    )
    assert args.func(args) == 0
    assert json.loads(capsys.readouterr().out)["days_used"] == 24


def test_a_rule_is_required(capsys):
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2


def test_the_text_answer_is_english_by_default_and_russian_with_lang(capsys):
    argv = [*SPEC, "--window", "180", "--limit", "90", "--today", "2026-11-23"]
    assert main(argv) == 0
    english = capsys.readouterr().out
    assert "Why:" in english and "Limit as given: 90 days within any 180-day period." in english
    assert main([*argv, "--lang", "ru"]) == 0
    russian = capsys.readouterr().out
    assert "Почему:" in russian and "Лимит задан в вопросе: 90 дней в любом периоде из 180 дней." in russian
    assert "Limit as given" not in russian


def test_a_refusal_follows_lang_too(capsys):
    assert (
        main(["stay", "--stay", "2024-01-10:2024-01-01", "--window", "180", "--limit", "90", "--lang", "kk"])
        == 2
    )
    assert "stays[0].exit: шығу күні 2024-01-01 кіру күнінен 2024-01-10 ерте" in capsys.readouterr().err
