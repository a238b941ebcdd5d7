"""The Blueprint records columns and commands; nothing runs until a grammar compiles it."""

from __future__ import annotations

import pytest

from parvel.database.schema import Blueprint


@pytest.mark.parametrize(
    ("column", "table"),
    [
        ("user_id", "users"),
        ("category_id", "categories"),
        ("box_id", "boxes"),
        ("day_id", "days"),
        ("author", "authors"),
    ],
)
def test_constrained_guesses_the_table(column: str, table: str) -> None:
    blueprint = Blueprint("posts")
    fk = blueprint.foreign_id(column).constrained()
    assert (fk.on_, fk.references_, fk.name) == (table, ["id"], f"posts_{column}_foreign")


def test_constrained_with_explicit_table_column_and_name() -> None:
    blueprint = Blueprint("posts")
    fk = blueprint.foreign_uuid("writer").constrained("authors", "uuid", "fk_writer")
    assert (fk.on_, fk.references_, fk.name, fk.columns) == (
        "authors",
        ["uuid"],
        "fk_writer",
        ["writer"],
    )


def test_modifiers_become_index_commands_in_order() -> None:
    blueprint = Blueprint("users", creating=True)
    blueprint.string("email").unique()
    blueprint.string("name").index("by_name")
    blueprint.string("Odd-Col.x").index()
    blueprint.unique(["email", "name"])
    commands = [(c.name, c.index, c.columns) for c in blueprint.all_commands()]
    assert commands == [
        ("unique", "users_email_unique", ["email"]),
        ("index", "by_name", ["name"]),
        ("index", "users_odd_col_x_index", ["Odd-Col.x"]),
        ("unique", "users_email_name_unique", ["email", "name"]),
    ]


def test_added_and_changed_columns() -> None:
    blueprint = Blueprint("users")
    blueprint.string("new")
    blueprint.string("old").nullable().change()
    assert [c.name for c in blueprint.added_columns()] == ["new"]
    assert [c.name for c in blueprint.changed_columns()] == ["old"]


def test_drop_helpers_record_commands() -> None:
    blueprint = Blueprint("users")
    blueprint.drop_timestamps()
    blueprint.drop_morphs("taggable")
    blueprint.drop_constrained_foreign_id("team_id")
    recorded = [(c.name, c.index, c.columns) for c in blueprint.commands]
    assert recorded == [
        ("drop_column", None, ["created_at", "updated_at"]),
        ("drop_index", "users_taggable_type_taggable_id_index", []),
        ("drop_column", None, ["taggable_type", "taggable_id"]),
        ("drop_foreign", "users_team_id_foreign", ["team_id"]),
        ("drop_column", None, ["team_id"]),
    ]


def test_timestamps_and_soft_deletes_are_nullable() -> None:
    blueprint = Blueprint("users", creating=True)
    blueprint.timestamps()
    blueprint.soft_deletes()
    blueprint.remember_token()
    assert [(c.name, c.nullable_) for c in blueprint.columns] == [
        ("created_at", True),
        ("updated_at", True),
        ("deleted_at", True),
        ("remember_token", True),
    ]
