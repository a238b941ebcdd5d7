from __future__ import annotations

import pytest
from markupsafe import Markup

from parvel.view.html import class_list, js, style_list, to_json


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("solo", "solo"),
        (["a", {"b": True, "c": False}, ("d", 1), ("e", 0)], "a b d"),
        ({"x": 1, "y": None}, "x"),
        ([], ""),
    ],
)
def test_class_list(value, expected):
    assert class_list(value) == expected


def test_style_list_adds_semicolons():
    assert style_list(["color: red", {"margin: 0;": True, "gap: 1px": False}]) == (
        "color: red; margin: 0;"
    )


def test_to_json_escapes_only_inside_strings():
    assert to_json({"a": "<'&\"\\"}) == '{"a":"\\u003C\\u0027\\u0026\\u0022\\\\"}'
    assert to_json([1, None, True]) == "[1,null,true]"


def test_js_values():
    assert js(None) == Markup("null")
    assert js(True) == Markup("true")
    assert js("a'b") == Markup("'a\\u0027b'")
    assert js([1]) == Markup("JSON.parse('[1]')")
