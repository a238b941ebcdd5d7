from pathlib import Path

import pytest

import parvel.database
from parvel.database import ConfigurationError, Connection, DatabaseManager, DriverNotInstalled
from parvel.database.connectors import import_driver
from parvel.database.connectors.sqlite import SQLiteConnection


def test_public_names() -> None:
    assert parvel.database.__all__ == sorted(parvel.database.__all__)
    public = {n for n in dir(parvel.database) if not n.startswith("_") and n[0].isupper()}
    public |= {"parse_database_url"}
    assert set(parvel.database.__all__) == public


async def test_connections_are_cached_and_named(tmp_path: Path) -> None:
    db = DatabaseManager(
        {
            "default": "main",
            "connections": {
                "main": {"driver": "sqlite", "database": str(tmp_path / "a.sqlite")},
                "other": {"url": f"sqlite:///{tmp_path / 'b.sqlite'}"},
            },
        }
    )
    assert db.connection() is db.connection("main")
    other = db.connection("other")
    assert isinstance(other, SQLiteConnection)
    assert other.name == "other"
    assert other.driver == "sqlite"
    await other.statement("create table t (x integer)")
    await other.insert("insert into t values (?)", [7])
    assert await other.scalar("select x from t") == 7
    assert await db.select("select 1 as one") == [{"one": 1}]
    await db.disconnect_all()


def test_unknown_connection_and_driver() -> None:
    db = DatabaseManager({"default": "nope", "connections": {"x": {"driver": "oracle"}}})
    with pytest.raises(ConfigurationError, match=r"connection \[nope\] is not configured"):
        db.connection()
    with pytest.raises(ConfigurationError, match=r"Unsupported driver \[oracle\]"):
        db.connection("x")


async def test_extend_registers_a_driver(tmp_path: Path) -> None:
    db = DatabaseManager(
        {"default": "x", "connections": {"x": {"driver": "custom", "database": ":memory:"}}}
    )
    made: list[str] = []

    def factory(name: str, config: dict[str, object]) -> Connection:
        made.append(name)
        return SQLiteConnection(name, config)

    db.extend("custom", factory)
    assert await db.scalar("select 2") == 2
    assert made == ["x"]
    await db.disconnect_all()


def test_missing_driver_names_the_extra() -> None:
    with pytest.raises(DriverNotInstalled, match=r"pip install parvel\[postgres\]"):
        import_driver("asyncpg_not_here", "postgres", "pgsql")


async def test_missing_sqlite_folder_is_explained(tmp_path: Path) -> None:
    db = DatabaseManager(
        {
            "default": "s",
            "connections": {
                "s": {"driver": "sqlite", "database": str(tmp_path / "no" / "x.sqlite")}
            },
        }
    )
    with pytest.raises(ConfigurationError, match="folder that does not exist"):
        await db.select("select 1")


def test_script_exits_without_disconnect(tmp_path: Path) -> None:
    import subprocess
    import sys

    src = Path(__file__).resolve().parents[2] / "src"
    script = tmp_path / "script.py"
    script.write_text(
        "import asyncio\n"
        "from parvel.database import DatabaseManager\n"
        "DB = DatabaseManager({'default': 's', 'connections': {'s': {'driver': 'sqlite', 'database': ':memory:'}}})\n"
        "async def main():\n"
        "    print((await DB.select('select 1 as x'))[0]['x'])\n"
        "asyncio.run(main())\n"
    )
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=30,
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"


@pytest.mark.parametrize("driver", ["sqlite", "pgsql"])
def test_manager_survives_a_new_event_loop(
    driver: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    import asyncio

    if driver == "sqlite":
        config = {"driver": "sqlite", "database": str(tmp_path / "loop.sqlite")}
    else:
        service = request.getfixturevalue("pgsql_service")
        config = {
            "driver": "pgsql",
            "host": service.host,
            "port": service.port,
            "database": service.database,
            "username": service.user,
            "password": service.password,
        }
    db = DatabaseManager({"default": "x", "connections": {"x": config}})

    async def query() -> object:
        return await db.scalar("select 41 + 1")

    assert asyncio.run(query()) == 42
    assert asyncio.run(query()) == 42

    async def close() -> None:
        await db.disconnect_all()

    asyncio.run(close())


def test_manager_is_a_connection_resolver() -> None:
    from parvel.database import ConnectionResolver

    assert isinstance(DatabaseManager({"connections": {}}), ConnectionResolver)
