"""Collection: the rest of Laravel's documented methods, translated to a list-backed class."""

from __future__ import annotations

import pytest

from parvel.orm import Collection, ItemNotFound, MultipleItemsFound, collect

ROWS = [
    {"name": "ann", "team": "a", "score": 3, "email": None},
    {"name": "bob", "team": "b", "score": 5, "email": "b@x"},
    {"name": "cid", "team": "a", "score": 1, "email": "c@x"},
]


def test_callbacks_may_take_the_index_like_laravels_key() -> None:
    c = collect(["a", "b", "c"])
    assert c.map(lambda v, i: f"{i}{v}").all() == ["0a", "1b", "2c"]
    assert c.filter(lambda v, i: i != 1).all() == ["a", "c"]
    assert c.reject(lambda v, i: i == 0).all() == ["b", "c"]
    assert c.first(lambda v, i: i == 2) == "c"
    seen: list[int] = []
    c.each(lambda v, i: seen.append(i))
    assert seen == [0, 1, 2]
    assert collect([]).first() is None
    assert c.last() == "c"


def test_reading() -> None:
    c = collect([1, 2, 3, 4])
    assert c.get(1) == 2
    assert c.get(9, "x") == "x"
    assert c.get(9, lambda: "y") == "y"
    assert c.has(0, 3)
    assert not c.has(4)
    assert c.has_any([9, 1])
    assert c.keys().all() == [0, 1, 2, 3]
    assert c.search(3) == 2
    assert c.search(9) is False
    assert c.search(lambda x: x > 2) == 2
    assert collect(["1", 1]).search(1, strict=True) == 1
    assert c.after(2) == 3
    assert c.after(4) is None
    assert c.before(2) == 1
    assert c.before(1) is None
    assert c.nth(2).all() == [1, 3]
    assert c.nth(2, 1).all() == [2, 4]
    rows = collect(ROWS)
    assert rows.first_where("team", "a")["name"] == "ann"
    assert rows.first_where("score", ">", 3)["name"] == "bob"
    assert rows.first_where("team", "z") is None
    assert rows.value("email") == "b@x"
    assert rows.value("nope", 0) == 0
    assert c.random() in c.all()
    assert sorted(c.random(4).all()) == [1, 2, 3, 4]
    with pytest.raises(ValueError, match="only 4 items"):
        c.random(5)


def test_first_or_fail_and_sole() -> None:
    c = collect([1, 2, 3])
    assert c.first_or_fail() == 1
    assert c.first_or_fail(lambda x: x > 1) == 2
    assert collect(ROWS).sole("name", "bob")["score"] == 5
    assert c.sole(lambda x: x == 2) == 2
    with pytest.raises(ItemNotFound):
        c.first_or_fail(lambda x: x > 5)
    with pytest.raises(MultipleItemsFound):
        c.sole(lambda x: x > 1)
    with pytest.raises(ItemNotFound):
        collect([]).sole()


def test_tests() -> None:
    c = collect([1, 2, 3])
    assert c.every(lambda x: x > 0)
    assert not c.every(lambda x: x > 1)
    assert collect(ROWS).every("score", ">", 0)
    assert c.some(2)
    assert c.doesnt_contain(5)
    assert collect(ROWS).doesnt_contain("team", "z")
    assert collect([1, "1"]).contains_strict("1")
    assert not collect([1]).contains_strict("1")
    assert collect([True]).doesnt_contain_strict(1)
    assert collect([1]).contains_one_item()
    assert not c.contains_one_item()
    assert c.contains_one_item(lambda x: x == 3)
    assert c.contains_many_items()


def test_where_family() -> None:
    rows = collect(ROWS)
    assert rows.where_between("score", [2, 5]).pluck("name").all() == ["ann", "bob"]
    assert rows.where_not_between("score", [2, 5]).pluck("name").all() == ["cid"]
    assert rows.where_null("email").pluck("name").all() == ["ann"]
    assert rows.where_not_null("email").count() == 2
    assert collect([1, None, 2]).where_not_null().all() == [1, 2]
    assert collect([{"v": 1}, {"v": "1"}]).where_strict("v", 1).count() == 1
    assert collect([{"v": 1}, {"v": "1"}]).where_in_strict("v", ["1"]).all() == [{"v": "1"}]
    assert collect([{"v": 1}, {"v": "1"}]).where_not_in_strict("v", [1]).all() == [{"v": "1"}]
    assert collect([1, "a", 2.0]).where_instance_of(str).all() == ["a"]


