"""SQL string out per dialect for the query builder (no database needed)."""

import pytest

from parvel.database import DatabaseManager, InvalidIdentifier, UnsupportedFeature
from parvel.database.query.builder import Builder

DB = DatabaseManager(
    {
        "default": "sqlite",
        "connections": {
            "sqlite": {"driver": "sqlite", "database": ":memory:"},
            "pgsql": {"driver": "pgsql", "database": "x"},
            "mysql": {"driver": "mysql", "database": "x"},
            "prefixed": {"driver": "pgsql", "database": "x", "prefix": "app_"},
        },
    }
)


def q(dialect: str, table: str = "users") -> Builder:
    return DB.connection(dialect).table(table)


def sql(builder: Builder) -> tuple[str, list[object]]:
    return builder.to_sql(), builder.get_bindings()


def test_basic_select_quotes_per_dialect() -> None:
    assert q("sqlite").to_sql() == 'select * from "users"'
    assert (
        q("pgsql").select("id", "name as n").to_sql() == 'select "id", "name" as "n" from "users"'
    )
    assert (
        q("mysql").select("users.id").distinct().to_sql()
        == "select distinct `users`.`id` from `users`"
    )


def test_where_forms() -> None:
    builder = q("pgsql").where("votes", ">", 100).where("name", "Ann").or_where("id", 1)
    assert sql(builder) == (
        'select * from "users" where "votes" > ? and "name" = ? or "id" = ?',
        [100, "Ann", 1],
    )
    builder = q("pgsql").where({"a": 1, "b": 2})
    assert sql(builder) == ('select * from "users" where ("a" = ? and "b" = ?)', [1, 2])
    builder = q("pgsql").where("a", 1).where(lambda w: w.where("b", 2).or_where("c", "<>", 3))
    assert sql(builder) == (
        'select * from "users" where "a" = ? and ("b" = ? or "c" <> ?)',
        [1, 2, 3],
    )
    assert q("pgsql").where_not("a", 1).to_sql() == 'select * from "users" where not ("a" = ?)'
    assert q("pgsql").where("a", None).to_sql() == 'select * from "users" where "a" is null'
    assert (
        q("pgsql").where("a", "!=", None).to_sql() == 'select * from "users" where "a" is not null'
    )


def test_where_in_null_between_column_exists() -> None:
    builder = (
        q("sqlite")
        .where_in("id", [1, 2])
        .where_not_in("id", [])
        .where_null("deleted_at")
        .or_where_not_null("email")
        .where_between("votes", [1, 5])
        .where_column("updated_at", ">", "created_at")
    )
    assert sql(builder) == (
        'select * from "users" where "id" in (?, ?) and 1 = 1 and "deleted_at" is null '
        'or "email" is not null and "votes" between ? and ? and "updated_at" > "created_at"',
        [1, 2, 1, 5],
    )
    sub = q("sqlite").where_in("id", lambda s: s.select("user_id").from_("posts").where("x", 9))
    assert sql(sub) == (
        'select * from "users" where "id" in (select "user_id" from "posts" where "x" = ?)',
        [9],
    )
    exists = q("mysql").where_exists(
        lambda s: s.from_("posts").where_column("posts.user_id", "users.id")
    )
    assert exists.to_sql() == (
        "select * from `users` where exists (select * from `posts` where `posts`.`user_id` = `users`.`id`)"
    )
    assert q("sqlite").where_in("id", []).to_sql() == 'select * from "users" where 0 = 1'


def test_date_wheres_per_dialect() -> None:
    assert sql(q("sqlite").where_date("created_at", "2024-01-31")) == (
        'select * from "users" where strftime(\'%Y-%m-%d\', "created_at") = cast(? as text)',
        ["2024-01-31"],
    )
    assert sql(q("sqlite").where_month("created_at", 3)) == (
        'select * from "users" where strftime(\'%m\', "created_at") = cast(? as text)',
        ["03"],
    )
    assert q("pgsql").where_date("created_at", ">", "2024-01-01").to_sql() == (
        'select * from "users" where "created_at"::date > ?'
    )
    assert q("pgsql").where_year("created_at", 2024).to_sql() == (
        'select * from "users" where extract(year from "created_at") = ?'
    )
    assert (
        q("mysql").where_day("created_at", 5).to_sql()
        == "select * from `users` where day(`created_at`) = ?"
    )
    assert q("mysql").where_time("created_at", "11:00:00").to_sql() == (
        "select * from `users` where time(`created_at`) = ?"
    )


