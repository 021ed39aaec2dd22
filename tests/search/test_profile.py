"""The ranking profile is typed: a misspelt, missing or mistyped key is an error naming it."""

from __future__ import annotations

import pytest
import yaml

from kenes.search.profile import PROFILE_FILE, ProfileError, load_profile, profile


def _raw() -> dict:
    return yaml.safe_load(PROFILE_FILE.read_text(encoding="utf-8"))


def test_the_shipped_profile_loads_as_typed_values():
    prof = profile()
    assert prof.fields["heading"] == 3.0 and prof.phrase.slop == 0
    assert prof.intents.liability.sanction == 2.0 and prof.collapse_articles is True
    assert prof.question.max_terms > 0


def test_a_misspelt_key_is_an_error_naming_it():
    raw = _raw()
    raw["rerank_windw"] = raw.pop("rerank_window")
    with pytest.raises(ProfileError, match="rerank_windw"):
        load_profile(raw)


def test_a_misspelt_nested_key_is_an_error_naming_its_path():
    raw = _raw()
    raw["concept_phrase"]["headin"] = raw["concept_phrase"].pop("heading")
    with pytest.raises(ProfileError, match=r"concept_phrase: unknown key\(s\) headin"):
        load_profile(raw)


def test_a_value_of_the_wrong_type_is_an_error():
    raw = _raw()
    raw["proximity"]["pairs"] = "four"
    with pytest.raises(ProfileError, match="proximity.pairs: expected a whole number"):
        load_profile(raw)


def test_an_unknown_scored_field_is_an_error():
    raw = _raw()
    raw["fields"]["headnig"] = 2.0
    with pytest.raises(ProfileError, match="headnig"):
        load_profile(raw)


def test_the_profile_file_is_reread_when_it_changes(tmp_path):
    path = tmp_path / "profile.yaml"
    raw = _raw()
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    assert profile(path).rerank_window == raw["rerank_window"]
    raw["rerank_window"] = 7
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    import os

    os.utime(path, ns=(1, 10**18))
    assert profile(path).rerank_window == 7
