"""AKN URIs: every shape the scheme allows parses and builds back; every mistake says what is wrong."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

from kenes.lex.akn import meta as meta_module
from kenes.lex.akn import uri as uri_module
from kenes.lex.akn.uri import FrbrUri, bilateral_place, parse

D = dt.date

GOOD = [
    # uri, expected fields (only those that matter), canonical string
    (
        "/akn/kz/act/code/2015-11-23/414-v",
        {"country": "kz", "locality": None, "subtype": "code", "actor": None, "date": D(2015, 11, 23)},
        None,
    ),
    ("/akn/kz/act/constitution/1995-08-30/1", {"subtype": "constitution", "number": "1"}, None),
    ("/akn/kg/act/by-law/2020-01-01/12", {"country": "kg", "subtype": "by-law"}, None),
    (
        "/akn/kz/doc/collective-agreement/kazakhmys/2024-01-15/12",
        {"doctype": "doc", "subtype": "collective-agreement", "actor": "kazakhmys", "number": "12"},
        None,
    ),
    (
        "/akn/aa-ilo/act/convention/1949-07-01/c097",
        {"country": "aa", "locality": "ilo", "number": "c097"},
        None,
    ),
    ("/akn/aa-ilo/act/protocol/2014-06-11/p029", {"subtype": "protocol", "number": "p029"}, None),
    ("/akn/aa-ilo/act/recommendation/1949-07-01/r086", {"subtype": "recommendation"}, None),
    ("/akn/aa-eaeu/act/treaty/2014-05-29/eaeu-treaty", {"locality": "eaeu", "number": "eaeu-treaty"}, None),
    ("/akn/aa-cis/act/agreement/1994-04-15/1", {"locality": "cis", "subtype": "agreement"}, None),
    ("/akn/aa-coe/act/convention/1977-11-24/cets093", {"locality": "coe", "number": "cets093"}, None),
    ("/akn/aa-kz-ru/act/bilateral-agreement/2020-05-01/7", {"locality": "kz-ru"}, None),
    ("/akn/kz/act/2015-11-23/414-v", {"subtype": None}, None),
    (
        "/akn/kz/act/code/2015-11-23/414-v/rus@2024-01-01",
        {"lang": "rus", "expression_date": D(2024, 1, 1)},
        None,
    ),
    ("/akn/kz/act/code/2015-11-23/414-v/rus@", {"lang": "rus", "expression_date": None}, "…/414-v/rus"),
    ("/akn/kz/act/code/2015-11-23/414-v/kaz", {"lang": "kaz", "expression_date": None}, None),
    ("/akn/kz/act/code/2015-11-23/414-v/~art_113", {"lang": None, "portion": "art_113"}, None),
    ("/akn/kz/act/code/2015-11-23/414-v/rus/~art_113", {"lang": "rus", "portion": "art_113"}, None),
    (
        "/akn/kz/act/code/2015-11-23/414-v/rus@2024-01-01/~art_113__para_4",
        {"portion": "art_113__para_4", "format": None},
        None,
    ),
    ("/akn/kz/act/code/2015-11-23/414-v/rus/~art_1__point_а", {"portion": "art_1__point_а"}, None),
    ("/akn/kz/act/code/2015-11-23/414-v.xml", {"number": "414-v", "format": "xml"}, None),
    ("/akn/kz/act/code/2015-11-23/414-v/rus@2024-01-01.json", {"format": "json"}, None),
    ("/akn/kz/act/code/2015-11-23/414-v/rus@2024-01-01/~art_113.html", {"format": "html"}, None),
]


@pytest.mark.parametrize(("uri", "fields", "canonical"), GOOD, ids=[g[0] for g in GOOD])
def test_a_valid_uri_parses_into_its_parts_and_builds_back(
    uri: str, fields: dict, canonical: str | None
) -> None:
    parsed = parse(uri)
    for name, value in fields.items():
        assert getattr(parsed, name) == value, name
    expected = canonical.replace("…", "/akn/kz/act/code/2015-11-23") if canonical else uri
    assert str(parsed) == expected
    assert parse(str(parsed)) == parsed


BAD = [
    ("akn/kz/act/code/2015-11-23/1", "must start with /akn/"),
    ("/akn/kz/act/code/2015-11-23/1/", "must not end with a slash"),
    ("/akn/KZ/act/code/2015-11-23/1", "the place 'KZ' must be a lowercase ISO 3166-1 code"),
    ("/akn/kaz/act/code/2015-11-23/1", "the place 'kaz'"),
    ("/akn/kz/acts/code/2015-11-23/1", "unknown document type 'acts'"),
    ("/akn/kz/act/code/2015/1", "the work date '2015' must be written YYYY-MM-DD"),
    ("/akn/kz/act/code/23.11.2015/1", "no work date"),
    ("/akn/kz/act/code/2015-02-30/1", "the work date '2015-02-30' is not a real calendar date"),
    ("/akn/kz/act/code/2015-11-23", "the number is missing"),
    ("/akn/kz/act/code/2015-11-23/414-V", "the number '414-V' must be lowercase"),
    ("/akn/kz/act/code/2015-11-23/№414", "the number '№414'"),
    ("/akn/kz/act/Code/2015-11-23/1", "the subtype 'Code' must be a lowercase slug"),
    ("/akn/kz/act/a/b/c/2015-11-23/1", "only a subtype and an actor"),
    ("/akn/kz/act/code/2015-11-23/1/ru", "the language 'ru' must be a three-letter code"),
    (
        "/akn/kz/act/code/2015-11-23/1/rus@2024-1-1",
        "the expression date '2024-1-1' must be written YYYY-MM-DD",
    ),
    ("/akn/kz/act/code/2015-11-23/1/rus@2024-13-01", "the expression date '2024-13-01' is not a real"),
    ("/akn/kz/act/code/2015-11-23/1/rus/~art 1", "the portion 'art 1' must be an eId"),
    ("/akn/kz/act/code/2015-11-23/1/rus/extra", "unexpected 'extra' at the end"),
    ("/akn/kz/act/code/2015-11-23/1.pdf", "the format 'pdf' must be one of xml, json, html"),
    ("/akn/aa-ru-kz/act/bilateral-agreement/2020-05-01/7", "alphabetical order: aa-kz-ru"),
    ("/akn/kz/act/bilateral-agreement/2020-05-01/7", "a bilateral agreement's place must be aa-{a}-{b}"),
]


@pytest.mark.parametrize(("uri", "message"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_uri_is_refused_with_a_message_naming_the_wrong_part(uri: str, message: str) -> None:
    with pytest.raises(ValueError) as err:
        parse(uri)
    assert str(err.value).startswith(f"{uri!r} is not a valid AKN URI: ")
    assert message in str(err.value)


def test_work_and_expression_uris_drop_the_portion_and_format() -> None:
    uri = parse("/akn/kz/act/code/2015-11-23/414-v/rus@2024-01-01/~art_113.xml")
    assert uri.work_uri == "/akn/kz/act/code/2015-11-23/414-v"
    assert uri.expression_uri == "/akn/kz/act/code/2015-11-23/414-v/rus@2024-01-01"
    assert uri.place == "kz"


def test_a_work_uri_has_no_expression_uri() -> None:
    with pytest.raises(ValueError, match="names a work, not an expression"):
        _ = parse("/akn/kz/act/code/2015-11-23/414-v").expression_uri


def test_building_a_uri_checks_it_as_parsing_does() -> None:
    built = FrbrUri("aa", "ilo", "act", "convention", None, D(1949, 7, 1), "c097", lang="eng")
    assert str(built) == "/akn/aa-ilo/act/convention/1949-07-01/c097/eng"
    with pytest.raises(ValueError, match="the number 'C097' must be lowercase"):
        FrbrUri("aa", "ilo", "act", "convention", None, D(1949, 7, 1), "C097")
    with pytest.raises(ValueError, match="an expression date needs a language"):
        FrbrUri("kz", None, "act", "code", None, D(2015, 11, 23), "1", expression_date=D(2024, 1, 1))
    with pytest.raises(TypeError, match="datetime.date"):
        FrbrUri("kz", None, "act", "code", None, "2015-11-23", "1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="datetime.date"):
        FrbrUri("kz", None, "act", "code", None, dt.datetime(2015, 11, 23, 10), "1")


def test_the_uri_is_frozen_so_it_can_key_a_dict() -> None:
    uri = parse("/akn/kz/act/code/2015-11-23/414-v")
    with pytest.raises(AttributeError):
        uri.number = "1"  # type: ignore[misc]
    assert {uri: 1}[parse("/akn/kz/act/code/2015-11-23/414-v")] == 1


def test_bilateral_places_are_the_same_whichever_party_is_named_first() -> None:
    assert bilateral_place("ru", "kz") == bilateral_place("KZ", "RU") == "aa-kz-ru"


@pytest.mark.parametrize("module", [uri_module, meta_module], ids=["uri", "meta"])
def test_the_docstring_examples_run(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0
