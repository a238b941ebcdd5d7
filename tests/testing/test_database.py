from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import parvel
from parvel.console.main import run

SRC = str(Path(parvel.__file__).resolve().parents[1])

ROUTES = """

from parvel import DB


async def users_count() -> dict[str, int]:
    return {"count": await DB.table("users").count()}


async def users_create(name: str) -> dict[str, bool]:
    async with DB.transaction():
        await DB.table("users").insert(
            {"name": name, "email": name + "@example.com", "password": "x"}
        )
    return {"created": True}


Route.get("/users/count", users_count)
Route.get("/users/create/{name}", users_create)
"""

MODELS = """
from parvel.orm import Model, SoftDeletes


class User(SoftDeletes, Model):
    table = "users"
    fillable = ["name", "email", "password"]
"""

SEEDER = """
from parvel.database.seeding import Seeder


class UserSeeder(Seeder):
    async def run(self) -> None:
        await self.db.table("users").insert(
            {"name": "Seeded", "email": "seeded@example.com", "password": "x"}
        )
"""

SOFT_MIGRATION = """
from parvel.database.migrations import Migration


class AddDeletedAt(Migration):
    async def up(self) -> None:
        async with self.schema.table("users") as table:
            table.soft_deletes()

    async def down(self) -> None:
        pass
"""

TESTS = """
import pytest

from parvel.testing import TestClient
from parvel.testing.database import DatabaseTester

pytestmark = pytest.mark.refresh_database


async def test_a_row_written_by_the_test_is_seen_by_the_request(
    db: DatabaseTester, client: TestClient
) -> None:
    await db.table("users").insert({"name": "Ada", "email": "ada@example.com", "password": "x"})
    (await client.get("/users/count")).assert_ok().assert_json({"count": 1})
    (await client.get("/users/create/bob")).assert_ok()
    await db.assert_database_has("users", {"name": "bob"})
    await db.assert_database_count("users", 2)


async def test_each_test_starts_empty(db: DatabaseTester, client: TestClient) -> None:
    await db.assert_database_empty("users")
    (await client.get("/users/count")).assert_json({"count": 0})


async def test_client_only_test_is_rolled_back_too(client: TestClient) -> None:
    (await client.get("/users/create/carol")).assert_ok()
    (await client.get("/users/count")).assert_json({"count": 1})


async def test_and_still_empty(db: DatabaseTester) -> None:
    await db.assert_database_count("users", 0)


async def test_models_seeders_and_query_counting(db: DatabaseTester) -> None:
    from app.models.user import User
    from database.seeders.user_seeder import UserSeeder

    await db.seed(UserSeeder)
    await db.assert_database_has(User, {"email": "seeded@example.com"})
    user = await User.create(name="Dee", email="dee@example.com", password="x")
    await db.assert_model_exists(user)
    await db.assert_not_soft_deleted(user)
    await user.delete()
    await db.assert_soft_deleted(user)
    await db.assert_soft_deleted("users", {"email": "dee@example.com"})
    await user.force_delete()
    await db.assert_model_missing(user)
    await db.assert_database_missing("users", {"email": "dee@example.com"})
    with db.expect_queries(2) as queries:
        await db.table("users").count()
        await db.table("users").where("id", 1).first()
    assert len(queries) == 2


async def test_failure_messages(db: DatabaseTester) -> None:
    with pytest.raises(AssertionError, match=r"matches the attributes \\{'name': 'nobody'\\}"):
        await db.assert_database_has("users", {"name": "nobody"})
    with pytest.raises(AssertionError, match="Entries found: 0"):
        await db.assert_database_count("users", 3)
    with pytest.raises(AssertionError, match=r"Table \\[posts\\] does not exist.*migration"):
        await db.assert_database_has("posts", {"id": 1})
    with pytest.raises(AssertionError, match="Expected 0 queries to be executed, but 1 were"):
        with db.expect_queries(0):
            await db.table("users").count()
"""

