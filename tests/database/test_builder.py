"""The query builder against real SQLite, PostgreSQL and MariaDB."""

import pytest

from parvel.database import (
    Connection,
    MultipleRecordsFound,
    RecordsNotFound,
    UniqueConstraintViolation,
    UnsupportedFeature,
)


async def seed(conn: Connection) -> None:
    await conn.table("users").insert(
        [
            {
                "name": "Ann",
                "email": "ann@x.io",
                "votes": 10,
                "meta": {"lang": "en", "tags": ["a", "b"], "active": True},
            },
            {
                "name": "Bob",
                "email": "bob@x.io",
                "votes": 5,
                "meta": {"lang": "fr", "tags": ["b"], "active": False},
            },
            {"name": "Cid", "email": "cid@x.io", "votes": 0, "meta": None},
        ]
    )
    ids = {r["name"]: r["id"] for r in await conn.table("users").get(["id", "name"])}
    await conn.table("posts").insert(
        [
            {"user_id": ids["Ann"], "title": "Hello"},
            {"user_id": ids["Ann"], "title": "Again"},
            {"user_id": ids["Bob"], "title": "Bonjour"},
        ]
    )


async def test_get_first_find_value_pluck(connection: Connection) -> None:
    await seed(connection)
    users = connection.table("users")
    rows = await users.where("votes", ">", 1).order_by("name").get(["name", "votes"])
    assert rows == [{"name": "Ann", "votes": 10}, {"name": "Bob", "votes": 5}]
    first = await connection.table("users").where("name", "Bob").first()
    assert first is not None
    assert first["email"] == "bob@x.io"
    found = await connection.table("users").find(first["id"])
    assert found is not None
    assert found["name"] == "Bob"
    assert await connection.table("users").find(999_999) is None
    assert await connection.table("users").where("name", "Cid").value("email") == "cid@x.io"
    assert await connection.table("users").order_by("name").pluck("name") == ["Ann", "Bob", "Cid"]
    assert await connection.table("users").pluck("votes", "name") == {"Ann": 10, "Bob": 5, "Cid": 0}


async def test_sole(connection: Connection) -> None:
    await seed(connection)
    assert (await connection.table("users").where("name", "Ann").sole())["votes"] == 10
    with pytest.raises(RecordsNotFound):
        await connection.table("users").where("name", "Zed").sole()
    with pytest.raises(MultipleRecordsFound):
        await connection.table("users").sole()


async def test_aggregates(connection: Connection) -> None:
    await seed(connection)
    users = connection.table("users")
    assert await users.count() == 3
    assert await users.where("votes", ">", 0).count() == 2
    assert await connection.table("users").max("votes") == 10
    assert await connection.table("users").min("votes") == 0
    assert int(await connection.table("users").sum("votes")) == 15
    assert float(await connection.table("users").avg("votes")) == 5.0
    assert await connection.table("users").where("votes", ">", 100).sum("votes") == 0
    assert await connection.table("users").where("name", "Ann").exists()
    assert await connection.table("users").where("name", "Zed").doesnt_exist()
    grouped = connection.table("posts").select("user_id").group_by("user_id")
    assert await grouped.count() == 2


async def test_where_variants(connection: Connection) -> None:
    await seed(connection)

    async def names(builder) -> list[str]:
        return sorted(r["name"] for r in await builder.get(["name"]))

    t = connection.table
    assert await names(t("users").where_in("name", ["Ann", "Cid"])) == ["Ann", "Cid"]
    assert await names(t("users").where_not_in("name", ["Ann"])) == ["Bob", "Cid"]
    assert await names(t("users").where_null("meta")) == ["Cid"]
    assert await names(t("users").where_between("votes", [1, 10])) == ["Ann", "Bob"]
    assert await names(t("users").where_not_between("votes", [1, 9])) == ["Ann", "Cid"]
    assert await names(t("users").where("votes", 5).or_where("votes", 0)) == ["Bob", "Cid"]
    assert await names(t("users").where_not("votes", ">", 4)) == ["Cid"]
    grouped = (
        t("users")
        .where("votes", ">", 0)
        .where(lambda q: q.where("name", "Ann").or_where("name", "Cid"))
    )
    assert await names(grouped) == ["Ann"]
    with_posts = t("users").where_exists(
        lambda q: q.select_raw("1").from_("posts").where_column("posts.user_id", "users.id")
    )
    assert await names(with_posts) == ["Ann", "Bob"]
    sub = t("users").where_in(
        "id", lambda q: q.select("user_id").from_("posts").where("title", "Bonjour")
    )
    assert await names(sub) == ["Bob"]
    assert await names(t("users").where_like("name", "a%")) == ["Ann"]
    assert await names(t("users").where_like("name", "a%", case_sensitive=True)) == []
    assert await names(t("users").where_not_like("email", "%bob%")) == ["Ann", "Cid"]
    assert await names(t("users").where_column("name", "<>", "email")) == ["Ann", "Bob", "Cid"]


