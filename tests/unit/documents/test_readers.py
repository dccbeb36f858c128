"""Strict reading: encodings, duplicate keys with line and pointer, RFC 6901 pointers."""

from __future__ import annotations

import codecs
import textwrap
from pathlib import Path

import pytest
from rulebook_fixtures import add_law_tables

from art52.documents.json_reader import load_json
from art52.documents.pointer import json_pointer
from art52.documents.text import decode_text
from art52.documents.yaml_reader import load_yaml
from art52.errors import DocumentError, RulebookError
from art52.rulebook.loader import load_rulebook


@pytest.mark.parametrize(
    ("parts", "pointer"),
    [
        ([], ""),
        (["a"], "/a"),
        (["a/b", "c~d"], "/a~1b/c~0d"),
        (["~1"], "/~01"),  # "~" is escaped first, so "~1" stays two characters
        (["data", "categories", 0], "/data/categories/0"),
        ([""], "/"),
    ],
)
def test_json_pointer_escapes_as_rfc_6901(parts: list[str | int], pointer: str) -> None:
    assert json_pointer(parts) == pointer


@pytest.mark.parametrize(
    "encoded",
    [
        '{"title": "Überwachung"}'.encode(),
        codecs.BOM_UTF8 + '{"title": "Überwachung"}'.encode(),
        '{"title": "Überwachung"}'.encode("utf-16"),
        '{"title": "Überwachung"}'.encode("utf-16-le"),
        '{"title": "Überwachung"}'.encode("utf-16-be"),
        '{"title": "Überwachung"}'.encode("utf-32"),
    ],
)
def test_utf8_with_or_without_bom_and_utf16_are_read(encoded: bytes) -> None:
    assert load_json(decode_text(encoded)) == {"title": "Überwachung"}


def test_another_encoding_is_refused_naming_byte_and_position() -> None:
    with pytest.raises(DocumentError) as caught:
        decode_text('{\n  "title": "Überwachung"\n}'.encode("latin-1"))
    assert caught.value.line == 2
    assert "not valid UTF-8 text (byte 0xdc at line 2, column 13)" in str(caught.value)


def test_duplicate_json_key_names_line_and_escaped_pointer() -> None:
    text = '{"data": {"categories": [],\n "a/b": 1,\n "a/b": 2}}'
    with pytest.raises(DocumentError) as caught:
        load_json(text)
    assert (caught.value.line, caught.value.pointer) == (3, "/data/a~1b")
    assert "duplicate key 'a/b' at line 3" in str(caught.value)


def test_duplicate_json_key_inside_a_list() -> None:
    with pytest.raises(DocumentError) as caught:
        load_json('{"x": [{"k": 1}, {"k": 1}, {"k": 1,\n"k": 2}]}')
    assert (caught.value.line, caught.value.pointer) == (2, "/x/2/k")


def test_equal_keys_in_different_objects_are_not_duplicates() -> None:
    assert load_json('{"a": {"k": 1}, "b": {"k": 2}, "k": 3}') == {"a": {"k": 1}, "b": {"k": 2}, "k": 3}


def test_json_syntax_error_has_a_line() -> None:
    with pytest.raises(DocumentError) as caught:
        load_json('{\n"a": 1,\n}')
    assert caught.value.line == 3
    assert caught.value.pointer is None


def test_nan_is_not_json() -> None:
    with pytest.raises(DocumentError, match="NaN is not valid JSON"):
        load_json('{"a": NaN}')


def test_duplicate_yaml_key_names_line_and_pointer() -> None:
    with pytest.raises(DocumentError) as caught:
        load_yaml("title: x\ndata:\n  categories: [traffic]\n  categories: [content]\n")
    assert (caught.value.line, caught.value.pointer) == (4, "/data/categories")
    assert "first given at line 3" in str(caught.value)


def test_unquoted_yaml_date_is_the_date_as_written() -> None:
    data, _node = load_yaml("assessment_date: 2024-01-01\n")
    assert data == {"assessment_date": "2024-01-01"}


def test_a_rule_with_two_when_keys_rejects_the_rulebook_naming_file_line_and_rule(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(
        "- id: s\n  short: S\n  title: S\n  authority: C\n  kind: judgment\n  date: 2000-01-01\n"
    )
    add_law_tables(tmp_path)
    (tmp_path / "legality.yaml").write_text(
        textwrap.dedent(
            """\
            - id: TST-001
              version: 1
              title: A rule
              principle: legality
              status: settled
              when:
                legal_basis.exists: {eq: false}
              when:
                legal_basis.exists: {eq: true}
              then: {effect: violation, explanation: No basis.}
              sources: [{ref: s, pinpoint: para. 1}]
            """
        )
    )
    with pytest.raises(RulebookError) as caught:
        load_rulebook(tmp_path)
    [issue] = caught.value.issues
    assert (Path(issue.file).name, issue.line, issue.rule_id) == ("legality.yaml", 8, "TST-001")
    assert "duplicate key 'when'" in issue.message