def test_slicing() -> None:
    c = collect([1, 2, 3, 4, 5, 6])
    assert c.skip(4).all() == [5, 6]
    assert c.slice(4).all() == [5, 6]
    assert c.slice(1, 2).all() == [2, 3]
    assert c.slice(-2).all() == [5, 6]
    assert c.for_page(2, 4).all() == [5, 6]
    assert c.take_while(lambda x: x < 3).all() == [1, 2]
    assert c.take_until(3).all() == [1, 2]
    assert c.skip_while(lambda x: x < 5).all() == [5, 6]
    assert c.skip_until(5).all() == [5, 6]
    assert c.split(4).to_list() == [[1, 2], [3, 4], [5], [6]]
    assert collect([1, 2, 3, 4, 5]).split_in(2).to_list() == [[1, 2, 3], [4, 5]]
    assert c.sliding(3, step=2).to_list() == [[1, 2, 3], [3, 4, 5]]
    runs = collect(list("AABBCD")).chunk_while(lambda v, i, chunk: chunk.last() == v)
    assert runs.to_list() == [["A", "A"], ["B", "B"], ["C"], ["D"]]
    assert collect([1, 2]).pad(4, 0).all() == [1, 2, 0, 0]
    assert collect([1, 2]).pad(-4, 0).all() == [0, 0, 1, 2]


def test_in_place_changes() -> None:
    c = collect([1, 2, 3, 4, 5])
    assert c.pop() == 5
    assert c.pop(2).all() == [4, 3]
    assert c.all() == [1, 2]
    c = collect([1, 2, 3])
    assert c.shift() == 1
    assert c.shift(2).all() == [2, 3]
    assert c.is_empty()
    c = collect([2]).prepend(1).put(2, 3).push(4)
    assert c.all() == [1, 2, 3, 4]
    assert c.pull(0) == 1
    assert c.pull(9, "d") == "d"
    assert c.forget(0).all() == [3, 4]
    c = collect([1, 2, 3, 4])
    assert c.splice(1, 2, ["x"]).all() == [2, 3]
    assert c.all() == [1, "x", 4]
    assert collect([1, 2]).transform(lambda x: x * 10).all() == [10, 20]
    assert sorted(collect([1, 2, 3]).shuffle().all()) == [1, 2, 3]
    assert collect([1, 2, 3]).shuffle(seed=7) == collect([1, 2, 3]).shuffle(seed=7)


def test_transformation() -> None:
    c = collect([1, 2, 3])
    assert c.reduce(lambda carry, x: carry + x, 0) == 6
    assert c.reduce(lambda carry, x, i: carry + i, 0) == 3
    assert c.flat_map(lambda x: [x, x]).all() == [1, 1, 2, 2, 3, 3]
    assert collect([1, [2, [3, [4]]]]).flatten().all() == [1, 2, 3, 4]
    assert collect([1, [2, [3]]]).flatten(1).all() == [1, 2, [3]]
    assert collect([{"a": [1, 2]}, {"b": 3}]).flatten().all() == [1, 2, 3]
    assert collect([[1, 2], collect([3])]).collapse().all() == [1, 2, 3]
    assert collect([[1, 2], [3, 4]]).map_spread(lambda a, b: a + b).all() == [3, 7]
    assert collect(ROWS).map_with_keys(lambda r: {r["name"]: r["score"]}) == {
        "ann": 3,
        "bob": 5,
        "cid": 1,
    }
    assert collect(ROWS).map_with_keys(lambda r: (r["name"], r["team"]))["bob"] == "b"
    groups = collect(ROWS).map_to_groups(lambda r: {r["team"]: r["name"]})
    assert {k: v.all() for k, v in groups.items()} == {"a": ["ann", "cid"], "b": ["bob"]}
    assert collect(ROWS).count_by("team") == {"a": 2, "b": 1}
    assert collect(["x", "y", "x"]).count_by() == {"x": 2, "y": 1}
    assert collect(["a", "b"]).flip() == {"a": 0, "b": 1}
    assert collect(["name", "age"]).combine(["ann", 30]) == {"name": "ann", "age": 30}
    assert collect([1, 2]).zip(["a", "b"]).to_list() == [[1, "a"], [2, "b"]]
    assert collect([1, 2]).cross_join(["a", "b"]).all() == [
        [1, "a"],
        [1, "b"],
        [2, "a"],
        [2, "b"],
    ]
    assert c.concat([4]).all() == [1, 2, 3, 4]
    assert c.multiply(2).count() == 6
    assert c.diff([2, 9]).all() == [1, 3]
    assert c.intersect([3, 2, 9]).all() == [2, 3]
    assert collect(["a", "b", "a", "c", "b"]).duplicates() == {2: "a", 4: "b"}
    assert collect([1, "1"]).duplicates_strict() == {}
    assert collect([1, "1", 1]).unique_strict().all() == [1, "1"]
    assert collect(["a", "b", "c"]).replace({1: "B", 3: "d"}).all() == ["a", "B", "c", "d"]
    assert collect(ROWS).select("name", "team").first() == {"name": "ann", "team": "a"}
    assert collect([1, 2]).map_into(str).all() == ["1", "2"]