async def test_json_paths_and_contains(connection: Connection) -> None:
    await seed(connection)

    async def names(builder) -> list[str]:
        return sorted(r["name"] for r in await builder.get(["name"]))

    t = connection.table
    assert await names(t("users").where("meta->lang", "fr")) == ["Bob"]
    assert await names(t("users").where_json_contains("meta->tags", "a")) == ["Ann"]
    assert await names(t("users").where_json_contains("meta->tags", ["b"])) == ["Ann", "Bob"]
    assert await names(
        t("users").where_not_null("meta").where_json_doesnt_contain("meta->tags", "a")
    ) == ["Bob"]
    assert await names(t("users").where("meta->active", True)) == ["Ann"]
    assert await names(t("users").where_json_length("meta->tags", ">", 1)) == ["Ann"]
    assert await t("users").where("name", "Bob").value("meta->lang") == "fr"


async def test_dates(connection: Connection) -> None:
    await connection.table("users").insert(
        [
            {"name": "Old", "created_at": "2023-02-03 10:00:00"},
            {"name": "New", "created_at": "2024-12-25 08:30:00"},
        ]
    )

    async def names(builder) -> list[str]:
        return sorted(r["name"] for r in await builder.get(["name"]))

    t = connection.table
    assert await names(t("users").where_date("created_at", "2024-12-25")) == ["New"]
    assert await names(t("users").where_year("created_at", 2023)) == ["Old"]
    assert await names(t("users").where_month("created_at", 2)) == ["Old"]
    assert await names(t("users").where_day("created_at", "25")) == ["New"]
    assert await names(t("users").where_time("created_at", ">", "09:00:00")) == ["Old"]


async def test_joins_group_having_union(connection: Connection) -> None:
    await seed(connection)
    rows = (
        await connection.table("users")
        .join("posts", "users.id", "=", "posts.user_id")
        .select("users.name", connection.raw("count(*) as total"))
        .group_by("users.name")
        .having_raw("count(*) > ?", [1])
        .get()
    )
    assert rows == [{"name": "Ann", "total": 2}]
    left = (
        await connection.table("users")
        .left_join("posts", "users.id", "posts.user_id")
        .where_null("posts.id")
        .pluck("name")
    )
    assert left == ["Cid"]
    union = (
        connection.table("users").select("name").where("votes", 10)
        .union(connection.table("users").select("name").where("votes", 0))
    )  # fmt: skip
    assert sorted(r["name"] for r in await union.get()) == ["Ann", "Cid"]
    counts = (
        connection.table("posts")
        .select("user_id", connection.raw("count(*) as n"))
        .group_by("user_id")
    )
    joined = (
        await connection.table("users")
        .join_sub(counts, "c", "users.id", "=", "c.user_id")
        .order_by("name")
        .pluck("n")
    )
    assert [int(n) for n in joined] == [2, 1]


async def test_limit_offset_order(connection: Connection) -> None:
    await seed(connection)
    t = connection.table
    assert await t("users").order_by("votes").skip(1).take(1).pluck("name") == ["Bob"]
    assert await t("users").order_by_desc("votes").limit(2).pluck("name") == ["Ann", "Bob"]
    assert await t("users").order_by("votes").offset(2).pluck("name") == ["Ann"]
    assert len(await t("users").in_random_order().get()) == 3


