"""KeyedCollection: Laravel's collections of key/value pairs, as a dict subclass."""

from __future__ import annotations

from parvel.orm import Collection, KeyedCollection, collect

PRODUCT = {"product_id": 1, "name": "Desk", "price": 100, "discount": False}


def test_collect_a_dict_gives_a_keyed_collection_that_is_still_a_dict() -> None:
    c = collect(PRODUCT)
    assert isinstance(c, KeyedCollection)
    assert isinstance(c, dict)
    assert c == PRODUCT
    assert c.all() == PRODUCT
    assert list(c) == ["product_id", "name", "price", "discount"]
    assert dict(c.items())["name"] == "Desk"
    assert c.keys().all() == ["product_id", "name", "price", "discount"]
    assert isinstance(c.values(), Collection)
    assert c.count() == 4
    assert c.to_json().startswith('{"product_id":1')


def test_key_based_methods() -> None:
    c = collect(PRODUCT)
    assert c.only(["product_id", "name"]).all() == {"product_id": 1, "name": "Desk"}
    assert c.except_("price", "discount").all() == {"product_id": 1, "name": "Desk"}
    assert c.get("name") == "Desk"
    assert c.get("missing", "x") == "x"
    assert c.get("missing", lambda: "y") == "y"
    assert c.has("name", "price")
    assert not c.has(["name", "nope"])
    assert c.has_any(["nope", "name"])
    assert c.collect().put("color", "red").get("color") == "red"
    copy = c.collect()
    assert copy.forget("name").has("name") is False
    assert copy.pull("price") == 100
    assert "price" not in copy
    assert collect({"a": 1}).prepend(0, "z").all() == {"z": 0, "a": 1}
    assert collect({"a": 1, "b": 2}).search(2) == "b"
    assert collect({"a": 1}).search(5) is False


def test_methods_keep_keys_and_pass_them_to_callbacks() -> None:
    c = collect({"a": 1, "b": 2, "c": 3})
    assert c.map(lambda v: v * 10).all() == {"a": 10, "b": 20, "c": 30}
    assert c.map(lambda v, k: f"{k}{v}").all() == {"a": "a1", "b": "b2", "c": "c3"}
    assert c.filter(lambda v: v > 1).all() == {"b": 2, "c": 3}
    assert c.filter(lambda v, k: k != "a").keys().all() == ["b", "c"]
    assert c.reject(lambda v: v > 1).all() == {"a": 1}
    seen: list[str] = []
    c.each(lambda v, k: seen.append(k))
    assert seen == ["a", "b", "c"]
    assert c.first(lambda v, k: k == "b") == 2
    assert c.last() == 3
    assert c.map_with_keys(lambda v, k: {k.upper(): v}).all() == {"A": 1, "B": 2, "C": 3}
    assert c.flip().all() == {1: "a", 2: "b", 3: "c"}
    assert c.reduce(lambda carry, v, k: carry + k, "") == "abc"
    assert c.sum() == 6
    assert c.max() == 3
    assert c.avg() == 2
    assert c.contains(2)
    assert c.doesnt_contain(9)
    assert c.every(lambda v: v > 0)
    assert c.take(2).all() == {"a": 1, "b": 2}
    assert c.slice(1, 1).all() == {"b": 2}
    assert c.reverse().keys().all() == ["c", "b", "a"]


def test_merging_and_comparing() -> None:
    c = collect({"product_id": 1, "price": 100})
    assert c.merge({"price": 200, "discount": False}).all() == {
        "product_id": 1,
        "price": 200,
        "discount": False,
    }
    assert collect({1: "a", 2: "b"}).union({3: "c", 1: "d"}).all() == {1: "a", 2: "b", 3: "c"}
    colors = collect({"color": "orange", "type": "fruit", "remain": 6})
    assert colors.diff_assoc({"color": "yellow", "type": "fruit", "remain": 3}).all() == {
        "color": "orange",
        "remain": 6,
    }
    assert colors.diff_keys({"type": 1}).keys().all() == ["color", "remain"]
    assert colors.intersect_by_keys({"type": 0, "year": 1}).all() == {"type": "fruit"}
    assert colors.diff(["fruit"]).keys().all() == ["color", "remain"]
    assert colors.intersect(["fruit", 6]).all() == {"type": "fruit", "remain": 6}