def test_like_per_dialect() -> None:
    assert (
        q("sqlite").where_like("name", "a%").to_sql() == 'select * from "users" where "name" like ?'
    )
    assert sql(q("sqlite").where_like("name", "A%", case_sensitive=True)) == (
        'select * from "users" where "name" glob ?',
        ["A*"],
    )
    assert (
        q("pgsql").where_like("name", "a%").to_sql()
        == 'select * from "users" where "name"::text ilike ?'
    )
    assert q("pgsql").where_not_like("name", "a%", True).to_sql() == (
        'select * from "users" where "name"::text not like ?'
    )
    assert (
        q("mysql").where_like("name", "a%", True).to_sql()
        == "select * from `users` where `name` like binary ?"
    )


def test_json_paths_per_dialect() -> None:
    assert q("sqlite").where("meta->lang", "en").to_sql() == (
        'select * from "users" where json_extract("meta", \'$."lang"\') = ?'
    )
    assert q("pgsql").where("meta->a->b", "x").to_sql() == (
        "select * from \"users\" where \"meta\"->'a'->>'b' = ?"
    )
    assert q("mysql").where("meta->tags->0", "x").to_sql() == (
        "select * from `users` where json_unquote(json_extract(`meta`, '$.\"tags\"[0]')) = ?"
    )
    assert q("mysql").where("meta->active", True).to_sql() == (
        "select * from `users` where json_extract(`meta`, '$.\"active\"') = true"
    )
    assert sql(q("pgsql").where_json_contains("meta->tags", ["a"])) == (
        'select * from "users" where ("meta"->\'tags\')::jsonb @> ?::jsonb',
        ['["a"]'],
    )
    assert sql(q("mysql").where_json_contains("tags", "a")) == (
        "select * from `users` where json_contains(`tags`, ?)",
        ['"a"'],
    )
    assert sql(q("sqlite").where_json_contains("meta->tags", ["a", "b"])) == (
        'select * from "users" where (exists (select 1 from json_each("meta", \'$."tags"\') '
        'where "json_each"."value" is ?) and exists (select 1 from json_each("meta", \'$."tags"\') '
        'where "json_each"."value" is ?))',
        ["a", "b"],
    )


def test_fulltext() -> None:
    assert q("mysql").where_fulltext(["title", "body"], "cats").to_sql() == (
        "select * from `users` where match (`title`, `body`) against (? in natural language mode)"
    )
    assert q("pgsql").where_fulltext("body", "cats").to_sql() == (
        "select * from \"users\" where (to_tsvector('english', \"body\")) @@ plainto_tsquery('english', ?)"
    )
    with pytest.raises(UnsupportedFeature, match="not supported on sqlite"):
        q("sqlite").where_fulltext("body", "cats").to_sql()


def test_joins() -> None:
    builder = (
        q("pgsql")
        .join("contacts", "users.id", "=", "contacts.user_id")
        .left_join("posts as p", "p.user_id", "users.id")
        .cross_join("colors")
    )
    assert builder.to_sql() == (
        'select * from "users" inner join "contacts" on "users"."id" = "contacts"."user_id" '
        'left join "posts" as "p" on "p"."user_id" = "users"."id" cross join "colors"'
    )
    closure = q("mysql").join(
        "contacts",
        lambda j: j.on("users.id", "=", "contacts.user_id").where("contacts.kind", "=", "x"),
    )
    assert sql(closure) == (
        "select * from `users` inner join `contacts` on `users`.`id` = `contacts`.`user_id` and `contacts`.`kind` = ?",
        ["x"],
    )
    latest = (
        DB.connection("sqlite").table("posts").select("user_id").where("p", 1).group_by("user_id")
    )
    builder = (
        q("sqlite").join_sub(latest, "latest", "users.id", "=", "latest.user_id").where("a", 2)
    )
    assert sql(builder) == (
        'select * from "users" inner join (select "user_id" from "posts" where "p" = ? group by "user_id") '
        'as "latest" on "users"."id" = "latest"."user_id" where "a" = ?',
        [1, 2],
    )