async def test_insert_get_id_or_ignore_upsert(connection: Connection) -> None:
    users = connection.table("users")
    first = await users.insert_get_id({"name": "A", "email": "a@x.io"})
    second = await connection.table("users").insert_get_id({"name": "B", "email": "b@x.io"})
    assert int(second) == int(first) + 1
    inserted = await connection.table("users").insert_or_ignore(
        [{"name": "A2", "email": "a@x.io"}, {"name": "C", "email": "c@x.io"}]
    )
    assert inserted == 1
    with pytest.raises(UniqueConstraintViolation):
        await connection.table("users").insert({"name": "A3", "email": "a@x.io"})
    await connection.table("users").upsert(
        [
            {"email": "a@x.io", "name": "Anna", "votes": 7},
            {"email": "d@x.io", "name": "Dee", "votes": 1},
        ],
        "email",
        ["name", "votes"],
    )
    assert await connection.table("users").where("email", "a@x.io").value("name") == "Anna"
    assert await connection.table("users").count() == 4


async def test_update_increment_delete(connection: Connection) -> None:
    await seed(connection)
    t = connection.table
    assert await t("users").where("votes", "<", 6).update({"votes": 6}) == 2
    assert await t("users").where("name", "Ann").increment("votes", 5) == 1
    assert await t("users").where("name", "Ann").value("votes") == 15
    await t("users").where("name", "Bob").decrement("votes", 2, {"email": "robert@x.io"})
    assert await t("users").where("name", "Bob").first(["votes", "email"]) == {
        "votes": 4,
        "email": "robert@x.io",
    }
    await t("users").where("name", "Bob").update({"meta->lang": "de"})
    assert await t("users").where("name", "Bob").value("meta->lang") == "de"
    assert await t("users").where("name", "Cid").delete() == 1
    ann = await t("users").where("name", "Ann").first()
    assert ann is not None
    assert await t("users").delete(ann["id"]) == 1
    assert await t("users").pluck("name") == ["Bob"]


async def test_update_or_insert(connection: Connection) -> None:
    t = connection.table
    await t("users").update_or_insert({"email": "z@x.io"}, {"name": "Zed", "votes": 1})
    await t("users").update_or_insert({"email": "z@x.io"}, {"votes": 2})
    assert await t("users").where("email", "z@x.io").first(["name", "votes"]) == {
        "name": "Zed",
        "votes": 2,
    }
    assert await t("users").count() == 1


async def test_update_and_delete_with_order_and_limit(connection: Connection) -> None:
    await seed(connection)
    t = connection.table
    assert await t("users").order_by("votes").limit(1).update({"name": "Lowest"}) == 1
    assert await t("users").where("votes", 0).value("name") == "Lowest"
    assert await t("users").order_by_desc("votes").limit(1).delete() == 1
    assert sorted(await t("users").pluck("name")) == ["Bob", "Lowest"]


async def test_truncate_resets_ids(connection: Connection) -> None:
    await seed(connection)
    await connection.table("posts").truncate()
    assert await connection.table("posts").count() == 0
    new_id = await connection.table("posts").insert_get_id({"user_id": 1, "title": "x"})
    assert int(new_id) == 1


async def test_lock_for_update_inside_transaction(connection: Connection) -> None:
    await seed(connection)
    async with connection.transaction():
        row = await connection.table("users").where("name", "Ann").lock_for_update().first()
        assert row is not None
        shared = await connection.table("users").where("name", "Bob").shared_lock().first()
        assert shared is not None


async def test_chunk_lazy_cursor(connection: Connection) -> None:
    await connection.table("users").insert([{"name": f"u{i:02}", "votes": i} for i in range(25)])
    pages: list[int] = []

    async def collect(rows: list[dict[str, object]], page: int) -> None:
        pages.append(len(rows))

    assert await connection.table("users").order_by("id").chunk(10, collect)
    assert pages == [10, 10, 5]
    stopped: list[int] = []
    assert (
        not await connection.table("users")
        .order_by("id")
        .chunk(10, lambda rows, page: stopped.append(page) or False)
    )
    assert stopped == [1]
    ids: list[int] = []
    await connection.table("users").chunk_by_id(
        7, lambda rows, page: ids.extend(r["id"] for r in rows)
    )
    assert len(ids) == 25
    assert ids == sorted(ids)
    lazy = [row["votes"] async for row in connection.table("users").order_by("votes").lazy(4)]
    assert lazy == list(range(25))
    by_id = [row["votes"] async for row in connection.table("users").lazy_by_id(6)]
    assert sorted(by_id) == list(range(25))
    streamed = [
        row["name"]
        async for row in connection.table("users").where("votes", "<", 3).order_by("votes").cursor()
    ]
    assert streamed == ["u00", "u01", "u02"]
    with pytest.raises(ValueError, match="order_by"):
        await connection.table("users").chunk(10, collect)