def test_ordering_and_statistics() -> None:
    c = collect([3, 1, 2])
    assert c.sort().all() == [1, 2, 3]
    assert c.sort_desc().all() == [3, 2, 1]
    assert c.sort(lambda a, b: b - a).all() == [3, 2, 1]
    assert c.sort_keys().all() == [3, 1, 2]
    assert c.sort_keys_desc().all() == [2, 1, 3]
    assert collect([1, 1, 2, 4]).median() == 1.5
    assert collect(ROWS).median("score") == 3
    assert collect([1, 1, 2, 2, 3]).mode() == [1, 2]
    assert collect([]).mode() is None
    assert collect([1, 1, 2, 2, 3]).percentage(lambda x: x == 1) == 40.0
    assert collect([]).percentage(lambda x: True) is None


def test_flow_and_construction() -> None:
    c = collect([1, 2])
    assert c.when(True, lambda col, value: col.push(3)).all() == [1, 2, 3]
    assert c.when(False, lambda col: col.push(9), lambda col: col.push(4)).all() == [1, 2, 3, 4]
    assert c.unless(True, lambda col: col.push(9)).count() == 4
    assert collect([]).when_empty(lambda col: col.push("none")).all() == ["none"]
    assert collect([1]).when_not_empty(lambda col: col.push(2)).all() == [1, 2]
    assert collect([1]).unless_empty(lambda col: col.push(2)).all() == [1, 2]
    assert c.pipe(lambda col: col.sum()) == 10
    assert c.pipe_through([lambda col: col.sum(), lambda n: n * 2]) == 20
    assert c.pipe_into(list) == [1, 2, 3, 4]
    tapped: list[int] = []
    assert c.tap(lambda col: tapped.append(col.count())) is c
    assert tapped == [4]
    assert c.ensure(int) is c
    with pytest.raises(TypeError, match="position 1"):
        collect([1, "a"]).ensure(int)
    assert Collection.make([1]).all() == [1]
    assert Collection.times(3, lambda n: n * 2).all() == [
        2,
        4,
        6,
    ]
    assert Collection.range(3, 5).all() == [3, 4, 5]
    assert Collection.wrap(1).all() == [1]
    assert Collection.wrap(c) is c
    assert Collection.unwrap(c) == [1, 2, 3, 4]
    assert Collection.from_json("[1, 2]").all() == [1, 2]
    assert c.join(", ", " and ") == "1, 2, 3 and 4"
    assert collect([1]).join(", ", " and ") == "1"
    assert c.to_array() == [1, 2, 3, 4]
    assert '"' not in c.to_pretty_json()
    copy = c.collect()
    assert copy == c
    assert copy is not c


def test_macros() -> None:
    Collection.macro("to_upper", lambda self: self.map(str.upper))
    try:
        assert collect(["a"]).to_upper().all() == ["A"]  # type: ignore[attr-defined]
        assert Collection.has_macro("to_upper")
    finally:
        delattr(Collection, "to_upper")