TRUNCATION_TESTS = """
import pytest

from parvel.testing.database import DatabaseTester

pytestmark = pytest.mark.database_truncation


async def test_writes_for_real(db: DatabaseTester) -> None:
    await db.table("users").insert({"name": "Ada", "email": "ada@example.com", "password": "x"})
    assert db.connection().transaction_level() == 0
    await db.assert_database_count("users", 1)


async def test_the_table_was_truncated(db: DatabaseTester) -> None:
    await db.assert_database_count("users", 0)
"""


def _make_app(tmp_path: Path) -> Path:
    assert run(["new", "demo", "-q"]) == 0
    root = tmp_path / "demo"
    with (root / "routes/web.py").open("a") as fh:
        fh.write(ROUTES)
    (root / "app/models/user.py").write_text(MODELS)
    (root / "database/seeders/user_seeder.py").write_text(SEEDER)
    (root / "database/migrations/2024_01_01_000000_add_deleted_at.py").write_text(SOFT_MIGRATION)
    (root / "tests/feature/test_db.py").write_text(TESTS)
    (root / "tests/feature/test_truncation.py").write_text(TRUNCATION_TESTS)
    return root


def _pytest(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("APP_", "PYTEST_", "DB_"))}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**base, "PYTHONPATH": SRC, **env},
        timeout=180,
    )


def _run_suite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    monkeypatch.chdir(tmp_path)
    root = _make_app(tmp_path)
    result = _pytest(
        root,
        env,
        "tests/feature/test_db.py",
        "tests/feature/test_truncation.py",
        "-p",
        "no:randomly",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "8 passed" in result.stdout


def test_refresh_database_on_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_app_modules: None
) -> None:
    _run_suite(
        tmp_path, monkeypatch, {"DB_CONNECTION": "sqlite", "DB_DATABASE": "database/test.sqlite"}
    )


def test_refresh_database_on_in_memory_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_app_modules: None
) -> None:
    monkeypatch.chdir(tmp_path)
    root = _make_app(tmp_path)
    env = {"DB_CONNECTION": "sqlite", "DB_DATABASE": ":memory:"}
    result = _pytest(root, env, "tests/feature/test_db.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 passed" in result.stdout


def test_refresh_database_on_postgresql(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_app_modules: None, pgsql_env: Any
) -> None:
    _run_suite(tmp_path, monkeypatch, pgsql_env)


def test_refresh_database_on_mariadb(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_app_modules: None, mariadb_env: Any
) -> None:
    _run_suite(tmp_path, monkeypatch, mariadb_env)


def test_a_missing_migrations_folder_fails_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_app_modules: None
) -> None:
    monkeypatch.chdir(tmp_path)
    root = _make_app(tmp_path)
    for file in (root / "database/migrations").iterdir():
        file.unlink()
    (root / "database/migrations").rmdir()
    env = {"DB_CONNECTION": "sqlite", "DB_DATABASE": ":memory:"}
    result = _pytest(root, env, "tests/feature/test_db.py", "-k", "each_test_starts_empty")
    assert result.returncode == 1
    assert "RefreshDatabase found no migrations folder at" in result.stdout


PARALLEL_TESTS = """
import pytest

from parvel.testing.database import DatabaseTester

pytestmark = pytest.mark.refresh_database


@pytest.mark.parametrize("n", range(6))
async def test_each_worker_has_its_own_database(db: DatabaseTester, n: int) -> None:
    import os

    worker = os.environ["PYTEST_XDIST_WORKER"]
    assert f"_test_{worker}" in str(db.connection().config["database"])
    await db.table("users").insert(
        {"name": str(n), "email": f"{n}@example.com", "password": "x"}
    )
    await db.assert_database_count("users", 1)
"""


def test_worker_database_name() -> None:
    from parvel.testing.database import worker_database_name

    assert worker_database_name("test", "pgsql", "gw1") == "test_test_gw1"
    assert (
        worker_database_name("database/t.sqlite", "sqlite", "gw0") == "database/t_test_gw0.sqlite"
    )
    assert worker_database_name(":memory:", "sqlite", "gw0") == ":memory:"


