"""Schema grammars: blueprints in, SQL strings out, per dialect."""

from __future__ import annotations

import pytest

from parvel.database import Expression
from parvel.database.schema import Blueprint, UnsupportedSchemaFeature, grammar_for


def posts(creating: bool = True) -> Blueprint:
    table = Blueprint("posts", creating=creating)
    table.id()
    table.string("title", 200).nullable()
    table.foreign_id("user_id").constrained().cascade_on_delete()
    table.timestamps()
    return table


def test_sqlite_create_inlines_foreign_keys() -> None:
    assert grammar_for("sqlite").compile_create(posts()) == [
        'create table "posts" ("id" integer primary key autoincrement not null, '
        '"title" varchar null, "user_id" integer not null, "created_at" datetime null, '
        '"updated_at" datetime null, constraint "posts_user_id_foreign" foreign key ("user_id") '
        'references "users" ("id") on delete cascade)'
    ]


def test_pgsql_create_adds_constraints_after() -> None:
    assert grammar_for("pgsql").compile_create(posts()) == [
        'create table "posts" ("id" bigserial not null primary key, "title" varchar(200) null, '
        '"user_id" bigint not null, "created_at" timestamp(0) without time zone null, '
        '"updated_at" timestamp(0) without time zone null)',
        'alter table "posts" add constraint "posts_user_id_foreign" foreign key ("user_id") '
        'references "users" ("id") on delete cascade',
    ]


def test_mysql_create_with_engine_and_charset() -> None:
    assert grammar_for("mysql").compile_create(posts()) == [
        "create table `posts` (`id` bigint unsigned not null auto_increment primary key, "
        "`title` varchar(200) null, `user_id` bigint unsigned not null, "
        "`created_at` timestamp null, `updated_at` timestamp null) default character set "
        "utf8mb4 collate 'utf8mb4_unicode_ci' engine = InnoDB",
        "alter table `posts` add constraint `posts_user_id_foreign` foreign key (`user_id`) "
        "references `users` (`id`) on delete cascade",
    ]


def test_index_names_follow_the_convention() -> None:
    table = Blueprint("posts", creating=True)
    table.string("title").unique()
    table.string("slug").index()
    table.index(["title", "slug"])
    assert grammar_for("sqlite").compile_create(table)[1:] == [
        'create unique index "posts_title_unique" on "posts" ("title")',
        'create index "posts_slug_index" on "posts" ("slug")',
        'create index "posts_title_slug_index" on "posts" ("title", "slug")',
    ]
    assert grammar_for("mysql").compile_create(table)[1] == (
        "alter table `posts` add unique `posts_title_unique`(`title`)"
    )
    assert grammar_for("pgsql").compile_create(table)[1] == (
        'alter table "posts" add constraint "posts_title_unique" unique ("title")'
    )


@pytest.mark.parametrize(
    ("value", "sql"),
    [
        ("it's", "default 'it''s'"),
        (5, "default 5"),
        (Expression("CURRENT_TIMESTAMP"), "default CURRENT_TIMESTAMP"),
        (None, "default null"),
    ],
)
def test_defaults_are_quoted(value: object, sql: str) -> None:
    table = Blueprint("t", creating=True)
    table.string("c").nullable().default(value)
    assert sql in grammar_for("sqlite").compile_create(table)[0]


def test_boolean_defaults_per_dialect() -> None:
    table = Blueprint("t", creating=True)
    table.boolean("active").default(True)
    assert "default true" in grammar_for("pgsql").compile_create(table)[0]
    assert "default '1'" in grammar_for("mysql").compile_create(table)[0]


def test_mysql_modifiers() -> None:
    table = Blueprint("users")
    table.string("nick").nullable().after("name").comment("the nick")
    table.timestamp("seen_at").use_current().use_current_on_update()
    assert grammar_for("mysql").compile_alter(table) == [
        "alter table `users` add `nick` varchar(255) null comment 'the nick' after `name`, "
        "add `seen_at` timestamp not null default CURRENT_TIMESTAMP on update CURRENT_TIMESTAMP"
    ]