def test_sorting_and_dot_notation() -> None:
    c = collect({"id": 22345, "first": "John", "last": "Doe"})
    assert list(c.sort_keys()) == ["first", "id", "last"]
    assert list(c.sort_keys_desc()) == ["last", "id", "first"]
    scores = collect({"b": 3, "a": 1, "c": 2})
    assert scores.sort().all() == {"a": 1, "c": 2, "b": 3}
    assert list(scores.sort_desc()) == ["b", "c", "a"]
    assert list(scores.sort(lambda x, y: y - x)) == ["b", "c", "a"]
    nested = collect({"products": {"desk": {"price": 100}}})
    assert nested.dot().all() == {"products.desk.price": 100}
    assert collect({"name.first": "Ann", "name.last": "Lee"}).undot().all() == {
        "name": {"first": "Ann", "last": "Lee"}
    }


def test_list_methods_answer_keyed_collections() -> None:
    rows = collect([{"id": 1, "team": "a"}, {"id": 2, "team": "b"}, {"id": 3, "team": "a"}])
    keyed = rows.key_by("id")
    assert isinstance(keyed, KeyedCollection)
    assert keyed.keys().all() == [1, 2, 3]
    assert keyed.get(2)["team"] == "b"
    groups = rows.group_by("team")
    assert groups.map(lambda g: g.count()).all() == {"a": 2, "b": 1}
    assert groups.to_array() == {
        "a": [{"id": 1, "team": "a"}, {"id": 3, "team": "a"}],
        "b": [{"id": 2, "team": "b"}],
    }
    assert rows.pluck("team", "id").all() == {1: "a", 2: "b", 3: "a"}
    assert rows.count_by("team").all() == {"a": 2, "b": 1}
    assert collect(["name", "age"]).combine(["ann", 30]).all() == {"name": "ann", "age": 30}
    flipped = collect(["a", "b"]).flip()
    assert flipped.all() == {"a": 0, "b": 1}
    assert flipped.when(True, lambda c: c.put("c", 2)).count() == 3


def test_recursive_merges_and_key_sorting() -> None:
    c = collect({"product_id": 1, "price": 100})
    assert c.merge_recursive({"product_id": 2, "price": 200, "discount": False}).all() == {
        "product_id": [1, 2],
        "price": [100, 200],
        "discount": False,
    }
    nested = collect({"a": {"x": 1, "y": 2}, "b": 3})
    assert nested.replace_recursive({"a": {"y": 9}}).all() == {"a": {"x": 1, "y": 9}, "b": 3}
    assert collect({"a": 1}).replace({"a": 2, "b": 3}).all() == {"a": 2, "b": 3}
    assert list(collect({"b": 1, "a": 2}).sort_keys_using(lambda x, y: (x > y) - (x < y))) == [
        "a",
        "b",
    ]
    assert collect([{"a": 1}, {"b": 2}]).collapse_with_keys().all() == {"a": 1, "b": 2}
    assert collect([1, 2, 3]).reduce_spread(
        lambda total, count, x: (total + x, count + 1), 0, 0
    ) == [
        6,
        3,
    ]


def test_make_of_a_dict() -> None:
    assert isinstance(Collection.make({"a": 1}), KeyedCollection)
    assert Collection.make([1]).all() == [1]


def test_using_variants() -> None:
    same_case = lambda a, b: 0 if str(a).lower() == str(b).lower() else 1  # noqa: E731
    c = collect({"Color": "red", "Size": "M"})
    assert c.diff_assoc_using({"color": "red"}, same_case).all() == {"Size": "M"}
    assert c.intersect_assoc_using({"color": "red"}, same_case).all() == {"Color": "red"}
    assert collect(["A", "b"]).intersect_using(["a"], same_case).all() == ["A"]
