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