def test_pgsql_comments_and_change() -> None:
    table = Blueprint("users")
    table.string("name", 50).nullable().comment("full name").change()
    assert grammar_for("pgsql").compile_alter(table) == [
        'alter table "users" alter column "name" type varchar(50) using "name"::varchar(50), '
        'alter column "name" drop not null, alter column "name" drop default',
        'comment on column "users"."name" is \'full name\'',
    ]


def test_enum_types() -> None:
    table = Blueprint("t", creating=True)
    table.enum("status", ["draft", "live"])
    assert (
        "`status` enum('draft', 'live') not null" in grammar_for("mysql").compile_create(table)[0]
    )
    assert (
        "\"status\" varchar check (\"status\" in ('draft', 'live')) not null"
        in grammar_for("sqlite").compile_create(table)[0]
    )


def test_drops_and_renames() -> None:
    table = Blueprint("posts")
    table.drop_column("a", "b")
    table.rename_column("c", "d")
    table.drop_unique(["title"])
    table.drop_index("posts_slug_index")
    table.drop_foreign(["user_id"])
    table.rename_index("old", "new")
    assert grammar_for("mysql").compile_alter(table) == [
        "alter table `posts` drop `a`, drop `b`",
        "alter table `posts` rename column `c` to `d`",
        "alter table `posts` drop index `posts_title_unique`",
        "alter table `posts` drop index `posts_slug_index`",
        "alter table `posts` drop foreign key `posts_user_id_foreign`",
        "alter table `posts` rename index `old` to `new`",
    ]
    assert grammar_for("pgsql").compile_alter(table)[2:5] == [
        'alter table "posts" drop constraint "posts_title_unique"',
        'drop index "posts_slug_index"',
        'alter table "posts" drop constraint "posts_user_id_foreign"',
    ]


def test_morphs_add_type_id_and_index() -> None:
    table = Blueprint("comments", creating=True)
    table.morphs("commentable")
    sql = grammar_for("pgsql").compile_create(table)
    assert '"commentable_type" varchar(255) not null, "commentable_id" bigint not null' in sql[0]
    assert sql[1] == (
        'create index "comments_commentable_type_commentable_id_index" on "comments" '
        '("commentable_type", "commentable_id")'
    )


def test_table_prefix_applies_to_tables_and_index_names() -> None:
    table = Blueprint("posts", creating=True, prefix="app_")
    table.string("title").unique()
    grammar = grammar_for("sqlite")
    grammar.table_prefix = "app_"
    assert grammar.compile_create(table)[1] == (
        'create unique index "app_posts_title_unique" on "app_posts" ("title")'
    )


def test_sqlite_rejects_fulltext() -> None:
    table = Blueprint("posts", creating=True)
    table.text("body").full_text()
    with pytest.raises(UnsupportedSchemaFeature, match="SQLite has no full-text"):
        grammar_for("sqlite").compile_create(table)


def test_sqlite_alter_needing_rebuild_is_refused_without_connection() -> None:
    table = Blueprint("posts")
    table.drop_column("title")
    with pytest.raises(UnsupportedSchemaFeature, match="rebuild"):
        grammar_for("sqlite").compile_alter(table)


def test_unknown_driver_and_type() -> None:
    with pytest.raises(
        UnsupportedSchemaFeature, match="no schema grammar for the database driver 'oracle'"
    ):
        grammar_for("oracle")
    table = Blueprint("t", creating=True)
    table.add_column("hologram", "shape")
    with pytest.raises(UnsupportedSchemaFeature, match="no column type 'hologram'"):
        grammar_for("pgsql").compile_create(table)


def test_foreign_key_without_target_is_an_error() -> None:
    table = Blueprint("posts", creating=True)
    table.foreign("user_id")
    with pytest.raises(UnsupportedSchemaFeature, match="no referenced table"):
        grammar_for("pgsql").compile_create(table)


