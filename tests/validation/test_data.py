from __future__ import annotations

from parvel.validation._data import MISSING, build_nested, expand, get_path, replace_stars


def test_get_path() -> None:
    data = {"a": {"b": [10, {"c": None}]}, "n": {1: "int key"}}
    assert get_path(data, "a.b.0") == 10
    assert get_path(data, "a.b.1.c") is None
    assert get_path(data, "a.b.5") is MISSING
    assert get_path(data, "a.b.x") is MISSING
    assert get_path(data, "a.b.0.z") is MISSING
    assert get_path(data, "n.1") == "int key"
    assert get_path(None, "a") is MISSING
    assert not MISSING
    assert repr(MISSING) == "MISSING"


def test_expand() -> None:
    data = {"items": [{"qty": 1}, {"x": 2}], "map": {"k1": {"v": 1}, "k2": {"v": 2}}}
    assert expand(data, "items.*.qty") == [("items.0.qty", ("0",)), ("items.1.qty", ("1",))]
    assert expand(data, "map.*.v") == [("map.k1.v", ("k1",)), ("map.k2.v", ("k2",))]
    assert expand(data, "missing.*.v") == []
    assert expand(data, "items.*.qty.*") == []
    assert expand({"a": [[1, 2], [3]]}, "a.*.*") == [
        ("a.0.0", ("0", "0")),
        ("a.0.1", ("0", "1")),
        ("a.1.0", ("1", "0")),
    ]


def test_replace_stars() -> None:
    assert replace_stars("rows.*.b.*.c", ("3", "4")) == "rows.3.b.4.c"
    assert replace_stars("rows.*.b", ()) == "rows.*.b"
    assert replace_stars("plain", ("1",)) == "plain"


def test_build_nested_keeps_lists_in_order() -> None:
    data = {"items": [{"a": 1, "b": 2}, {"a": 3}, {"a": 5}], "x": {"y": 1, "z": 2}, "n": {1: "v"}}
    result = build_nested(data, ["items.2.a", "items.0.a", "x.y", "missing", "n.1"])
    assert result == {"items": [{"a": 1}, {"a": 5}], "x": {"y": 1}, "n": {1: "v"}}
    assert build_nested(data, ["items", "items.0.a"]) == {"items": data["items"]}
    assert build_nested(data, ["items.0.a", "items"]) == {"items": data["items"]}
    assert build_nested([1], ["0"]) == {}
