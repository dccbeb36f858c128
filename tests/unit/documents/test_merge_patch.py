"""JSON Merge Patch: every example of RFC 7396, Appendix A, and the target left untouched."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from art52.documents.merge_patch import merge_patch, patch_setting

RFC_7396_APPENDIX_A = [
    ({"a": "b"}, {"a": "c"}, {"a": "c"}),
    ({"a": "b"}, {"b": "c"}, {"a": "b", "b": "c"}),
    ({"a": "b"}, {"a": None}, {}),
    ({"a": "b", "b": "c"}, {"a": None}, {"b": "c"}),
    ({"a": ["b"]}, {"a": "c"}, {"a": "c"}),
    ({"a": "c"}, {"a": ["b"]}, {"a": ["b"]}),
    ({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}, {"a": {"b": "d"}}),
    ({"a": [{"b": "c"}]}, {"a": [1]}, {"a": [1]}),
    (["a", "b"], ["c", "d"], ["c", "d"]),
    ({"a": "b"}, ["c"], ["c"]),
    ({"a": "foo"}, None, None),
    ({"a": "foo"}, "bar", "bar"),
    ({"e": None}, {"a": 1}, {"e": None, "a": 1}),
    ([1, 2], {"a": "b", "c": None}, {"a": "b"}),
    ({}, {"a": {"bb": {"ccc": None}}}, {"a": {"bb": {}}}),
]


@pytest.mark.parametrize(("target", "patch", "result"), RFC_7396_APPENDIX_A)
def test_the_rfc_examples(target: Any, patch: Any, result: Any) -> None:
    assert merge_patch(target, patch) == result


def test_the_target_is_not_modified() -> None:
    target = {"a": {"b": "c", "d": ["e"]}, "f": 1}
    kept = copy.deepcopy(target)
    merged = merge_patch(target, {"a": {"b": None, "d": ["x"]}, "f": None})
    assert merged == {"a": {"d": ["x"]}}
    assert target == kept


def test_a_patch_setting_dotted_fields_nests_them_and_merges_to_those_values() -> None:
    patch = patch_setting([("eevidence.validated_by", "judge"), ("eevidence.notified", True), ("title", "T")])
    assert patch == {"eevidence": {"validated_by": "judge", "notified": True}, "title": "T"}
    target = {"title": "S", "eevidence": {"validated_by": "none", "kept": 1}}
    assert merge_patch(target, patch) == {
        "title": "T",
        "eevidence": {"validated_by": "judge", "notified": True, "kept": 1},
    }
