"""make:migration: names, table guessing, stubs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from parvel.database.migrations import MigrationError, create_migration, load_migration_class
from parvel.database.migrations.creator import guess_table, snake, studly
from parvel.database.migrations.loader import MigrationFile

NOW = datetime(2024, 5, 6, 7, 8, 9)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("create_posts_table", ("posts", True)),
        ("create_posts", ("posts", True)),
        ("add_votes_to_users_table", ("users", False)),
        ("remove_votes_from_users", ("users", False)),
        ("do_something_else", (None, False)),
    ],
)
def test_guess_table(name: str, expected: tuple[str | None, bool]) -> None:
    assert guess_table(name) == expected


def test_names() -> None:
    assert snake("CreatePostsTable") == "create_posts_table"
    assert snake("create posts-table") == "create_posts_table"
    assert studly("create_posts_table") == "CreatePostsTable"


def test_create_stub(tmp_path: Path) -> None:
    file = create_migration("create_posts_table", tmp_path, now=NOW)
    assert file.name == "2024_05_06_070809_create_posts_table.py"
    text = file.read_text()
    assert "class CreatePostsTable(Migration):" in text
    assert 'self.schema.create("posts")' in text
    assert 'drop_if_exists("posts")' in text
    cls = load_migration_class(MigrationFile(file.stem, file))
    assert cls.__name__ == "CreatePostsTable"


def test_update_and_blank_stubs(tmp_path: Path) -> None:
    update = create_migration("add_votes_to_users_table", tmp_path, now=NOW)
    assert 'self.schema.table("users")' in update.read_text()
    explicit = create_migration("tweak", tmp_path, table="posts", now=NOW)
    assert 'self.schema.table("posts")' in explicit.read_text()
    created = create_migration("make_flights", tmp_path, create="flights", now=NOW)
    assert 'self.schema.create("flights")' in created.read_text()
    blank = create_migration("do_something", tmp_path, now=NOW)
    assert "self.schema" not in blank.read_text()


def test_published_stub_overrides(tmp_path: Path) -> None:
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    (stubs / "migration.stub").write_text("# custom {{ class }}\n")
    file = create_migration("do_it", tmp_path / "m", now=NOW, stub_path=stubs)
    assert file.read_text() == "# custom DoIt\n"


def test_duplicate_and_invalid_names(tmp_path: Path) -> None:
    create_migration("create_posts_table", tmp_path, now=NOW)
    with pytest.raises(MigrationError, match="already exists"):
        create_migration("create_posts_table", tmp_path, now=datetime(2025, 1, 1))
    with pytest.raises(MigrationError, match="Invalid migration name"):
        create_migration("  ", tmp_path)
