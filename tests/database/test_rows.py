from parvel.database._rows import rows_to_dicts


def test_rows_become_dicts_in_column_order() -> None:
    rows = [(1, "a"), (2, "b")]
    assert rows_to_dicts(rows, ["id", "name"]) == [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]
    assert list(rows_to_dicts(rows, ["id", "name"])[0]) == ["id", "name"]


def test_odd_column_names_are_plain_keys() -> None:
    keys = ["count(*)", "x'); import os; ('", "class", "a b", ""]
    assert rows_to_dicts([(1, 2, 3, 4, 5)], keys) == [dict(zip(keys, (1, 2, 3, 4, 5), strict=True))]


def test_single_column_duplicate_and_empty() -> None:
    assert rows_to_dicts([(7,)], ["n"]) == [{"n": 7}]
    assert rows_to_dicts([(1, 2)], ["id", "id"]) == [{"id": 2}]
    assert rows_to_dicts([], ["id"]) == []
    assert rows_to_dicts([()], []) == [{}]