async def test_paginate(connection: Connection) -> None:
    await connection.table("users").insert([{"name": f"u{i:02}", "votes": i} for i in range(25)])
    page = await connection.table("users").order_by("votes").paginate(10, page=2)
    assert page.total() == 25
    assert page.last_page() == 3
    assert [r["votes"] for r in page.items()] == list(range(10, 20))
    data = page.to_dict()
    assert data["from"] == 11
    assert data["to"] == 20
    assert data["next_page_url"] == "/?page=3"
    assert data["prev_page_url"] == "/?page=1"
    simple = await connection.table("users").order_by("votes").simple_paginate(10, page=3)
    assert len(simple.items()) == 5
    assert not simple.has_more_pages()
    assert simple.to_dict()["next_page_url"] is None


async def test_cursor_paginate_walks_forward_and_back(connection: Connection) -> None:
    await connection.table("users").insert([{"name": f"u{i:02}", "votes": i % 3} for i in range(7)])
    query = connection.table("users").order_by("votes").order_by("id")
    first = await query.clone().cursor_paginate(3)
    second = await query.clone().cursor_paginate(3, cursor=first.next_cursor())
    third = await query.clone().cursor_paginate(3, cursor=second.next_cursor())
    seen = [r["name"] for p in (first, second, third) for r in p.items()]
    assert len(seen) == 7
    assert len(set(seen)) == 7
    assert third.next_cursor() is None
    back = await query.clone().cursor_paginate(3, cursor=second.previous_cursor())
    assert [r["name"] for r in back.items()] == [r["name"] for r in first.items()]
    assert first.to_dict()["prev_cursor"] is None
    assert first.to_dict()["next_page_url"].startswith("/?cursor=")


async def test_loose_string_values_are_accepted(connection: Connection) -> None:
    await seed(connection)
    assert await connection.table("users").where("votes", ">", "6").pluck("name") == ["Ann"]
    assert await connection.table("users").where("name", "Ann").update({"votes": "11"}) == 1


async def test_fulltext_search(connection: Connection) -> None:
    await seed(connection)
    if connection.driver == "sqlite":
        with pytest.raises(UnsupportedFeature):
            await connection.table("posts").where_fulltext("title", "hello").get()
        return
    if connection.driver in {"mysql", "mariadb"}:
        await connection.statement("alter table posts add fulltext posts_title_fulltext (title)")
    titles = await connection.table("posts").where_fulltext("title", "bonjour").pluck("title")
    assert titles == ["Bonjour"]


async def test_json_path_updates_keep_json_types(connection: Connection) -> None:
    await seed(connection)
    t = connection.table
    await (
        t("users")
        .where("name", "Ann")
        .update({"meta->active": False, "meta->extra": {"k": [1, 2]}})
    )
    assert await t("users").where("meta->active", True).count() == 0
    assert await t("users").where("name", "Ann").where("meta->active", False).exists()
    assert await t("users").where_json_contains("meta->extra->k", 2).pluck("name") == ["Ann"]
    assert await t("users").where("name", "Ann").value("meta->lang") == "en"


async def test_update_and_delete_with_joins(connection: Connection) -> None:
    await seed(connection)
    t = connection.table
    changed = (
        await t("users")
        .join("posts", "users.id", "=", "posts.user_id")
        .where("posts.title", "Bonjour")
        .update({"votes": 99})
    )
    assert changed == 1
    assert await t("users").where("votes", 99).pluck("name") == ["Bob"]
    deleted = (
        await t("users")
        .join("posts", "users.id", "=", "posts.user_id")
        .where("posts.title", "Bonjour")
        .delete()
    )
    assert deleted == 1
    assert sorted(await t("users").pluck("name")) == ["Ann", "Cid"]