def _parallel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    monkeypatch.chdir(tmp_path)
    root = _make_app(tmp_path)
    (root / "tests/feature/test_parallel.py").write_text(PARALLEL_TESTS)
    base = {k: v for k, v in os.environ.items() if not k.startswith(("APP_", "PYTEST_", "DB_"))}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "parvel",
            "test",
            "--parallel",
            "--processes",
            "2",
            "tests/feature/test_parallel.py",
            "-q",
            "-p",
            "no:cacheprovider",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        env={**base, "PYTHONPATH": SRC, **env},
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 passed" in result.stdout


def test_parallel_workers_on_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_app_modules: None
) -> None:
    _parallel(
        tmp_path, monkeypatch, {"DB_CONNECTION": "sqlite", "DB_DATABASE": "database/t.sqlite"}
    )
    assert (tmp_path / "demo/database/t_test_gw0.sqlite").exists()
    assert (tmp_path / "demo/database/t_test_gw1.sqlite").exists()


def test_parallel_workers_on_postgresql(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_app_modules: None, pgsql_env: Any
) -> None:
    _parallel(tmp_path, monkeypatch, pgsql_env)


def test_parallel_workers_on_mariadb(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_app_modules: None, mariadb_env: Any
) -> None:
    _parallel(tmp_path, monkeypatch, mariadb_env)


MIGRATION = """
from parvel.database.migrations import Migration


class Create{name}(Migration):
    async def up(self) -> None:
        async with self.schema.create("{table}") as table:
            table.id()

    async def down(self) -> None:
        await self.schema.drop_if_exists("{table}")
"""


async def test_refresh_migrates_once_per_run(tmp_path: Path) -> None:
    from parvel.foundation import Application
    from parvel.testing.database import DatabaseTester, forget_migrated

    (tmp_path / "config").mkdir()
    (tmp_path / "config/database.py").write_text(
        'config = {"default": "sqlite", "connections": {"sqlite": {"driver": "sqlite", '
        '"database": "database/app.sqlite"}}, "migrations": {"table": "migrations"}}'
    )
    migrations = tmp_path / "database/migrations"
    migrations.mkdir(parents=True)
    (migrations / "2025_01_01_000000_create_a.py").write_text(MIGRATION.format(name="A", table="a"))
    app = Application.configure(tmp_path).create()
    db = DatabaseTester(app)
    await db.refresh()
    assert db.connection().transaction_level() == 1
    await db.table("a").insert({"id": 1})
    await db.end()
    assert db.connection().transaction_level() == 0
    await db.assert_database_empty("a")

    (migrations / "2025_01_02_000000_create_b.py").write_text(MIGRATION.format(name="B", table="b"))
    await db.refresh()  # already migrated in this run: the new migration does not run
    with pytest.raises(AssertionError, match=r"Table \[b\] does not exist"):
        await db.assert_database_empty("b")
    await db.end()
    forget_migrated()
    await db.refresh()
    await db.assert_database_empty("b")
    await db.end()
    await db.connection().disconnect()


def test_an_app_without_a_database_fails_clearly() -> None:
    from parvel.testing.database import DatabaseTester

    class NoDatabase:
        def bound(self, name: str) -> bool:
            return False

    with pytest.raises(AssertionError, match="The db fixture needs the database component"):
        DatabaseTester(NoDatabase())  # type: ignore[arg-type]


def test_db_fixture_outside_an_app_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.pytest.ini_options]\nasyncio_mode = "auto"\n')
    (tmp_path / "test_outside.py").write_text(
        "import pytest\n\n\n@pytest.mark.refresh_database\nasync def test_it(db):\n    pass\n"
    )
    result = _pytest(tmp_path, {})
    assert result.returncode == 1
    assert "The `app` fixture needs a Parvel app: run pytest from the app folder" in result.stdout
