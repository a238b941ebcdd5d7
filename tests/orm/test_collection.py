"""Collection: Laravel's everyday API."""

from __future__ import annotations

import pytest

from parvel.orm import Collection, collect

ROWS = [
    {"name": "ann", "team": "a", "score": 3},
    {"name": "bob", "team": "b", "score": 5},
    {"name": "cid", "team": "a", "score": 1},
]


def test_map_filter_reject_pluck() -> None:
    c = collect([1, 2, 3, 4])
    assert c.map(lambda x: x * 2).to_list() == [2, 4, 6, 8]
    assert c.filter(lambda x: x % 2).to_list() == [1, 3]
    assert c.reject(lambda x: x % 2).to_list() == [2, 4]
    assert collect([0, 1, None]).filter().to_list() == [1]
    rows = collect(ROWS)
    assert rows.pluck("name").to_list() == ["ann", "bob", "cid"]
    assert rows.pluck("score", "name") == {"ann": 3, "bob": 5, "cid": 1}


def test_grouping_sorting_chunking() -> None:
    rows = collect(ROWS)
    assert list(rows.key_by("name")) == ["ann", "bob", "cid"]
    groups = rows.group_by("team")
    assert [r["name"] for r in groups["a"]] == ["ann", "cid"]
    assert rows.sort_by("score").pluck("name").to_list() == ["cid", "ann", "bob"]
    assert rows.sort_by_desc("score").first()["name"] == "bob"
    assert [len(ch) for ch in collect(range(5)).chunk(2)] == [2, 2, 1]
    with pytest.raises(ValueError, match="at least 1"):
        collect([1]).chunk(0)


def test_where_contains_aggregates() -> None:
    rows = collect(ROWS)
    assert rows.where("team", "a").count() == 2
    assert rows.where("score", ">", 2).pluck("name").to_list() == ["ann", "bob"]
    assert rows.where_in("name", ["bob"]).count() == 1
    assert rows.contains("name", "bob")
    assert not rows.contains(lambda r: r["score"] > 10)
    assert rows.sum("score") == 9
    assert rows.avg("score") == 3
    assert rows.min("score") == 1
    assert rows.max("score") == 5
    assert collect([]).avg() is None
    with pytest.raises(ValueError, match="Unknown operator"):
        rows.where("score", "~", 1)


def test_unique_values_partition_each_first_last() -> None:
    c = collect([1, 2, 2, 3, 1])
    assert c.unique().to_list() == [1, 2, 3]
    assert collect([{"a": [1]}, {"a": [1]}]).unique("a").count() == 1
    evens, odds = collect(range(5)).partition(lambda x: x % 2 == 0)
    assert evens.to_list() == [0, 2, 4]
    assert odds.to_list() == [1, 3]
    seen: list[int] = []
    collect([1, 2, 3]).each(lambda x: seen.append(x) if x < 2 else False)
    assert seen == [1]
    assert c.first(lambda x: x > 1) == 2
    assert c.last() == 1
    assert collect([]).first(default="none") == "none"
    assert c.values() == c
    assert c[1:3] == Collection([2, 2])
    assert collect([1, 2]).to_json() == "[1,2]"
    assert collect([{"a": 1}]).to_dict() == [{"a": 1}]