def test_mysql_table_options_and_set() -> None:
    table = Blueprint("t", creating=True)
    table.engine("MyISAM")
    table.charset("latin1")
    table.collation("latin1_swedish_ci")
    table.set("flags", ["a", "b"])
    assert grammar_for("mysql").compile_create(table) == [
        "create table `t` (`flags` set('a', 'b') not null) default character set latin1 "
        "collate 'latin1_swedish_ci' engine = MyISAM"
    ]
    with pytest.raises(UnsupportedSchemaFeature, match="no column type 'set'"):
        grammar_for("pgsql").compile_create(table)


def places() -> Blueprint:
    table = Blueprint("places", creating=True)
    table.id()
    table.geometry("area")
    table.geometry("spot", subtype="point", srid=4326).spatial_index()
    table.geography("region")
    table.vector("embedding", 3)
    table.string("secret").nullable().invisible()
    return table


def test_spatial_and_vector_types() -> None:
    pgsql = grammar_for("pgsql").compile_create(places())[0]
    assert '"area" geometry not null' in pgsql
    assert '"spot" geometry(point, 4326) not null' in pgsql
    assert '"region" geography(geography, 4326) not null' in pgsql
    assert '"embedding" vector(3) not null' in pgsql
    assert "invisible" not in pgsql
    mysql = grammar_for("mysql").compile_create(places())[0]
    assert "`spot` point srid 4326 not null" in mysql
    assert "`region` geometry srid 4326 not null" in mysql
    assert "`secret` varchar(255) null invisible" in mysql
    mariadb = grammar_for("mariadb").compile_create(places())[0]
    assert "`region` geometry ref_system_id=4326 not null" in mariadb
    with pytest.raises(ValueError):
        Blueprint("x").geometry("g", subtype="point; drop")


def test_spatial_index_sql() -> None:
    table = Blueprint("places")
    table.spatial_index("spot")
    table.drop_spatial_index(["spot"])
    sql = grammar_for("pgsql").compile_alter(table)
    assert sql == [
        'create index "places_spot_spatialindex" on "places" using gist ("spot")',
        'drop index "places_spot_spatialindex"',
    ]
    assert grammar_for("mysql").compile_alter(table) == [
        "alter table `places` add spatial index `places_spot_spatialindex`(`spot`)",
        "alter table `places` drop index `places_spot_spatialindex`",
    ]
    with pytest.raises(UnsupportedSchemaFeature):
        grammar_for("sqlite").compile_alter(table)


def test_after_groups_columns_in_order() -> None:
    table = Blueprint("users")
    table.after("password", lambda t: (t.string("line1"), t.string("line2").nullable()))
    assert grammar_for("mysql").compile_alter(table) == [
        "alter table `users` add `line1` varchar(255) not null after `password`, "
        "add `line2` varchar(255) null after `line1`"
    ]


def test_default_string_length() -> None:
    from parvel.database.schema import SchemaBuilder

    SchemaBuilder.default_string_length(191)
    try:
        table = Blueprint("users", creating=True)
        table.string("email")
        table.string("code", 10)
        sql = grammar_for("mysql").compile_create(table)[0]
    finally:
        SchemaBuilder.default_string_length(255)
    assert "`email` varchar(191) not null, `code` varchar(10) not null" in sql


def test_morph_key_type() -> None:
    from parvel.database.schema import SchemaBuilder

    SchemaBuilder.morph_using_uuids()
    try:
        table = Blueprint("images", creating=True)
        table.morphs("imageable")
        sql = grammar_for("pgsql").compile_create(table)[0]
    finally:
        SchemaBuilder.default_morph_key_type("int")
    assert '"imageable_id" uuid not null' in sql
    with pytest.raises(ValueError):
        SchemaBuilder.default_morph_key_type("float")