async def test_sub_selects(connection: Connection) -> None:
    await seed(connection)
    latest = (
        connection.table("posts").select_raw("count(*)").where_column("posts.user_id", "users.id")
    )
    rows = (
        await connection.table("users")
        .select("name")
        .add_select({"post_count": latest})
        .order_by("name")
        .get()
    )
    assert [(r["name"], int(r["post_count"])) for r in rows] == [("Ann", 2), ("Bob", 1), ("Cid", 0)]
    top = (
        await connection.table("users")
        .from_sub(connection.table("users").where("votes", ">", 1), "u")
        .count()
    )
    assert top == 2


async def test_where_any_all_none_run(connection: Connection) -> None:
    await seed(connection)
    t = connection.table
    assert await t("users").where_any(["name", "email"], "like", "%bob%").pluck("name") == ["Bob"]
    assert await t("users").where_all(["votes"], ">", 4).count() == 2
    assert sorted(await t("users").where_none(["name", "email"], "like", "%a%").pluck("name")) == [
        "Bob",
        "Cid",
    ]


async def test_pluck_json_paths_and_preselected_columns(connection: Connection) -> None:
    await seed(connection)
    langs = (
        await connection.table("users").where_not_null("meta").order_by("name").pluck("meta->lang")
    )
    assert langs == ["en", "fr"]
    keyed = await connection.table("users").where_not_null("meta").pluck("meta->lang", "name")
    assert keyed == {"Ann": "en", "Bob": "fr"}
    chosen = (
        await connection.table("users").select("name as n", "votes").order_by("votes").pluck("n")
    )
    assert chosen == ["Cid", "Bob", "Ann"]


async def test_laravel_extras(connection: Connection) -> None:
    await seed(connection)
    t = connection.table
    post_count = (
        connection.table("posts").select_raw("count(*)").where_column("posts.user_id", "users.id")
    )
    assert await t("users").where(post_count, ">", 1).pluck("name") == ["Ann"]
    assert await t("users").where_between_columns("votes", ["votes", "votes"]).count() == 3
    await t("users").where("name", "Ann").update({"created_at": "2000-01-01 00:00:00"})
    assert await t("users").where_past("created_at").pluck("name") == ["Ann"]
    assert await t("users").where_future("created_at").count() == 0
    assert await t("users").where_today("created_at").count() == 0
    assert await t("users").where_before_today("created_at").pluck("name") == ["Ann"]
    assert (
        await t("users").where("name", "Bob").increment_each({"votes": 2}, {"email": "b2@x.io"})
        == 1
    )
    assert await t("users").where("name", "Bob").first(["votes", "email"]) == {
        "votes": 7,
        "email": "b2@x.io",
    }
    ids: list[int] = []
    await t("users").chunk_by_id_desc(2, lambda rows, page: ids.extend(r["id"] for r in rows))
    assert ids == sorted(ids, reverse=True)
    assert len(ids) == 3
    desc = [r["id"] async for r in t("users").lazy_by_id_desc(2)]
    assert desc == ids
    assert t("users").pipe(lambda q: q.where("id", 1)).to_sql().endswith("= ?")


async def test_json_contains_objects(connection: Connection) -> None:
    await seed(connection)
    users = connection.table("users")
    if connection.driver == "sqlite":
        with pytest.raises(UnsupportedFeature, match="object"):
            users.where_json_contains("meta", {"lang": "fr"})
        return
    assert await users.where_json_contains("meta", {"lang": "fr"}).pluck("name") == ["Bob"]


async def test_paginate_accepts_numbers_as_text(connection: Connection) -> None:
    await seed(connection)
    page = await connection.table("users").order_by("id").paginate("2", page="2")  # type: ignore[arg-type]
    assert page.per_page() == 2
    assert page.current_page() == 2
    assert len(page.items()) == 1


async def test_chunk_callbacks_take_the_page_only_when_they_want_it(
    connection: Connection,
) -> None:
    await connection.table("users").insert([{"name": f"u{i:02}", "votes": i} for i in range(25)])
    seen: list[tuple[int, int]] = []
    sizes: list[int] = []
    query = connection.table("users").order_by("id")
    assert await query.chunk(10, lambda rows: sizes.append(len(rows))) is True
    assert await query.chunk(10, lambda rows, page: seen.append((page, len(rows)))) is True
    assert sizes == [10, 10, 5]
    assert seen == [(1, 10), (2, 10), (3, 5)]
    ids: list[int] = []
    await connection.table("users").chunk_by_id(7, lambda rows: ids.extend(r["id"] for r in rows))
    assert len(ids) == 25