def test_group_having_order_limit() -> None:
    builder = (
        q("sqlite")
        .select("account_id", DB.raw("count(*) as total"))
        .group_by("account_id")
        .having("account_id", ">", 100)
        .order_by("account_id", "desc")
        .limit(10)
        .offset(20)
    )
    assert sql(builder) == (
        'select "account_id", count(*) as total from "users" group by "account_id" '
        'having "account_id" > ? order by "account_id" desc limit 10 offset 20',
        [100],
    )
    assert q("sqlite").skip(5).to_sql() == 'select * from "users" limit -1 offset 5'
    assert (
        q("mysql").skip(5).to_sql() == "select * from `users` limit 18446744073709551615 offset 5"
    )
    assert q("pgsql").latest().to_sql() == 'select * from "users" order by "created_at" desc'
    assert q("pgsql").in_random_order().to_sql() == 'select * from "users" order by random()'
    assert q("mysql").in_random_order().to_sql() == "select * from `users` order by RAND()"
    assert q("pgsql").latest().reorder("id").to_sql() == 'select * from "users" order by "id" asc'


def test_raw_expressions_carry_bindings() -> None:
    builder = (
        q("pgsql")
        .select_raw("price * ? as price_with_tax", [1.2])
        .where_raw("price > if(?, 1, 2)", [5])
        .order_by_raw("updated_at - created_at desc")
    )
    assert sql(builder) == (
        'select price * ? as price_with_tax from "users" where price > if(?, 1, 2) '
        "order by updated_at - created_at desc",
        [1.2, 5],
    )


def test_union_per_dialect() -> None:
    first = q("pgsql").where("a", 1)
    assert sql(first.union(q("pgsql").where("b", 2)).order_by("id").limit(5)) == (
        '(select * from "users" where "a" = ?) union (select * from "users" where "b" = ?) order by "id" asc limit 5',
        [1, 2],
    )
    assert q("sqlite").union_all(q("sqlite", "admins")).to_sql() == (
        'select * from (select * from "users") union all select * from (select * from "admins")'
    )


def test_locks() -> None:
    assert q("pgsql").lock_for_update().to_sql() == 'select * from "users" for update'
    assert q("pgsql").shared_lock().to_sql() == 'select * from "users" for share'
    assert q("mysql").shared_lock().to_sql() == "select * from `users` lock in share mode"
    assert q("sqlite").lock_for_update().to_sql() == 'select * from "users"'


def test_when_applies_conditionally() -> None:
    role = None
    assert (
        q("sqlite").when(role, lambda b, r: b.where("role", r)).to_sql() == 'select * from "users"'
    )
    sort = "votes"
    builder = q("sqlite").when(sort, lambda b, s: b.order_by(s), lambda b, _: b.order_by("name"))
    assert builder.to_sql() == 'select * from "users" order by "votes" asc'


def test_table_prefix() -> None:
    builder = (
        DB.connection("prefixed")
        .table("users as u")
        .join("posts", "u.id", "posts.user_id")
        .select("u.*")
    )
    assert builder.to_sql() == (
        'select "app_u".* from "app_users" as "app_u" inner join "app_posts" on "app_u"."id" = "app_posts"."user_id"'
    )


@pytest.mark.parametrize(
    "bad",
    [
        "name; drop table users",
        "name--",
        'na"me',
        "a.b.c.d",
        "1abc",
        "",
        "name as",
        "meta->'x'",
        "col with space",
    ],
)
def test_unsafe_identifiers_are_rejected(bad: str) -> None:
    with pytest.raises(InvalidIdentifier) as info:
        q("pgsql").select(bad).to_sql()
    assert repr(bad) in str(info.value)
    assert "[A-Za-z_][A-Za-z0-9_]*" in str(info.value)


def test_sort_field_from_user_input_is_checked_at_call() -> None:
    with pytest.raises(InvalidIdentifier):
        q("mysql").order_by("name desc, (select password from users)")
    with pytest.raises(InvalidIdentifier, match="Order direction"):
        q("mysql").order_by("name", "sideways")
    with pytest.raises(InvalidIdentifier, match="operator"):
        q("mysql").where("name", "= 1 or 1 =", 1)
    with pytest.raises(InvalidIdentifier):
        DB.connection("sqlite").table("users; drop table x").to_sql()


