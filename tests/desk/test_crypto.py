import pytest

from kenes.desk import crypto, keys
from kenes.desk.models import Person

from .conftest import make_case


def test_sealed_value_names_its_key_and_round_trips():
    sealed = crypto.seal("Zarina", "desk.Person.full_name")
    assert sealed.startswith(f"v1:{keys.keyring().current_id}:")
    assert "Zarina" not in sealed
    assert crypto.unseal(sealed, "desk.Person.full_name") == "Zarina"


def test_ciphertext_moved_to_another_column_does_not_decrypt():
    sealed = crypto.seal("N12345678", "desk.Person.document_number")
    with pytest.raises(crypto.Undecryptable):
        crypto.unseal(sealed, "desk.Person.full_name")


def test_altered_ciphertext_is_refused():
    sealed = crypto.seal("N12345678", "ctx")
    body = sealed.rsplit(":", 1)
    flipped = body[0] + ":" + ("A" if body[1][5] != "A" else "B").join([body[1][:5], body[1][6:]])
    with pytest.raises(crypto.Undecryptable):
        crypto.unseal(flipped, "ctx")


def test_blind_index_matches_the_same_document_written_differently():
    a = crypto.blind_index("document", crypto.normalise_document("n 1234-5678"))
    b = crypto.blind_index("document", crypto.normalise_document("N12345678"))
    assert a == b and len(a) == 64
    assert crypto.blind_index("phone", crypto.normalise_phone("8 701 555 0102")) == crypto.blind_index(
        "phone", crypto.normalise_phone("+7 (701) 555-01-02")
    )
    assert crypto.blind_index("phone", "") == ""


def test_the_database_row_holds_ciphertext_and_the_model_plain_text(consultant_a):
    from django.db import connection

    case = make_case(consultant_a)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT full_name, document_number FROM desk_person WHERE id = %s",
            [case.person.pk.hex if connection.vendor == "sqlite" else case.person.pk],
        )
        name, number = cursor.fetchone()
    assert crypto.is_sealed(name) and "Zarina" not in name
    assert crypto.is_sealed(number) and "1234" not in number
    assert Person.objects.get(pk=case.person.pk).full_name == "Zarina Testova"


def test_plain_text_cannot_be_written_around_the_field(consultant_a):
    case = make_case(consultant_a)
    with pytest.raises(ValueError, match="plain text"):
        Person.objects.filter(pk=case.person.pk).update(full_name="Leaked Name")


def test_key_file_lines_are_validated(tmp_path):
    with pytest.raises(keys.KeysUnavailable, match="no index, audit key"):
        keys.parse(f"data k1 {keys.new_key()}\n", "test")
    with pytest.raises(keys.KeysUnavailable, match="32 bytes"):
        keys.parse("data k1 AAAA\nindex AAAA\naudit AAAA\n", "test")
