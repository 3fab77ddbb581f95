"""Identifiers for person resolution: phones (E.164), emails, handles, registrations, names."""

from __future__ import annotations


def _ids(read, text: str) -> set[tuple[str, str]]:
    return {(i.kind, i.value) for i in read(text).identifiers}


def test_phone_numbers_normalised(read) -> None:
    ids = _ids(read, "SUSP TEL 07700 900123, also uses +44 7700 900456.")
    assert ("phone", "+447700900123") in ids
    assert ("phone", "+447700900456") in ids


def test_email_lower_case(read) -> None:
    assert ("email", "dark.knight77@example.net") in _ids(read, "SUSP EMAIL IS DARK.KNIGHT77@EXAMPLE.NET")


def test_handle_without_at(read) -> None:
    ids = _ids(read, "Messages came from @Lonely_Wolf_88 on Instagram; his username is shadow_99.")
    assert ("handle", "lonely_wolf_88") in ids
    assert ("handle", "shadow_99") in ids


def test_uk_registration(read) -> None:
    assert ("vrm", "AB12CDE") in _ids(read, "VEH REG AB12 CDE SEEN PARKED O/S.")


def test_names_after_cues(read) -> None:
    assert ("name", "Daniel Okafor") in _ids(read, "The suspect, named as Daniel Okafor, drives a van.")
    assert ("name", "Jack Prentice") in _ids(read, "SUSP JACK PRENTICE DOB 02/03/1990 IS IPS NEIGHBOUR.")


def test_capitals_are_not_names(read) -> None:
    names = {v for k, v in _ids(read, "SUSP PUNCHED IP. SUSP HAS BEEN ARRESTED.") if k == "name"}
    assert names == set()


def test_identifier_spans(read) -> None:
    text = "Her ex, known as Sam Hart, texts from 07700 900789."
    for ident in read(text).identifiers:
        assert text[ident.span.start : ident.span.end] == ident.span.text
