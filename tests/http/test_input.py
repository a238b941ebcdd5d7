from parvel.http._input import assign, blank, dig, transform_strings


def test_assign_builds_lists_and_nested_dicts() -> None:
    data: dict = {}
    assign(data, "tags[]", ["a"])
    assign(data, "tags[]", ["b"])
    assign(data, "user[name]", ["Ann"])
    assign(data, "user[address][city]", ["Oslo"])
    assign(data, "plain", ["1", "2"])
    assign(data, "[]", ["odd"])
    assert data == {
        "tags": ["a", "b"],
        "user": {"name": "Ann", "address": {"city": "Oslo"}},
        "plain": "2",
        "[]": "odd",
    }


def test_dig_and_blank() -> None:
    data = {"a": {"b": [10, {"c": "x"}]}, "d.e": 1}
    assert dig(data, "a.b.1.c", None) == "x"
    assert dig(data, "a.b.5", "missing") == "missing"
    assert dig(data, "d.e", None) == 1
    assert blank(" ")
    assert blank([])
    assert not blank(0)


def test_transform_strings_reaches_nested_values() -> None:
    data = {"a": " x ", "b": [" y "], "c": {"d": " z "}, "n": 1}
    transform_strings(data, lambda key, value: value.strip())
    assert data == {"a": "x", "b": ["y"], "c": {"d": "z"}, "n": 1}
