"""Schema validation: found without ../shared, loaded once and offline, errors with line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from kenes.lex.akn import schema
from kenes.lex.akn.export import to_akn

from . import factories


def test_our_export_is_valid_so_validate_returns_no_errors(akn_schema: etree.XMLSchema) -> None:
    assert schema.validate(to_akn(factories.every_kind(), factories.full_meta())) == []


def test_violations_are_listed_with_line_numbers_and_without_the_namespace(
    akn_schema: etree.XMLSchema,
) -> None:
    xml = to_akn(factories.every_kind(), factories.meta())
    broken = xml.replace(b"<FRBRcountry", b"<FRBRcounty", 1).replace(b'name="adoption"', b"", 1)
    errors = schema.validate(broken)
    assert len(errors) == 2
    line = broken[: broken.index(b"<FRBRcounty")].count(b"\n") + 1
    assert any(
        e.startswith(f"line {line}: Element 'FRBRcounty': This element is not expected") for e in errors
    )
    assert all("{http" not in e for e in errors)


def test_xml_that_is_not_well_formed_gives_its_parse_error_as_the_only_entry(
    akn_schema: etree.XMLSchema,
) -> None:
    [error] = schema.validate(b"<akomaNtoso>\n<act>\n</akomaNtoso>")
    assert "not well-formed XML: line 3" in error


def test_validate_accepts_an_already_parsed_tree(akn_schema: etree.XMLSchema) -> None:
    tree = etree.fromstring(to_akn(factories.every_kind(), factories.meta())).getroottree()
    assert schema.validate(tree) == []


def test_the_schema_is_compiled_once_per_path(akn_schema: etree.XMLSchema) -> None:
    assert schema.get_schema() is schema.get_schema() is akn_schema


def test_the_schema_imports_only_the_xml_xsd_beside_it(akn_schema: etree.XMLSchema) -> None:
    path = schema.schema_path()
    imports = etree.parse(str(path)).getroot().findall("{http://www.w3.org/2001/XMLSchema}import")
    assert [i.get("schemaLocation") for i in imports] == ["./xml.xsd"]
    assert (path.parent / "xml.xsd").is_file()


def test_a_schema_that_reaches_for_the_network_fails_to_load_instead(
    akn_schema: etree.XMLSchema, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = schema.schema_path()
    online = source.read_bytes().replace(
        b'schemaLocation="./xml.xsd"', b'schemaLocation="http://www.w3.org/2001/xml.xsd"'
    )
    (tmp_path / "akomantoso30.xsd").write_bytes(online)
    monkeypatch.setenv(schema.ENV_VAR, str(tmp_path / "akomantoso30.xsd"))
    with pytest.raises(etree.XMLSchemaParseError, match="http://www.w3.org/2001/xml.xsd"):
        schema.get_schema()


def test_the_environment_variable_overrides_the_packaged_schema(
    akn_schema: etree.XMLSchema, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = schema.schema_path()
    for name in ("akomantoso30.xsd", "xml.xsd"):
        (tmp_path / name).write_bytes((source.parent / name).read_bytes())
    monkeypatch.setenv(schema.ENV_VAR, str(tmp_path / "akomantoso30.xsd"))
    assert schema.schema_path() == tmp_path / "akomantoso30.xsd"
    assert schema.validate(to_akn(factories.every_kind(), factories.meta())) == []


def test_a_missing_schema_says_how_to_provide_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(schema.ENV_VAR, str(tmp_path / "nowhere.xsd"))
    with pytest.raises(schema.SchemaUnavailable, match="KENES_AKN_SCHEMA=.*does not name a file"):
        schema.schema_path()
