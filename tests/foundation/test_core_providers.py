from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from parvel import Crypt, Hash, Log
from parvel.console.discovery import load_application
from parvel.console.main import run
from parvel.encryption import Encrypter
from parvel.foundation import Application
from parvel.hashing import HashManager
from parvel.log import LogManager


@pytest.fixture
def skeleton_app(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    isolated_app_modules: None,
    forget_modules: Callable[[], None],
) -> Application:
    monkeypatch.chdir(tmp_path)
    assert run(["new", "demo", "-q"]) == 0
    forget_modules()
    return load_application(tmp_path / "demo")


def test_core_services_are_bound(skeleton_app: Application) -> None:
    assert isinstance(skeleton_app.make("encrypter"), Encrypter)
    assert skeleton_app.make(Encrypter) is skeleton_app.make("encrypter")
    assert isinstance(skeleton_app.make("hash"), HashManager)
    assert isinstance(skeleton_app.make("log"), LogManager)


async def test_facades_reach_the_services(skeleton_app: Application) -> None:
    payload = Crypt.encrypt({"user": 1})
    assert Crypt.decrypt(payload) == {"user": 1}
    hashed = Hash.make("secret")
    assert Hash.check("secret", hashed)
    assert not Hash.check("wrong", hashed)
    Log.info("User {id} logged in", {"id": 7})
    await skeleton_app.terminate()
    log = (skeleton_app.storage_path("logs/parvel.log")).read_text()
    assert "local.INFO: User" in log
    assert '"id":7' in log


def test_view_service_renders_the_welcome_page(skeleton_app: Application) -> None:
    from parvel import View
    from parvel.view import Blade

    assert isinstance(skeleton_app.make("view"), Blade)
    html = View.render("welcome")
    assert "<title>Demo</title>" in html
    assert "Parvel 0." in html
    assert View.exists("welcome")
    assert not View.exists("nope")


def test_view_cache_and_clear_commands(
    skeleton_app: Application, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(skeleton_app.base_path())
    views = skeleton_app.storage_path("framework/views")
    assert run(["view:cache"]) == 0
    assert list(views.glob("*.py"))
    assert run(["view:clear"]) == 0
    assert not list(views.glob("*.py"))
    assert "Compiled views cleared successfully." in capsys.readouterr().out


async def test_database_service_and_facades(skeleton_app: Application) -> None:
    from parvel import DB, Schema
    from parvel.database import DatabaseManager

    assert isinstance(skeleton_app.make("db"), DatabaseManager)
    database = skeleton_app.make("db").connection().config["database"]
    assert database == str(skeleton_app.database_path("database.sqlite"))  # resolved from the base
    async with Schema.create("notes") as table:
        table.id()
        table.string("body")
    await DB.table("notes").insert({"body": "hello"})
    assert await DB.table("notes").value("body") == "hello"
    assert await Schema.has_table("notes")
    await skeleton_app.terminate()


def test_migrate_commands_on_a_new_app(
    skeleton_app: Application, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(skeleton_app.base_path())
    assert run(["migrate"]) == 0
    assert "create_users_table" in capsys.readouterr().out
    assert run(["migrate:status"]) == 0
    assert "Ran" in capsys.readouterr().out
    assert run(["make:migration", "create_posts_table"]) == 0
    created = list(skeleton_app.database_path("migrations").glob("*_create_posts_table.py"))
    assert len(created) == 1
    assert run(["migrate"]) == 0
    assert run(["db:table", "posts"]) == 0
    assert "created_at" in capsys.readouterr().out
    assert run(["migrate:rollback"]) == 0
    assert run(["db:seed"]) == 0
    assert "DatabaseSeeder" in capsys.readouterr().out
    assert run(["migrate:fresh"]) == 0
    assert run(["db:wipe"]) == 0