def test_write_statements() -> None:
    builder = q("pgsql")
    assert builder.grammar.compile_insert(builder, [{"a": 1, "b": 2}, {"a": 3, "b": 4}]) == (
        'insert into "users" ("a", "b") values (?, ?), (?, ?)'
    )
    assert builder.grammar.compile_insert_or_ignore(builder, [{"a": 1}]) == (
        'insert into "users" ("a") values (?) on conflict do nothing'
    )
    mysql = q("mysql")
    assert (
        mysql.grammar.compile_insert_or_ignore(mysql, [{"a": 1}])
        == "insert ignore into `users` (`a`) values (?)"
    )
    assert mysql.grammar.compile_upsert(
        mysql, [{"email": "x", "votes": 1}], ["email"], ["votes"]
    ) == (
        "insert into `users` (`email`, `votes`) values (?, ?) on duplicate key update `votes` = values(`votes`)"
    )
    sqlite = q("sqlite")
    assert sqlite.grammar.compile_upsert(
        sqlite, [{"email": "x", "votes": 1}], ["email"], ["votes"]
    ) == (
        'insert into "users" ("email", "votes") values (?, ?) on conflict ("email") do update set "votes" = "excluded"."votes"'
    )
    update = q("pgsql").where("id", 1)
    assert update.grammar.compile_update(update, {"name": "x", "meta->lang": "en"}) == (
        'update "users" set "name" = ?, "meta" = jsonb_set("meta"::jsonb, \'{"lang"}\', ?::jsonb) where "id" = ?'
    )
    delete = q("sqlite").where("votes", "<", 10).order_by("id").limit(2)
    assert delete.grammar.compile_delete(delete) == (
        'delete from "users" where "rowid" in (select "users"."rowid" from "users" where "votes" < ? '
        'order by "id" asc limit 2)'
    )


def test_to_raw_sql_inlines_bindings_for_reading() -> None:
    builder = q("pgsql").where("name", "O'Brien").where("votes", ">", 3)
    assert (
        builder.to_raw_sql()
        == 'select * from "users" where "name" = \'O\'\'Brien\' and "votes" > 3'
    )


def test_dump_prints_and_returns_builder(capsys: pytest.CaptureFixture[str]) -> None:
    builder = q("sqlite").where("id", 3)
    assert builder.dump() is builder
    assert capsys.readouterr().out.strip() == 'select * from "users" where "id" = ? [3]'


def test_several_json_paths_of_one_column_share_one_assignment() -> None:
    values = {"meta->a": 1, "votes": 2, "meta->b->c": True}
    pg = q("pgsql")
    assert pg.grammar.compile_update_columns(pg, values) == (
        '"meta" = jsonb_set(jsonb_set("meta"::jsonb, \'{"a"}\', ?::jsonb), \'{"b","c"}\', ?::jsonb), '
        '"votes" = ?'
    )
    assert pg.grammar.prepare_update_bindings(values) == ["1", "true", 2]
    my = q("mysql")
    assert my.grammar.compile_update_columns(my, values) == (
        '`meta` = json_set(`meta`, \'$."a"\', ?, \'$."b"."c"\', true), `votes` = ?'
    )
    assert my.grammar.prepare_update_bindings(values) == [1, 2]


def test_quote_identifier_escapes_names_read_from_the_database() -> None:
    assert DB.connection("pgsql").grammar.quote_identifier('we"ird') == '"we""ird"'
    assert DB.connection("mysql").grammar.quote_identifier("we`ird") == "`we``ird`"


def test_where_any_all_none() -> None:
    assert sql(q("pgsql").where("active", True).where_any(["name", "email"], "like", "%ann%")) == (
        'select * from "users" where "active" = ? and ("name" like ? or "email" like ?)',
        [True, "%ann%", "%ann%"],
    )
    assert (
        q("pgsql").where_all(["a", "b"], 1).to_sql()
        == 'select * from "users" where ("a" = ? and "b" = ?)'
    )
    assert (
        q("pgsql").where_none(["a", "b"], ">", 1).to_sql()
        == 'select * from "users" where not ("a" > ? or "b" > ?)'
    )
