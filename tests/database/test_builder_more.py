"""Builder methods that complete Laravel's list: fail/or helpers, JSON keys, lateral joins."""

from typing import Any

import pytest

from parvel.database import Connection, DatabaseManager, RecordsNotFound, UnsupportedFeature

from .test_builder import seed


async def test_first_or_fail_find_or_sole_value_raw_value(connection: Connection) -> None:
    await seed(connection)
    users = connection.table
    row = await users("users").where("name", "Ann").first_or_fail()
    assert row["votes"] == 10
    with pytest.raises(RecordsNotFound):
        await users("users").where("name", "Nobody").first_or_fail()
    assert await users("users").find_or(999_999, lambda: "missing") == "missing"
    found = await users("users").find_or(row["id"], ["name"], lambda: "missing")
    assert found == {"name": "Ann"}
    assert await users("users").where("name", "Bob").sole_value("votes") == 5
    assert await users("users").where("name", "Bob").raw_value("upper(name)") == "BOB"
    assert await users("users").where("name", "Bob").exists_or(lambda: "no") is True
    assert await users("users").where("name", "Zed").exists_or(lambda: "no") == "no"
    assert await users("users").where("name", "Zed").doesnt_exist_or(lambda: "no") is True


async def test_json_key_and_overlap_clauses(connection: Connection) -> None:
    await seed(connection)
    users = connection.table
    assert await users("users").where_json_contains_key("meta->lang").count() == 2
    assert await users("users").where_json_contains_key("meta->missing").count() == 0
    assert await users("users").where_json_doesnt_contain_key("meta->lang").pluck("name") == ["Cid"]
    assert await users("users").where_json_overlaps("meta->tags", ["a", "z"]).pluck("name") == [
        "Ann"
    ]
    overlapping = users("users").where_json_overlaps("meta->tags", "b").order_by("name")
    assert await overlapping.pluck("name") == ["Ann", "Bob"]
    either = users("users").where("name", "Cid").or_where_json_length("meta->tags", ">", 1)
    assert await either.order_by("name").pluck("name") == ["Ann", "Cid"]


async def test_full_text_names_and_misc_where(connection: Connection) -> None:
    await seed(connection)
    users = connection.table
    sql = users("users").where_full_text("name", "x").or_where_full_text("email", "y")
    assert len(sql.wheres) == 2
    assert await users("users").where_integer_in_raw("votes", [10, 5]).count() == 2
    assert await users("users").where_integer_not_in_raw("votes", ["10"]).count() == 2
    with pytest.raises(ValueError):
        users("users").where_integer_in_raw("votes", ["1; drop table users"])
    assert await users("users").where_integer_in_raw("votes", []).count() == 0
    grouped = users("users").select("votes").group_by("votes")
    assert await grouped.having_not_between("votes", [1, 9]).order_by("votes").pluck("votes") == [
        0,
        10,
    ]
    either = users("users").select("votes").group_by("votes").having("votes", 0)
    assert await either.or_having_between("votes", [4, 6]).order_by("votes").pluck("votes") == [
        0,
        5,
    ]


async def test_update_or_insert_with_a_function(connection: Connection) -> None:
    def values(exists: bool) -> dict[str, Any]:
        return {"votes": 2} if exists else {"name": "Eve", "votes": 1}

    users = connection.table
    assert await users("users").update_or_insert({"email": "eve@x.io"}, values)
    assert await users("users").where("email", "eve@x.io").value("votes") == 1
    assert await users("users").update_or_insert({"email": "eve@x.io"}, values)
    assert await users("users").where("email", "eve@x.io").value("votes") == 2


async def test_lateral_joins(connection: Connection, driver: str) -> None:
    await seed(connection)
    latest = (
        connection.table("posts")
        .select("title")
        .where_column("posts.user_id", "users.id")
        .order_by("id", "desc")
        .limit(1)
    )
    if driver == "sqlite":
        with pytest.raises(UnsupportedFeature):
            connection.table("users").left_join_lateral(latest, "latest_post")
        return
    query = connection.table("users").left_join_lateral(latest, "latest_post")
    if driver == "mysql" and "mariadb" in str(await connection.scalar("select version()")).lower():
        pytest.skip("MariaDB has no LATERAL")
    rows = await query.order_by("name").get(["name", "title"])
    assert rows == [
        {"name": "Ann", "title": "Again"},
        {"name": "Bob", "title": "Bonjour"},
        {"name": "Cid", "title": None},
    ]


async def test_transaction_callback_without_arguments(manager: DatabaseManager) -> None:
    conn = manager.connection()
    await conn.statement("drop table if exists tx_probe")
    await conn.statement("create table tx_probe (n integer)")

    async def work() -> str:
        await manager.table("tx_probe").insert({"n": 1})
        return "done"

    assert await manager.transaction(work) == "done"
    assert await manager.table("tx_probe").count() == 1
    fired: list[float] = []
    manager.when_querying_for_longer_than(0, lambda c, e: fired.append(e.time))
    await manager.table("tx_probe").count()
    assert fired
    await conn.statement("drop table tx_probe")


def test_vector_similarity_sql(manager: DatabaseManager, driver: str) -> None:
    query = manager.table("documents")
    if driver != "pgsql":
        with pytest.raises(UnsupportedFeature):
            query.where_vector_similar_to("embedding", [0.1, 0.2], 0.4)
        return
    query.select("id").select_vector_distance("embedding", [1, 0], as_="distance")
    query.where_vector_similar_to("embedding", [0.1, 0.2], min_similarity=0.4)
    assert query.to_sql() == (
        'select "id", ("embedding" <=> cast(? as text)::vector) as "distance" '
        'from "documents" where ("embedding" <=> cast(? as text)::vector) <= ? '
        'order by ("embedding" <=> cast(? as text)::vector)'
    )
    assert query.get_bindings() == ["[1.0,0.0]", "[0.1,0.2]", 0.6, "[0.1,0.2]"]
